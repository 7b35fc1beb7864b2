// node:http adapter: reads each request, hands it to the emulator, writes JSON, bytes, or
// server-sent events as they come. Listens on 127.0.0.1 only. The Authorization header is
// dropped before the emulator sees the request (the upstream key is the emulator's own), and
// nothing about requests is logged.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { INVALID_JSON_MESSAGE, apiError } from "../../sim/core/errors.ts";
import type { EmuRequest, EmuResponse } from "../core/types.ts";

export type Handle = (request: EmuRequest) => Promise<EmuResponse>;

export type EmulatorServer = { baseUrl: string; port: number; close(): Promise<void> };

async function readRequest(request: IncomingMessage): Promise<EmuRequest | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && name !== "authorization") headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  let body: unknown;
  if ((headers["content-type"] ?? "application/json").includes("json") && raw.toString("utf8").trim() !== "") {
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      return undefined;
    }
  }
  return { method: request.method ?? "GET", path: url.pathname, query: url.searchParams, headers, body, raw };
}

async function write(response: ServerResponse, answer: EmuResponse): Promise<void> {
  if ("events" in answer) {
    response.writeHead(answer.status, { ...answer.headers, "content-type": "text/event-stream", "cache-control": "no-cache" });
    for await (const { event, data } of answer.events) {
      // A client that left stops nothing upstream: the run goes on, as Assistants runs did.
      if (!response.destroyed) response.write(`event: ${event}\ndata: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);
    }
    response.end();
  } else if ("bytes" in answer) {
    response.writeHead(answer.status, answer.headers);
    response.end(answer.bytes);
  } else {
    response.writeHead(answer.status, { ...answer.headers, "content-type": "application/json" });
    response.end(JSON.stringify(answer.json ?? null));
  }
}

async function serve(handle: Handle, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const read = await readRequest(request);
  if (!read) {
    const { status, headers, json } = apiError(400, INVALID_JSON_MESSAGE);
    return write(response, { status, headers, json });
  }
  await write(response, await handle(read));
}

export async function startEmulatorServer(handle: Handle, port = 0): Promise<EmulatorServer> {
  const server = createServer((request, response) => {
    serve(handle, request, response).catch((error: unknown) => {
      // A crash fails the request, not the process; only the method and path are told, never a body or header.
      const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
      process.stderr.write(`emulator: failed on ${request.method} ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
      const { status, headers, json } = apiError(500, "The emulator failed to handle this request.", { type: "server_error" });
      if (!response.headersSent) void write(response, { status, headers, json });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${bound}/v1`,
    port: bound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

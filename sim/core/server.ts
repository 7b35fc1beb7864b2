// node:http adapter for any simulator: reads each request (stamping its arrival time) as JSON
// or as a multipart form, asks the simulator, writes JSON, server-sent events or raw bytes. Listens on 127.0.0.1 only. Request bodies
// and the Authorization header are never logged or stored here.
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { INVALID_JSON_MESSAGE, apiError } from "./errors.ts";
import { isMultipart, readForm } from "./multipart.ts";
import type { FormPart, Scenario, SimRequest, SimResponse, Simulator } from "./types.ts";

export type ServerOptions = {
  /** 0 or absent: a free port. */
  port?: number;
  /** Milliseconds on a monotonic clock, read once per request; the default is the real one. */
  clock?: () => number;
  /**
   * Real milliseconds to wait before each `*.delta` event of a stream, as a model writes one
   * token at a time (default 0: the whole stream at once). Recordings keep each event's time,
   * so a replay at `--pace recorded` shows the answer word by word.
   */
  deltaDelayMs?: number;
};

export type SimServer<S extends Scenario = Scenario> = {
  /** e.g. http://127.0.0.1:54321/v1: pass as OPENAI_BASE_URL / baseURL. */
  baseUrl: string;
  port: number;
  /** Mutable: flip fields between requests to switch error scenarios. */
  scenario: S;
  requestCount(): number;
  close(): Promise<void>;
};

type ReadBody = { body: unknown; form?: FormPart[] } | { invalid: string };

const INVALID_FORM_MESSAGE = "The request body could not be parsed as multipart/form-data.";

/** A JSON body, or the parts of a multipart form (file uploads). */
async function readBody(request: IncomingMessage): Promise<ReadBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const contentType = request.headers["content-type"];
  if (isMultipart(contentType)) {
    try {
      return { body: undefined, form: await readForm(bytes, contentType!) };
    } catch {
      return { invalid: INVALID_FORM_MESSAGE };
    }
  }
  const text = bytes.toString("utf8");
  if (text.trim() === "") return { body: undefined };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { invalid: INVALID_JSON_MESSAGE };
  }
}

function lowerCaseHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/** Writes each SSE frame separately, yielding in between so clients receive several chunks. */
async function writeEvents(response: ServerResponse, result: SimResponse, deltaDelayMs: number): Promise<void> {
  response.writeHead(result.status, { ...result.headers, "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const { event, data } of result.events ?? []) {
    if (deltaDelayMs > 0 && event.endsWith(".delta")) await new Promise((resolve) => setTimeout(resolve, deltaDelayMs));
    if (response.destroyed) return;
    response.write(`event: ${event}\ndata: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  response.end();
}

function writeBytes(response: ServerResponse, result: SimResponse & { bytes: { data: Uint8Array; contentType: string } }): void {
  response.writeHead(result.status, { ...result.headers, "content-type": result.bytes.contentType });
  response.end(result.bytes.data);
}

function writeJson(response: ServerResponse, result: SimResponse): void {
  response.writeHead(result.status, { ...result.headers, "content-type": "application/json" });
  response.end(JSON.stringify(result.json ?? null));
}

async function serve(
  simulator: Simulator,
  request: IncomingMessage,
  response: ServerResponse,
  at: number,
  deltaDelayMs: number,
): Promise<void> {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  const read = await readBody(request);
  const simRequest: SimRequest = {
    method: request.method ?? "GET",
    path: url.pathname,
    query: url.searchParams,
    headers: lowerCaseHeaders(request),
    body: "body" in read ? read.body : undefined,
    ...("form" in read && read.form ? { form: read.form } : {}),
    at,
  };
  const result = "invalid" in read ? apiError(400, read.invalid) : simulator.handle(simRequest);
  if (result.events) await writeEvents(response, result, deltaDelayMs);
  else if (result.bytes) writeBytes(response, { ...result, bytes: result.bytes });
  else writeJson(response, result);
}

export async function startServer<S extends Scenario>(simulator: Simulator<S>, options: ServerOptions = {}): Promise<SimServer<S>> {
  const clock = options.clock ?? (() => performance.now());
  let requests = 0;
  const server = createServer((request, response) => {
    requests += 1;
    serve(simulator, request, response, clock(), options.deltaDelayMs ?? 0).catch(() => {
      // A crash in the simulator fails the request, not the process; no request data is echoed.
      const failure = apiError(500, "The simulator failed to handle this request.", { type: "server_error" });
      if (!response.headersSent) writeJson(response, failure);
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    scenario: simulator.scenario,
    requestCount: () => requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps connections alive; drop them so close() does not wait for their timeout.
        server.closeAllConnections();
      }),
  };
}

/**
 * For a command that serves until stopped (npm run sim, npm run emulator): closes on the first
 * Ctrl-C (or SIGTERM); a second one ends the process at once.
 */
export function stopOnSignal(server: { close(): Promise<void> }): void {
  const stop = () => {
    process.once("SIGINT", () => process.exit(130));
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

// node:http adapter for the fake Assistants API. Tests start it on 127.0.0.1 (a free port)
// and point the SDK at `baseUrl`; run it standalone with
// `npx tsx test/fake-api/server.ts [port] [--poll-after-ms N] [--polls-until-done N]`.
// Request bodies and the Authorization header are never logged or stored here.
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { createFakeAssistantsApi } from "./core.ts";
import { apiError } from "./errors.ts";
import type { FakeApiOptions, FakeRequest, FakeResponse, Scenario } from "./types.ts";

export type FakeServerOptions = FakeApiOptions & { port?: number };

export type FakeServer = {
  /** e.g. http://127.0.0.1:54321/v1 — pass as OPENAI_BASE_URL / baseURL. */
  baseUrl: string;
  port: number;
  close(): Promise<void>;
  /** Mutable: flip fields between requests to switch error scenarios. */
  scenario: Scenario;
  requestCount(): number;
};

const INVALID_JSON_MESSAGE =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. " +
  "The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, " +
  "please contact us through our help center at help.openai.com.)";

async function readBody(request: IncomingMessage): Promise<{ body: unknown } | { invalid: true }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return { body: undefined };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { invalid: true };
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
async function writeEvents(response: ServerResponse, result: FakeResponse): Promise<void> {
  response.writeHead(result.status, { ...result.headers, "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const { event, data } of result.events ?? []) {
    if (response.destroyed) return;
    response.write(`event: ${event}\ndata: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  response.end();
}

function writeJson(response: ServerResponse, result: FakeResponse): void {
  response.writeHead(result.status, { ...result.headers, "content-type": "application/json" });
  response.end(JSON.stringify(result.json ?? null));
}

export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const api = createFakeAssistantsApi(options);
  let requests = 0;
  const server = createServer((request, response) => {
    requests += 1;
    void (async () => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const read = await readBody(request);
      const fakeRequest: FakeRequest = {
        method: request.method ?? "GET", path: url.pathname, query: url.searchParams,
        headers: lowerCaseHeaders(request), body: "body" in read ? read.body : undefined,
      };
      const result = "invalid" in read ? apiError(400, INVALID_JSON_MESSAGE) : api.handle(fakeRequest);
      if (result.events) await writeEvents(response, result);
      else writeJson(response, result);
    })().catch(() => {
      // A crash in the fake must fail the request, not the test process; no request data is echoed.
      if (!response.headersSent) writeJson(response, apiError(500, "The fake Assistants API failed to handle this request.", { type: "server_error" }));
      else response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    scenario: api.scenario,
    requestCount: () => requests,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // The SDK keeps connections alive; drop them so close() does not wait for their timeout.
      server.closeAllConnections();
    }),
  };
}

const USAGE = "usage: tsx test/fake-api/server.ts [port] [--poll-after-ms N] [--polls-until-done N]";

function count(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || value.trim() === "" || !Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number of 0 or more\n${USAGE}`);
  return n;
}

/** Standalone options. --poll-after-ms sends `openai-poll-after-ms` so the SDK's poll helpers skip their default 5 s. */
export function parseServerArgs(args: readonly string[]): FakeServerOptions {
  const options: FakeServerOptions = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith("--") ? arg.split("=", 2) as [string, string | undefined] : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === "--poll-after-ms") options.pollAfterMs = count(flag, value());
    else if (flag === "--polls-until-done") options.pollsUntilDone = Math.max(1, count(flag, value()));
    else if (!flag.startsWith("-") && options.port === undefined) options.port = count("port", flag);
    else throw new Error(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
  }
  return options;
}

async function main(): Promise<void> {
  let options: FakeServerOptions;
  try {
    options = parseServerArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const server = await startFakeServer(options);
  console.log(server.baseUrl);
  process.once("SIGINT", () => void server.close().then(() => process.exit(0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

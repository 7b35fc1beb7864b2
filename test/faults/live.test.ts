// Live servers that misbehave: one that never answers, one that fails with 500, one that
// drops the connection mid-response. Wording checks, so they run in this process.
import { afterEach, describe, expect, it } from "vitest";
import { runLiveInProcess } from "../support/live.ts";
import { startRawServer, type RawServer } from "../support/raw-server.ts";

const KEY = "sk-canary-FAULTS0123456789abcdefghijklmnopq";
let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const live = (baseUrl: string, timeoutMs?: number) =>
  runLiveInProcess(1, "live", { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: baseUrl }, { timeoutMs, report: false });

describe("a live server that misbehaves", () => {
  it("says which request it waits for, then gives up at the timeout with guidance", async () => {
    server = await startRawServer(() => {});
    const { result, errorLines, said } = await live(server.baseUrl, 1_000);
    expect(result.run.status).toBe("error");
    expect(said).toMatch(/^… still waiting for POST \/v1\/assistants: \d+(\.\d)? s; gives up after 1 s \(Ctrl-C stops\)\n/);
    expect(errorLines).toEqual([
      `LiveError: POST /v1/assistants got no answer from ${server.baseUrl} within 1 s`,
      "Fix: check that the server is up and answering, or allow longer with --timeout SECONDS",
    ]);
    expect(server.requests()).toBe(1);
  });

  it("explains a 500 that persists after the SDK's retries", async () => {
    server = await startRawServer((_request, response) => {
      response.writeHead(500, { "content-type": "application/json", "retry-after-ms": "1" });
      response.end(
        JSON.stringify({
          error: { message: "The server had an error while processing your request.", type: "server_error", param: null, code: null },
        }),
      );
    });
    const { errorLines } = await live(server.baseUrl);
    expect(errorLines).toEqual([
      `LiveError: ${server.baseUrl} failed with 500 on POST /v1/assistants, also after the SDK's retries (The server had an error while processing your request.)`,
      "Fix: the server had a problem, not your lesson: wait a moment and run it again; if it keeps failing, check https://status.openai.com or the server's logs",
    ]);
    expect(server.requests()).toBe(3);
  });

  it("tells a connection dropped mid-response apart from a server it could not reach", async () => {
    server = await startRawServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "500" });
      response.write('{"id": "asst_');
      setTimeout(() => response.socket?.destroy(), 5);
    });
    const { errorLines } = await live(server.baseUrl);
    expect(errorLines[0]).toMatch(
      new RegExp(
        `^LiveError: the connection to ${server.baseUrl.replace(/\./g, "\\.")} was dropped while receiving the response to POST /v1/assistants`,
      ),
    );
    expect(errorLines[1]).toBe(
      "Fix: run the lesson again; if it keeps happening, check the server's logs or your network (a proxy may cut long responses)",
    );
  });
});

// Each way a live run goes wrong, produced for real: the local simulator's error
// scenarios, a closed port, and a host name that cannot resolve.
import { readdirSync } from "node:fs";
import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startCourseSim, type CourseSim } from "../support/sim.ts";
import { cleanEnv, runCli, tempCourse, type CliResult } from "../support/cli.ts";

const KEY = "sk-canary-ERRORS0123456789abcdefghijklmnopq";

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The one line a failed cell ends with in the summary, and the fix line under the error. */
const lines = (result: CliResult) => result.stdout.split("\n");

describe("live mode errors", () => {
  let server: CourseSim;
  const course = tempCourse(["01-create-assistant", "05-wait-on-run", "11-streaming"]);
  const record = (lesson: string, baseUrl: string, withKey = true) =>
    runCli([lesson, "--record", ...course.flags], cleanEnv({ OPENAI_API_KEY: withKey ? KEY : undefined, OPENAI_BASE_URL: baseUrl }));

  beforeAll(async () => {
    server = await startCourseSim();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    Object.assign(server.scenario, { rejectKey: false, shutdown: false, rateLimit: false, runOutcome: "completed" });
  });
  const fixturesUntouched = () =>
    expect(readdirSync(course.fixtures).sort()).toEqual(["01-create-assistant.json", "05-wait-on-run.json", "11-streaming.json"]);

  it("stops before any request when no key is set, saying how to set one", async () => {
    const before = server.requestCount();
    const result = await record("1", server.baseUrl, false);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'lessonbook: Failed to start record mode: OPENAI_API_KEY is not set, and --live and --record call the real API. Fix: put OPENAI_API_KEY=<your key> in a ".env" file in the repository root (or export it), or drop the flag to replay offline\n',
    );
    expect(server.requestCount()).toBe(before);
  });

  it("explains a rejected key without printing the key", async () => {
    server.scenario.rejectKey = true;
    const result = await record("1", server.baseUrl);
    expect(result.code).toBe(1);
    expect(lines(result)).toContain(
      `LiveError: ${server.baseUrl} rejected the API key (401 on POST /v1/assistants: Incorrect API key provided: [redacted]. You can find your API key at https://platform.openai.com/account/api-keys.)`,
    );
    expect(lines(result)).toContain(
      "Fix: check OPENAI_API_KEY in .env or your environment; create a key at https://platform.openai.com/api-keys",
    );
    expect(result.stdout + result.stderr).not.toMatch(/sk-can|canary/i);
    fixturesUntouched();
  });

  it("explains the 2026-08-26 shutdown when the server has no Assistants API", async () => {
    server.scenario.shutdown = true;
    const result = await record("1", server.baseUrl);
    expect(result.code).toBe(1);
    const host = new URL(server.baseUrl).host;
    expect(result.stdout).toContain(
      `LiveError: ${host} answered 404 to POST /v1/assistants: the Assistants API is not available there; OpenAI shut it down on 2026-08-26, so /v1/assistants and /v1/threads no longer exist on api.openai.com (`,
    );
    expect(lines(result)).toContain(
      'Fix: replay the lesson offline with "npm run lesson N" (no flag), or set OPENAI_BASE_URL to a server that still implements the Assistants API',
    );
    fixturesUntouched();
  });

  it("explains rate limiting once the SDK's retries are used up", async () => {
    server.scenario.rateLimit = true;
    const before = server.requestCount();
    const result = await record("1", server.baseUrl);
    expect(result.code).toBe(1);
    expect(server.requestCount() - before).toBe(3);
    expect(result.stdout).toContain(
      `LiveError: ${server.baseUrl} is rate limiting requests (429 on POST /v1/assistants after the SDK's retries: Rate limit reached`,
    );
    fixturesUntouched();
  });

  it("names the base URL when the connection is refused", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/v1`;
    const result = await record("1", url);
    expect(result.code).toBe(1);
    expect(lines(result)).toContain(`LiveError: could not reach ${url}: the connection was refused`);
    expect(lines(result)).toContain("Fix: check OPENAI_BASE_URL and your network, or replay offline without --live");
    fixturesUntouched();
  });

  it("says a port fetch refuses to use is a bad port, not a connection failure", async () => {
    const result = await record("1", "http://127.0.0.1:6000/v1");
    expect(result.code).toBe(1);
    expect(lines(result)).toContain(
      'LiveError: could not reach http://127.0.0.1:6000/v1: fetch refuses to connect to port 6000 ("bad port"), one of the ports browsers block for safety',
    );
    expect(lines(result)).toContain("Fix: run the server on another port (such as 8787) and point OPENAI_BASE_URL at it");
    fixturesUntouched();
  });

  it("names the base URL when its host name does not resolve", async () => {
    const result = await record("1", "http://lessonbook-no-such-host.invalid/v1");
    expect(result.code).toBe(1);
    expect(lines(result)).toContain(
      "LiveError: could not reach http://lessonbook-no-such-host.invalid/v1: its host name could not be resolved (DNS)",
    );
    fixturesUntouched();
  });

  it.each(["failed", "expired"] as const)("stops with the run's last_error when a run ends %s", async (outcome) => {
    server.scenario.runOutcome = outcome;
    const result = await record("5", server.baseUrl);
    expect(result.code).toBe(1);
    const lastError = outcome === "failed" ? "last_error: server_error: Sorry, something went wrong." : "last_error: null";
    expect(result.stdout).toMatch(
      new RegExp(
        `✗ Lesson 05-wait-on-run failed in cell 7 "Wait for the run": LiveError: run run_\\w+ ended "${outcome}" \\(${lastError.replace(/[.]/g, "\\.")}\\)`,
      ),
    );
    fixturesUntouched();
  });

  it("stops with the run's last_error when a streamed run ends failed", async () => {
    server.scenario.runOutcome = "failed";
    const result = await record("11", server.baseUrl);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /✗ Lesson 11-streaming failed in cell 4 "Stream the run": LiveError: run run_\w+ ended "failed" \(last_error: server_error: Sorry, something went wrong\.\)/,
    );
    fixturesUntouched();
  });
});

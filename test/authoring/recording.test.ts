// No recording passes falsely: work a lesson did not await is recorded, a recording that
// captured nothing never replaces a fixture that had exchanges, and a failed request fails the
// run even when the lesson caught the error (unless its cell expects an API error).
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, runCli, tempCourse, writeLesson, type CliResult } from "../support/cli.ts";
import { startRawServer } from "../support/raw-server.ts";
import { startCourseSim, type CourseSim } from "../support/sim.ts";

const KEY = "sk-canary-RECORDING0123456789abcdefghijklm";
const THREAD = { id: "thread_kept0fixture", object: "thread", created_at: 1754380800, metadata: {}, tool_resources: {} };
const GOOD_FIXTURE = [
  { at: 0, request: { method: "POST", path: "/v1/threads", body: {} }, response: { status: 200, body: THREAD } },
  { at: 1, request: { method: "GET", path: `/v1/threads/${THREAD.id}` }, response: { status: 200, body: THREAD } },
];

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const summary = (result: CliResult) => result.stdout.trim().split("\n").at(-1);
const exchangesOf = (path: string) =>
  (JSON.parse(readFileSync(path, "utf8")) as { exchanges: { cell?: string; request: { path: string }; response: { status: number } }[] })
    .exchanges;

describe("recording a lesson", () => {
  let sim: CourseSim;
  const course = tempCourse();
  const record = (lesson: string, baseUrl = sim.baseUrl, extra: string[] = []) =>
    runCli([lesson, "--record", ...course.flags, ...extra], cleanEnv({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: baseUrl }));
  const fixture = (id: string) => join(course.fixtures, `${id}.json`);
  beforeAll(async () => {
    sim = await startCourseSim();
  });
  afterAll(() => sim.close());

  it("records what a main() the lesson did not await sends, as the SDK's examples do", async () => {
    const lesson = [
      "import OpenAI from 'openai';",
      "",
      "const openai = new OpenAI();",
      "",
      "async function main() {",
      "  const assistant = await openai.beta.assistants.create({ model: 'gpt-4o-mini', name: 'Math Tutor' });",
      "  console.log('Created ' + assistant.name);",
      "}",
      "",
      "main();",
      "",
    ];
    writeLesson(course, "71-unawaited", lesson.join("\n"));
    const result = await record("71");
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toContain("\nCreated Math Tutor\n");
    expect(exchangesOf(fixture("71-unawaited")).map((e) => [e.cell, e.request.path, e.response.status])).toEqual([
      ["cell-1", "/v1/assistants", 200],
    ]);
    const replayed = await runCli(["71", ...course.flags]);
    expect([replayed.code, summary(replayed)]).toEqual([
      0,
      "✓ Lesson 71-unawaited: 1 cell ran in replay mode; report: reports/71-unawaited.md",
    ]);
  });

  it("refuses to replace a fixture that has exchanges with a recording of none, unless --allow-empty", async () => {
    writeLesson(course, "72-quiet", 'console.log("no request here");\n', GOOD_FIXTURE);
    const before = readFileSync(fixture("72-quiet"), "utf8");
    const refused = await record("72");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'lessonbook: Refusing to replace fixtures/72-quiet.json: the recording captured no request, but the fixture has 2 exchanges (does the lesson await its work?). Fix: check the lesson, or record an empty fixture on purpose with "npm run lesson 72 -- --record --allow-empty"\n',
    );
    expect(readFileSync(fixture("72-quiet"), "utf8")).toBe(before);
    const allowed = await record("72", sim.baseUrl, ["--allow-empty"]);
    expect([allowed.code, allowed.stderr]).toEqual([0, ""]);
    expect(exchangesOf(fixture("72-quiet"))).toEqual([]);
  });

  it("fails, shows the error and writes nothing when the lesson catches a failed request (main().catch(console.error))", async () => {
    const lesson = [
      "import OpenAI from 'openai';",
      "const openai = new OpenAI();",
      "async function main() {",
      "  const thread = await openai.beta.threads.create();",
      "  console.log(thread.id);",
      "}",
      "main().catch(console.error);",
      "",
    ];
    writeLesson(course, "73-caught", lesson.join("\n"), GOOD_FIXTURE);
    const before = readFileSync(fixture("73-caught"), "utf8");
    const unreachable = `http://127.0.0.1:${await closedPort()}/v1`;
    const result = await record("73", unreachable);
    expect(result.code).toBe(1);
    // What the lesson printed when it caught the error, then why the run failed anyway.
    expect(result.stdout).toContain("Error: Connection error.");
    expect(summary(result)).toBe(
      `✗ Lesson 73-caught failed in cell 1: LiveError: could not reach ${unreachable}: the connection was refused; the lesson caught the error, but a run with a failed request writes no fixture or report`,
    );
    expect(result.stdout).toContain("Fix: check OPENAI_BASE_URL and your network, or replay offline without --live\n");
    expect(readFileSync(fixture("73-caught"), "utf8")).toBe(before);
    expect(() => readFileSync(join(course.reports, "73-caught.md"))).toThrow(/ENOENT/);
  });

  it("fails on an API error the lesson catches, unless its cell is tagged expect-api-error (lesson 8's 404)", async () => {
    const lesson = (tags: string) =>
      [
        '// %% [markdown] id="intro"',
        "// # Lesson 74: Not found",
        `// %% Ask for a thread that does not exist id="missing"${tags}`,
        'import OpenAI from "openai";',
        "const client = new OpenAI();",
        "try {",
        '  await client.beta.threads.retrieve("thread_doesNotExist000000000");',
        "} catch (error) {",
        "  if (error instanceof OpenAI.NotFoundError) console.log(error.status, error.constructor.name);",
        "}",
        "",
      ].join("\n");
    writeLesson(course, "74-not-found", lesson(""));
    const untagged = await record("74");
    expect(untagged.code).toBe(1);
    expect(untagged.stdout).toContain("\n404 NotFoundError\n");
    expect(summary(untagged)).toMatch(
      /^✗ Lesson 74-not-found failed in cell 1 "Ask for a thread that does not exist": LiveError: GET \/v1\/threads\/thread_doesNotExist000000000 failed with 404 \(.+\); the lesson caught the error, but a run with a failed request writes no fixture or report$/,
    );
    expect(untagged.stdout).toContain(
      'Fix: fix the request; if the cell gets this error on purpose and catches it, tag the cell with tags=["expect-api-error"]\n',
    );
    writeLesson(course, "74-not-found", lesson(' tags=["expect-api-error"]'));
    const tagged = await record("74");
    expect([tagged.code, summary(tagged)]).toEqual([
      0,
      "✓ Lesson 74-not-found: 1 cell ran in record mode; report: reports/74-not-found.md",
    ]);
    expect(exchangesOf(fixture("74-not-found")).map((e) => e.response.status)).toEqual([404]);
  });

  it("does not count a failure that the SDK's retry recovered from", async () => {
    let calls = 0;
    const flaky = await startRawServer((_request, response) => {
      calls++;
      if (calls === 1) {
        response.writeHead(500, { "content-type": "application/json", "retry-after-ms": "1" });
        response.end(JSON.stringify({ error: { message: "try again", type: "server_error", param: null, code: null } }));
        return;
      }
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(THREAD));
    });
    try {
      const lesson = [
        "import OpenAI from 'openai';",
        "const thread = await new OpenAI().beta.threads.create();",
        "console.log(thread.id);",
        "",
      ];
      writeLesson(course, "75-flaky", lesson.join("\n"));
      const result = await record("75", flaky.baseUrl);
      expect([result.code, summary(result)]).toEqual([0, "✓ Lesson 75-flaky: 1 cell ran in record mode; report: reports/75-flaky.md"]);
      expect(exchangesOf(fixture("75-flaky")).map((e) => e.response.status)).toEqual([500, 200]);
    } finally {
      await flaky.close();
    }
  });
});

// Work a lesson leaves running when its last statement returns (the SDK examples' `main();`,
// not awaited) is waited for, within the run's time limit, and belongs to the last cell.
import { describe, expect, it } from "vitest";
import type { NotebookRun } from "../../src/notebook/execute.ts";
import { tempCourse, writeLesson } from "../support/cli.ts";
import { runLiveInProcess } from "../support/live.ts";
import { startRawServer } from "../support/raw-server.ts";
import { replayInProcess } from "../support/replay.ts";

const THREAD = { id: "thread_left0running", object: "thread", created_at: 1754380800, metadata: {}, tool_resources: {} };
const created = { at: 0, request: { method: "POST", path: "/v1/threads", body: {} }, response: { status: 200, body: THREAD } };
const retrieved = { at: 1, request: { method: "GET", path: `/v1/threads/${THREAD.id}` }, response: { status: 200, body: THREAD } };

const LEFT_RUNNING = [
  '// %% [markdown] id="intro"',
  "// # Lesson 95: Left running",
  '// %% Set up id="set-up"',
  'import OpenAI from "openai";',
  "const client = new OpenAI();",
  "async function main() {",
  "  const thread = await client.beta.threads.create();",
  '  console.log("created", thread.id);',
  "  // A real wait between requests: the run still waits for what comes after it.",
  "  await new Promise((resolve) => setTimeout(resolve, 30));",
  "  const again = await client.beta.threads.retrieve(thread.id);",
  '  console.log("retrieved", again.id);',
  "}",
  '// %% Start main, and do not wait for it id="start-main"',
  'console.log("before");',
  "main();",
  "",
].join("\n");

/** What each code cell printed, by id. */
const printed = (run: NotebookRun) =>
  Object.fromEntries(
    run.results
      .filter((r) => r.cell.kind === "code")
      .map((r) => [r.cell.id, r.outputs.map((o) => (o.type === "stream" ? o.text : `[${o.type}]`)).join("")]),
  );

describe("work a lesson leaves running after its last statement", () => {
  it("is waited for, and its requests and output belong to the last cell", async () => {
    const course = tempCourse();
    writeLesson(course, "95-left-running", LEFT_RUNNING, [created, retrieved]);
    const { run } = await replayInProcess(95, { dirs: course.dirs });
    expect(run.status).toBe("ok");
    expect(printed(run)).toEqual({ "set-up": "", "start-main": `before\ncreated ${THREAD.id}\nretrieved ${THREAD.id}\n` });
    expect(run.results.map((r) => r.status)).toEqual(["ok", "ok", "ok"]);
  });

  it("fails the last cell when that work has no recording, even though no one awaited it", async () => {
    const course = tempCourse();
    writeLesson(course, "95-left-running", LEFT_RUNNING, [created]);
    const { run } = await replayInProcess(95, { dirs: course.dirs });
    expect(run.status).toBe("error");
    const last = run.results.at(-1)!;
    expect(last.status).toBe("error");
    const error = last.outputs.find((o) => o.type === "error");
    expect(error?.type === "error" && `${error.error.name}: ${error.error.message}`).toBe(
      `ReplayMissError: no recording matches GET /v1/threads/${THREAD.id}: no recorded request has this method, path, query and body`,
    );
  });

  it("fails the last cell, naming what still runs, when it outlasts the time limit (--timeout in live mode)", async () => {
    const course = tempCourse();
    const lesson = [
      '// %% [markdown] id="intro"',
      "// # Lesson 96: Never done",
      '// %% Tick forever id="tick"',
      "setInterval(() => {}, 50);",
      "",
    ];
    writeLesson(course, "96-never-done", lesson.join("\n"));
    const server = await startRawServer(() => {});
    try {
      const env = { OPENAI_API_KEY: "sk-local", OPENAI_BASE_URL: server.baseUrl };
      const { result, errorLines } = await runLiveInProcess(96, "live", env, { dirs: course.dirs, timeoutMs: 1_000, report: false });
      expect(result.run.status).toBe("error");
      expect(errorLines).toHaveLength(1);
      expect(errorLines[0]).toMatch(
        /^LeftoverWorkError: the lesson was still busy 1(\.\d)? s after its last statement \(a timer\); await what it starts, e\.g\. "await main\(\);" instead of "main\(\);", and clear timers it no longer needs$/,
      );
      expect(server.requests()).toBe(0);
    } finally {
      await server.close();
    }
  });

  it("does not wait for what Node would not wait for: an unref'd timer", async () => {
    const course = tempCourse();
    const lesson = ['// %% [markdown] id="intro"', "// # Lesson 97: Unref'd", '// %% Housekeeping id="housekeeping"'];
    lesson.push("setInterval(() => {}, 50).unref();", 'console.log("done");', "");
    writeLesson(course, "97-unrefd", lesson.join("\n"));
    const { run } = await replayInProcess(97, { dirs: course.dirs });
    expect([run.status, printed(run)]).toEqual(["ok", { housekeeping: "done\n" }]);
  });
});

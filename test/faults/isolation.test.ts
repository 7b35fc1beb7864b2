// In --all, each lesson is its own session: what one lesson left running (a request sent
// after it ended, output printed late) is refused, and the next lesson replays untouched.
import { describe, expect, it } from "vitest";
import { tempCourse, writeLesson } from "../support/cli.ts";
import { replayInProcess } from "../support/replay.ts";

const threadExchange = (id: string) => ({
  at: 0,
  request: { method: "POST", path: "/v1/threads", body: {} },
  response: { status: 200, body: { id, object: "thread", created_at: 1754380800, metadata: {}, tool_resources: {} } },
});

const LEAVES_WORK_BEHIND = [
  '// %% [markdown] id="intro"',
  "// # Lesson 93: Leaves work behind",
  '// %% Start something and walk away id="walk-away"',
  'import OpenAI from "openai";',
  "const client = new OpenAI();",
  "const thread = await client.beta.threads.create();",
  "console.log(thread.id);",
  "// Not awaited, and unref'd: Node would not wait for it, so it runs after this lesson's session has ended.",
  "setTimeout(() => {",
  '  console.log("late output from lesson 93");',
  "  const done = (outcome: string) => Object.assign(globalThis, { leftover93: outcome });",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the lesson's own template strings, written as text
  "  client.beta.threads.create().then((t) => done(`sent: ${t.id}`), (error: Error) => done(`refused: ${error.message}`));",
  "}, 20).unref();",
  "",
].join("\n");

const NEXT_LESSON = [
  '// %% [markdown] id="intro"',
  "// # Lesson 94: Runs next",
  '// %% Create a thread, wait a little id="next"',
  'import OpenAI from "openai";',
  'import { sleep } from "../src/helpers/index.ts";',
  "const client = new OpenAI();",
  "// Wait (in real time) until lesson 93's left-over callback has tried its request.",
  'while (!("leftover93" in globalThis)) await new Promise((resolve) => setImmediate(resolve));',
  "await sleep(10);",
  "const thread = await client.beta.threads.create();",
  "console.log(thread.id);",
  "",
].join("\n");

describe("lessons run one after another in one process", () => {
  it("refuse what an earlier lesson left running, so the next one replays as recorded", async () => {
    const course = tempCourse();
    writeLesson(course, "93-leaves-work", LEAVES_WORK_BEHIND, [threadExchange("thread_from93")]);
    writeLesson(course, "94-runs-next", NEXT_LESSON, [threadExchange("thread_from94")]);

    const first = await replayInProcess(93, { dirs: course.dirs });
    expect(first.run.status).toBe("ok");
    const second = await replayInProcess(94, { dirs: course.dirs });
    expect(second.run.status).toBe("ok");
    const printed = (r: typeof second) => r.run.results.flatMap((c) => c.outputs).map((o) => (o.type === "stream" ? o.text : ""));
    // Lesson 94 got its own recording, and nothing lesson 93 printed late reached it.
    expect(printed(second).join("")).toBe("thread_from94\n");
    // …and lesson 93's left-over request was never sent anywhere.
    expect((globalThis as { leftover93?: string }).leftover93).toBe(
      "refused: 499 lessonbook refused a request: its lesson run had already ended; it was not sent",
    );
  });
});

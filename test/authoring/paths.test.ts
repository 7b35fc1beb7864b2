// A lesson that prints an error's stack (as `main().catch(console.error)` does) gets a report
// with no absolute path and no `?lessonbook-run=N` URL: the same report on every machine and run.
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { ROOT, tempCourse, writeLesson } from "../support/cli.ts";
import { replayInProcess } from "../support/replay.ts";

const MISSING = "thread_gone0000000000000";
const notFound = {
  at: 0,
  request: { method: "GET", path: `/v1/threads/${MISSING}` },
  response: {
    status: 404,
    body: { error: { message: `No thread found with id '${MISSING}'.`, type: "invalid_request_error", param: null, code: null } },
  },
};

const LESSON = [
  '// %% [markdown] id="intro"',
  "// # Lesson 83: Stacks",
  '// %% Print what was caught id="print-caught" tags=["expect-api-error"]',
  'import OpenAI from "openai";',
  "const client = new OpenAI();",
  "try {",
  `  await client.beta.threads.retrieve("${MISSING}");`,
  "} catch (error) {",
  "  console.log((error as Error).stack);",
  "  console.error(error);",
  "}",
  "",
].join("\n");

describe("stack traces a lesson prints", () => {
  it("name lesson lines and packages by relative path, the same in every run", async () => {
    const course = tempCourse();
    writeLesson(course, "83-stacks", LESSON, [notFound]);
    const report = async () => {
      const { result } = await replayInProcess(83, { dirs: course.dirs, report: true });
      expect(result.run.status).toBe("ok");
      return String(result.writes.find((w) => w.path === result.reportPath)?.data);
    };
    const first = await report();
    expect(first).toContain(`NotFoundError: 404 No thread found with id '${MISSING}'.`);
    expect(first).toMatch(/\n {4}at lessons\/83-stacks\.ts:7:\d+\n/);
    expect(first).toMatch(/\n {4}at \S+ \(node_modules\/openai\/\S+\.mjs:\d+:\d+\)\n/);
    for (const absolute of [course.dir, ROOT, tmpdir(), "file://", "lessonbook-run"]) expect(first).not.toContain(absolute);
    expect(await report()).toBe(first);
  });
});

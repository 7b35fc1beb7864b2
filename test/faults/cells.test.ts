// Lessons that misbehave: a cell that never finishes, a cell that calls process.exit, and
// bad invocations. These are about the process (exit codes, what is written), so each runs
// the real CLI as a child process.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanEnv, runCli, tempCourse, writeLesson } from "../support/cli.ts";

/** A temp course with one lesson `91-<slug>` whose second code cell is `body`, and an empty fixture. */
function courseWith(slug: string, body: string) {
  const course = tempCourse();
  const id = `91-${slug}`;
  const lesson = [
    "// %% [markdown]",
    "// # Lesson 91: Misbehaving",
    "",
    "// %% First",
    'console.log("first");',
    "",
    "// %% Second",
    body,
    "",
    "// %% Third",
    'console.log("third");',
    "",
  ].join("\n");
  writeLesson(course, id, lesson);
  return { course, id, report: join(course.reports, `${id}.md`), failedReport: join(course.reports, `${id}.failed.md`) };
}

const summaryLine = (stdout: string) => stdout.trim().split("\n").at(-1);

describe("a cell that cannot finish", () => {
  it("fails the cell that awaits a promise that never settles, exits 1 and keeps the committed report", async () => {
    const { course, id, report, failedReport } = courseWith("never", "await new Promise(() => {});");
    writeFileSync(report, "the committed report\n");
    const result = await runCli(["91", ...course.flags]);
    expect(result.code).toBe(1);
    expect(summaryLine(result.stdout)).toBe(
      `✗ Lesson ${id} failed in cell 2 "Second": NeverFinishedError: the cell never finished: it waited for something that can no longer happen (a promise that never settles), and nothing else was left to run; report: reports/${id}.failed.md (reports/${id}.md is unchanged)`,
    );
    expect(result.stdout).toContain("Not run: cell 3.");
    expect(readFileSync(report, "utf8")).toBe("the committed report\n");
    expect(readFileSync(failedReport, "utf8")).toContain("NeverFinishedError: the cell never finished");
  });

  it("ends the cell that calls process.exit(3) with that status, with a summary and a report", async () => {
    const { course, id, failedReport } = courseWith("exits", "process.exit(3);");
    const result = await runCli(["91", ...course.flags]);
    expect(result.code).toBe(1);
    expect(summaryLine(result.stdout)).toBe(
      `✗ Lesson ${id} failed in cell 2 "Second": LessonExitError: the lesson ended with process.exit(3); report: reports/${id}.failed.md (reports/${id}.md is unchanged)`,
    );
    expect(result.stdout).toContain("Not run: cell 3.");
    expect(readFileSync(failedReport, "utf8")).toContain("LessonExitError: the lesson ended with process.exit(3)");
  });

  it("ends the lesson successfully at process.exit(0), even when the lesson catches what unwinds it", async () => {
    const body = 'try {\n  console.log("second");\n  process.exit(0);\n} catch {\n  console.log("caught the exit");\n}';
    const { course, id, report } = courseWith("exits-zero", body);
    const result = await runCli(["91", ...course.flags]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout.split("\n").slice(-3)).toEqual([
      "Not run: cell 3.",
      `✓ Lesson ${id}: 2 cells ran in replay mode; report: reports/${id}.md`,
      "",
    ]);
    const written = readFileSync(report, "utf8");
    expect(written).toContain("```text\nsecond\ncaught the exit\n```");
    expect(written).toContain(
      '**[3] Third**\n\n```ts\nconsole.log("third");\n```\n\n_Not run: an earlier cell ended the lesson with process.exit(0)._',
    );
  });

  it("ends the lesson where a callback calls process.exit(1), as the SDK's Azure example's main().catch does", async () => {
    const course = tempCourse();
    const id = "92-exits-late";
    const lesson = [
      "async function main() {",
      '  throw new Error("no server");',
      "}",
      "",
      "main().catch((err) => {",
      "  console.error(err.message);",
      "  process.exit(1);",
      "});",
      "",
    ];
    writeLesson(course, id, lesson.join("\n"));
    const result = await runCli(["92", ...course.flags]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("no server\n");
    expect(summaryLine(result.stdout)).toBe(
      `✗ Lesson ${id} failed in cell 1: LessonExitError: the lesson ended with process.exit(1); report: reports/${id}.failed.md (reports/${id}.md is unchanged)`,
    );
  });

  it("fails the cell whose callback throws after the cell's code has returned", async () => {
    const { course, id } = courseWith(
      "stray",
      'await new Promise((resolve) => setTimeout(() => { resolve(1); throw new Error("late boom"); }, 1));\nawait new Promise(() => {});',
    );
    const result = await runCli(["91", ...course.flags]);
    expect(result.code).toBe(1);
    expect(summaryLine(result.stdout)).toMatch(new RegExp(`^✗ Lesson ${id} failed in cell 2 "Second": Error: late boom;`));
  });
});

describe("bad invocations", () => {
  it("refuses flags that npm kept for itself instead of silently replaying", async () => {
    const result = await runCli(["3"], cleanEnv({ npm_config_live: "true" }));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "lessonbook: npm kept --live for itself: options for lessonbook must come after a lone --. Fix: npm run lesson N -- --live\n",
    );
  });

  it("says so when --stop-after is past the last code cell", async () => {
    const { course, id } = courseWith("short", 'console.log("second");');
    const result = await runCli(["91", "--stop-after", "9", ...course.flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `lessonbook: Invalid --stop-after 9: lesson ${id} has 3 code cells. Fix: choose a number from 1 to 3, or leave --stop-after out to run the whole lesson\n`,
    );
  });

  it("counts one cell as one cell", async () => {
    const { course, id } = courseWith("one", 'console.log("second");');
    const result = await runCli(["91", "--stop-after", "1", "--no-report", ...course.flags]);
    expect(summaryLine(result.stdout)).toBe(`✓ Lesson ${id}: 1 cell ran in replay mode (stopped after cell 1)`);
  });

  it("gives one line, not a stack, when the reports folder cannot be written", async () => {
    const { course, id } = courseWith("nowhere", 'console.log("second");');
    const blocked = join(course.dir, "not-a-folder");
    writeFileSync(blocked, "a file where the reports folder should be\n");
    const result = await runCli(["91", ...course.flags, "--reports", join(blocked, "reports")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^lessonbook: Failed to write not-a-folder/reports/${id}.md for lesson ${id}: [^\\n]*the previous files were left as they were\\. Fix: make not-a-folder/reports/ writable and run the lesson again, or add --no-report\\n$`,
      ),
    );
    expect(existsSync(join(blocked, "reports"))).toBe(false);
  });

  it("stops quietly when the reader of its output goes away (| head -1)", async () => {
    const result = await runCli(["3"], cleanEnv(), "", { closeStdoutAfterFirstChunk: true });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});

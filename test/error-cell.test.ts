import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempCourse, writeLesson } from "./support/cli.ts";

const LESSON = `// %% [markdown]
// # Lesson 90: Things go wrong

// %% Define a helper
function check(answer: unknown): number {
  if (typeof answer !== "number") throw new TypeError("the answer was not a number");
  return answer;
}

// %% Print while awaiting
await new Promise<void>((resolve) => setTimeout(() => { console.log("printed while the cell awaited"); resolve(); }, 20));
console.error("a warning");

// %% Fail
console.log("before the error");
check("forty-two");

// %% [markdown]
// Still shown: narrative is never "not run".

// %% Never runs
console.log("unreachable");
`;

describe("a cell that throws", () => {
  it("stops the lesson in that cell, shows a stack at lesson lines, marks later cells not run, exits 1 and writes the failed run's report beside the committed one", async () => {
    const course = tempCourse();
    writeLesson(course, "90-things-go-wrong", LESSON);
    const result = await runCli(["90", ...course.flags]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      [
        `── [3] Fail ${"─".repeat(60)}`,
        '│ console.log("before the error");',
        '│ check("forty-two");',
        "│",
        "before the error",
        "TypeError: the answer was not a number",
        "    at check (lessons/90-things-go-wrong.ts:6:41)",
        "    at lessons/90-things-go-wrong.ts:16:1",
      ].join("\n"),
    );
    expect(result.stdout).toContain(
      'Not run: cell 4.\n✗ Lesson 90-things-go-wrong failed in cell 3 "Fail": TypeError: the answer was not a number; report: reports/90-things-go-wrong.failed.md (reports/90-things-go-wrong.md is unchanged)\n',
    );
    expect(existsSync(join(course.reports, "90-things-go-wrong.md"))).toBe(false);
    const report = readFileSync(join(course.reports, "90-things-go-wrong.failed.md"), "utf8");
    expect(report).toContain(
      [
        "**[2] Print while awaiting**",
        "",
        "```ts",
        'await new Promise<void>((resolve) => setTimeout(() => { console.log("printed while the cell awaited"); resolve(); }, 20));',
        'console.error("a warning");',
        "```",
        "",
        "```text",
        "printed while the cell awaited",
        "```",
        "",
        "Standard error:",
        "",
        "```text",
        "a warning",
        "```",
        "",
        "**[3] Fail**",
        "",
        "```ts",
        'console.log("before the error");',
        'check("forty-two");',
        "```",
        "",
        "```text",
        "before the error",
        "```",
        "",
        "**Error:**",
        "",
        "```text",
        "TypeError: the answer was not a number",
        "    at check (lessons/90-things-go-wrong.ts:6:41)",
        "    at lessons/90-things-go-wrong.ts:16:1",
        "```",
        "",
        'Still shown: narrative is never "not run".',
        "",
        "**[4] Never runs**",
        "",
        "```ts",
        'console.log("unreachable");',
        "```",
        "",
        "_Not run: an earlier cell failed._",
      ].join("\n"),
    );
    expect(report).not.toContain("unreachable\n```\n\n```text");
  });
});

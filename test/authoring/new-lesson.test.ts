// `npm run lesson:new "Title"` scaffolds a lesson with cell ids, prints how to record it, and
// the lesson it wrote runs, records and replays as it is.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseLesson } from "../../src/notebook/parse.ts";
import { cleanEnv, ROOT, runCli, tempCourse, writeLesson } from "../support/cli.ts";

/** As `npm run lesson:new -- …` runs it (package.json's "lesson:new" script). */
const lessonNew = (args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const script = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts["lesson:new"] as string;
    const [, file] = script.split(" ");
    execFile(process.execPath, [file!, ...args], { cwd: ROOT }, (error, stdout, stderr) =>
      resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr }),
    );
  });

describe("npm run lesson:new", () => {
  it("writes the next lesson with a title cell and cell ids, and prints the record command", async () => {
    const course = tempCourse();
    writeLesson(course, "31-first", '// %% [markdown] id="intro"\n// # Lesson 31: First\n// %% Go id="go"\nconsole.log(1);\n');
    const made = await lessonNew(["Stream a run", "--lessons", course.lessons]);
    expect([made.code, made.stderr]).toEqual([0, ""]);
    expect(made.stdout).toBe(
      [
        "Created lessons/32-stream-a-run.ts (cells: intro, create-client, first-step-intro, first-step).",
        "  npm run lesson 32 -- --live      run it against the API",
        "  npm run lesson 32 -- --record    record its fixture and report",
        '  then add "32-stream-a-run" to a part in lessons/course.json',
        "",
      ].join("\n"),
    );
    const text = readFileSync(join(course.lessons, "32-stream-a-run.ts"), "utf8");
    const notebook = parseLesson("lessons/32-stream-a-run.ts", text);
    expect(notebook.title).toBe("Lesson 32: Stream a run");
    expect(notebook.cells.map((c) => [c.kind, c.id, c.metadata["id"]])).toEqual([
      ["markdown", "intro", "intro"],
      ["code", "create-client", "create-client"],
      ["markdown", "first-step-intro", "first-step-intro"],
      ["code", "first-step", "first-step"],
    ]);

    const recorded = await runCli(
      ["32", "--record", ...course.flags],
      cleanEnv({ OPENAI_API_KEY: "sk-local", OPENAI_BASE_URL: "http://127.0.0.1:9/v1" }),
    );
    expect([recorded.code, recorded.stderr]).toEqual([0, ""]);
    const replayed = await runCli(["32", ...course.flags]);
    expect([replayed.code, replayed.stderr]).toEqual([0, ""]);
    expect(readFileSync(join(course.reports, "32-stream-a-run.md"), "utf8")).toContain("Lesson 32 is ready for its first step.");
  });

  it("never overwrites a lesson: a number in use is refused with the fix", async () => {
    const course = tempCourse();
    writeLesson(course, "31-first", '// %% [markdown] id="intro"\n// # Lesson 31: First\n// %% Go id="go"\nconsole.log(1);\n');
    const refused = await lessonNew(["Again", "--number", "31", "--lessons", course.lessons]);
    expect([refused.code, refused.stdout]).toEqual([2, ""]);
    expect(refused.stderr).toBe("lessonbook: Lesson 31 exists: lessons/31-first.ts has that number. Fix: choose another with --number N\n");
    expect(readdirSync(course.lessons)).toEqual(["31-first.ts"]);
  });
});

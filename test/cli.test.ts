import { execFile } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanEnv, ROOT, runCli, tempCourse } from "./support/cli.ts";

const fixture3 = JSON.parse(readFileSync(join(ROOT, "fixtures/03-add-message.json"), "utf8"));
const messageBody = fixture3.exchanges.find((e: { request: { path: string } }) => e.request.path.endsWith("/messages")).response.body;

describe("npm run lesson (the CLI as a child process)", () => {
  it("runs lesson 3 offline with no API key, cell by cell, and writes its report", async () => {
    const course = tempCourse();
    const result = await runCli(["3", "--reports", course.reports], cleanEnv());
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines.slice(0, 2)).toEqual([
      "Lesson 3: Add a message to the thread",
      "lessons/03-add-message.ts · replay, offline from fixtures/03-add-message.json",
    ]);
    expect(lines).toContain("── [4] Add a message to the thread ─────────────────────────────────────");
    expect(result.stdout).toContain(`│ show_json(message);\n│\n${JSON.stringify(messageBody, null, 2)}\n`);
    const shownReport = relative(ROOT, join(course.reports, "03-add-message.md"));
    expect(lines.slice(-2)).toEqual([`✓ Lesson 03-add-message: 5 cells ran in replay mode; report: ${shownReport}`, ""]);
    expect(result.stdout).not.toMatch(/\x1b\[/);
    expect(readFileSync(join(course.reports, "03-add-message.md"), "utf8")).toBe(
      readFileSync(join(ROOT, "reports/03-add-message.md"), "utf8"),
    );
  });

  it("rejects an unknown lesson with the valid numbers and exit code 2", async () => {
    const result = await runCli(["99"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      'lessonbook: Unknown lesson "99": choose one of 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31. Fix: run "npm run lesson" to list them with their titles\n',
    );
  });

  it("names the missing fixture and the command that records it", async () => {
    const course = tempCourse(["03-add-message"]);
    const result = await runCli(["3", "--lessons", course.lessons, "--fixtures", join(course.dir, "empty"), "--reports", course.reports]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'lessonbook: Failed to load fixture empty/03-add-message.json: the file does not exist. Fix: record it with "npm run lesson 3 -- --record" (needs OPENAI_API_KEY)\n',
    );
    expect(existsSync(join(course.reports, "03-add-message.md"))).toBe(false);
  });

  it("gives the line and column of a malformed fixture", async () => {
    const course = tempCourse(["03-add-message"]);
    const path = join(course.fixtures, "03-add-message.json");
    writeFileSync(path, readFileSync(path, "utf8").replace('"lesson": "03-add-message",', '"lesson": "03-add-message"'));
    const result = await runCli(["3", ...course.flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `lessonbook: Failed to load fixture fixtures/03-add-message.json: invalid JSON at line 5, column 3 (Expected ',' or '}' after property value). Fix: restore it with "git checkout -- fixtures/03-add-message.json" or re-record it with "npm run lesson 3 -- --record"\n`,
    );
  });

  it("rejects unknown options with the help command", async () => {
    const result = await runCli(["3", "--fast"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `lessonbook: Invalid arguments: Unknown option '--fast'. Fix: run "npm run lesson -- --help" for the options\n`,
    );
  });

  it("stops after a given cell without touching the report", async () => {
    const course = tempCourse(["03-add-message"]);
    const result = await runCli(["3", ...course.flags, "--stop-after", "2"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("── [2] Recreate the assistant (setup)");
    expect(result.stdout).not.toContain("── [3]");
    expect(result.stdout.split("\n").slice(-3)).toEqual([
      "Not run: cells 3–5.",
      "✓ Lesson 03-add-message: 2 cells ran in replay mode (stopped after cell 2)",
      "",
    ]);
    expect(existsSync(join(course.reports, "03-add-message.md"))).toBe(false);
  });
});

describe("terminal colour and lesson errors", () => {
  // `script` gives the CLI a real pseudo-terminal, as a learner's shell does.
  const inTerminal = (env: NodeJS.ProcessEnv) =>
    runCli([], env).then(
      () =>
        new Promise<string>((resolve, reject) => {
          const command = `${process.execPath} src/cli/entry.ts 1 --no-report`;
          execFile("script", ["-qec", command, "/dev/null"], { cwd: ROOT, env }, (error, stdout) =>
            error ? reject(error) : resolve(stdout),
          );
        }),
    );

  it.skipIf(!existsSync("/usr/bin/script"))("colours a terminal, and stays plain under NO_COLOR", async () => {
    // Node turns colour off when CI is set, so the learner's shell is modelled without it.
    const coloured = await inTerminal(cleanEnv({ NO_COLOR: undefined, CI: undefined, TERM: "xterm-256color" }));
    expect(coloured).toContain("\x1b[1m\x1b[35mLesson 1: Create an assistant\x1b[39m\x1b[22m");
    const plain = await inTerminal(cleanEnv({ NO_COLOR: "1", CI: undefined, TERM: "xterm-256color" }));
    expect(plain).toContain("Lesson 1: Create an assistant");
    expect(plain).not.toMatch(/\x1b\[\d+m/);
  });

  it("reports a malformed lesson as one line with its file and line", async () => {
    const course = tempCourse();
    writeFileSync(
      join(course.lessons, "93-bad.ts"),
      "// %% [markdown]\n// # Lesson 93: Bad\nnot a comment\n// %% Setup tags=[setup]\nconst a = 1;\n",
    );
    writeFileSync(join(course.fixtures, "93-bad.json"), "{}");
    const result = await runCli(["93", ...course.flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'lessonbook: Failed to parse lesson lessons/93-bad.ts: line 3: a narrative line must start with "// " (put code in a "// %%" cell). Also line 4: metadata tags=[setup] is not valid JSON (write e.g. tags=["setup"] or tags="text"). Fix: fix the lesson file; cells start with "// %%" (code) or "// %% [markdown]" (narrative)\n',
    );
  });
});

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseLesson } from "../../src/notebook/parse.ts";
import { LessonFormatError } from "../../src/notebook/problems.ts";
import { checkSyntax, LessonSyntaxError } from "../../src/notebook/syntax.ts";
import { ROOT, runCli, tempCourse } from "../support/cli.ts";

const HEAD = ["// %% [markdown]", "// # Lesson 99: Broken", "", '// %% Make a value id="make"', "const a: number = 1;", "", "// %% Use it"];
const IN_CELL_2 = 'TypeScript syntax error in cell 2 "Use it"';

function syntaxErrorOf(body: string[], newline = "\n"): string {
  const text = [...HEAD, ...body, ""].join(newline);
  try {
    checkSyntax(parseLesson("lessons/99-broken.ts", text), text);
  } catch (error) {
    if (error instanceof LessonSyntaxError) return error.message;
    throw error;
  }
  throw new Error("expected a syntax error");
}

describe("checkSyntax", () => {
  it("names the file, line, column and cell with the parser's message", () => {
    expect(syntaxErrorOf(["const b = (a;"])).toBe(`lessons/99-broken.ts:8:13: ${IN_CELL_2}: Expected ',', got ';'`);
    expect(syntaxErrorOf(["const b = (a;"], "\r\n")).toBe(`lessons/99-broken.ts:8:13: ${IN_CELL_2}: Expected ',', got ';'`);
    const unsupported = "TypeScript enum is not supported in strip-only mode";
    expect(syntaxErrorOf(["enum Color { Red }"])).toBe(`lessons/99-broken.ts:8:1: ${IN_CELL_2}: ${unsupported}`);
  });

  it("counts columns in characters, as editors do, though the parser's code frame widens tabs and Hangul", () => {
    expect(syntaxErrorOf(["", "\tconst b = (a;"])).toMatch(/^lessons\/99-broken\.ts:9:14: /);
    expect(syntaxErrorOf(["const s = '한글😀'; const b = (a;"])).toMatch(/^lessons\/99-broken\.ts:8:31: /);
  });

  it("gives the line alone when the error spans lines", () => {
    expect(syntaxErrorOf(["const s = `unterminated", "more"])).toBe(`lessons/99-broken.ts:8: ${IN_CELL_2}: Unterminated template`);
  });

  it("blames the cell that holds the line", () => {
    const text = ["// %% [markdown]", "// # T", "// %% First", "const a = (1;", "// %% Second", "a;", ""].join("\n");
    let error: unknown;
    try {
      checkSyntax(parseLesson("lessons/98-t.ts", text), text);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(LessonSyntaxError);
    const { location, reason, cell } = error as LessonSyntaxError;
    expect([location, cell?.id]).toEqual(["lessons/98-t.ts:4:13", "first"]);
    expect(reason).toBe(`TypeScript syntax error in cell 1 "First": Expected ',', got ';'`);
  });

  it("accepts every course lesson", () => {
    for (const file of readdirSync(join(ROOT, "lessons")).filter((f) => f.endsWith(".ts"))) {
      const text = readFileSync(join(ROOT, "lessons", file), "utf8");
      expect(() => checkSyntax(parseLesson(file, text), text)).not.toThrow();
    }
  });
});

describe("cell markers inside a function or block", () => {
  // An author splitting `main()` into cells: the cells would run when main() is called, out of order.
  const SPLIT_MAIN = [
    "// %% [markdown]",
    "// # Lesson 97: Split main",
    "// %% Start",
    "async function main() {",
    "  const a = 1;",
    "// %% Inside main",
    "  console.log(a);",
    "  if (a) {",
    "    // %% Deeper",
    "    console.log(a + 1);",
    "  }",
    "}",
    "// %% Call it",
    "await main();",
    "",
  ];

  it("are an error naming each one's line, before anything runs", () => {
    const text = SPLIT_MAIN.join("\n");
    const marker =
      'a "// %%" cell marker inside a function, block or expression; markers belong at the top level of the file, between statements (put the cells\' code at the top level, or keep the function in one cell)';
    expect(() => checkSyntax(parseLesson("lessons/97-split.ts", text), text)).toThrow(
      new LessonFormatError("lessons/97-split.ts", [
        { line: 6, message: marker },
        { line: 9, message: marker },
      ]),
    );
  });

  it("are reported by the CLI as one line with the fix, and exit 2", async () => {
    const course = tempCourse();
    writeFileSync(join(course.lessons, "97-split.ts"), SPLIT_MAIN.join("\n"));
    const result = await runCli(["97", ...course.flags]);
    expect([result.code, result.stdout]).toEqual([2, ""]);
    expect(result.stderr).toBe(
      'lessonbook: Failed to parse lesson lessons/97-split.ts: line 6: a "// %%" cell marker inside a function, block or expression; markers belong at the top level of the file, between statements (put the cells\' code at the top level, or keep the function in one cell). Also line 9: a "// %%" cell marker inside a function, block or expression; markers belong at the top level of the file, between statements (put the cells\' code at the top level, or keep the function in one cell). Fix: fix the lesson file; cells start with "// %%" (code) or "// %% [markdown]" (narrative)\n',
    );
  });
});

describe("a lesson with a syntax error, run from the CLI", () => {
  it("prints one line naming file, line, column and cell, exits 2, and writes no report", async () => {
    const course = tempCourse(["03-add-message"]);
    const lessonFile = join(course.lessons, "03-add-message.ts");
    writeFileSync(lessonFile, readFileSync(lessonFile, "utf8").replace('role: "user",', 'role: "user"'));
    const committedReport = join(course.reports, "03-add-message.md");
    writeFileSync(committedReport, "the committed report\n");
    const result = await runCli(["3", ...course.flags]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "lessonbook: Failed to parse lesson lessons/03-add-message.ts:38:3: " +
        `TypeScript syntax error in cell 4 "Add a message to the thread": Expected ',', got 'ident'. ` +
        'Fix: fix the code there, then run "npm run lesson 3" again\n',
    );
    expect(readdirSync(course.reports)).toEqual(["03-add-message.md"]);
    expect(readFileSync(committedReport, "utf8")).toBe("the committed report\n");
  });
});

import { describe, expect, it } from "vitest";
import type { Cell, Notebook } from "../../src/notebook/cells.ts";
import { encodeLesson } from "../../src/notebook/encode.ts";
import { parseLesson } from "../../src/notebook/parse.ts";

const lesson = (lines: string[]) => lines.join("\n");
const FILE = "lessons/99-edits.ts";

const ORIGINAL = lesson([
  '// %% [markdown] id="intro"',
  "// # Lesson 99: Edits",
  "//",
  "// Some prose.",
  "",
  '// %% Make a value id="make-value" tags=["setup",  "x"]',
  "const a = 1;",
  "",
  '// %% Print it id="print-it"',
  "console.log(a);",
  "",
]);

const byId = (notebook: Notebook, id: string): Cell => notebook.cells.find((c) => c.id === id)!;
const withCells = (notebook: Notebook, cells: Cell[]): Notebook => ({ ...notebook, cells });
const replaceCell = (notebook: Notebook, id: string, change: Partial<Cell>): Notebook =>
  withCells(
    notebook,
    notebook.cells.map((c) => (c.id === id ? { ...c, ...change } : c)),
  );

describe("encodeLesson", () => {
  it("writes an edited cell's source in place, keeping every other line", () => {
    const notebook = parseLesson(FILE, ORIGINAL);
    let edited = replaceCell(notebook, "print-it", { source: "console.log(a);\nconsole.log(a + 1);" });
    edited = replaceCell(edited, "intro", { source: "# Lesson 99: Edits\n\nNew prose,\n\n  indented." });
    const text = encodeLesson(edited);
    expect(text).toBe(
      lesson([
        '// %% [markdown] id="intro"',
        "// # Lesson 99: Edits",
        "//",
        "// New prose,",
        "//",
        "//   indented.",
        "",
        '// %% Make a value id="make-value" tags=["setup",  "x"]',
        "const a = 1;",
        "",
        '// %% Print it id="print-it"',
        "console.log(a);",
        "console.log(a + 1);",
        "",
      ]),
    );
    const reparsed = parseLesson(FILE, text);
    expect(reparsed.cells.map((c) => [c.id, c.markerLine, c.source])).toEqual([
      ["intro", 1, "# Lesson 99: Edits\n\nNew prose,\n\n  indented."],
      ["make-value", 8, "const a = 1;"],
      ["print-it", 11, "console.log(a);\nconsole.log(a + 1);"],
    ]);
  });

  it("moves cells with their own blank lines, so the file still ends with one newline", () => {
    const notebook = parseLesson(FILE, ORIGINAL);
    const [intro, make, print] = notebook.cells;
    const text = encodeLesson(withCells(notebook, [intro!, print!, make!]));
    expect(text).toBe(
      lesson([
        '// %% [markdown] id="intro"',
        "// # Lesson 99: Edits",
        "//",
        "// Some prose.",
        "",
        '// %% Print it id="print-it"',
        "console.log(a);",
        "",
        '// %% Make a value id="make-value" tags=["setup",  "x"]',
        "const a = 1;",
        "",
      ]),
    );
    const moved = parseLesson(FILE, text).cells.map((c) => [c.id, c.number, c.markerLine]);
    expect(moved).toEqual([
      ["intro", 0, 1],
      ["print-it", 1, 6],
      ["make-value", 2, 9],
    ]);
  });

  it("writes changed metadata as JSON and leaves unchanged values as they were spelled", () => {
    const notebook = parseLesson(FILE, ORIGINAL);
    const make = byId(notebook, "make-value");
    let edited = replaceCell(notebook, "make-value", { title: "Make two values", metadata: { ...make.metadata, collapsed: true } });
    edited = replaceCell(edited, "print-it", { metadata: { id: "print-it", tags: ["a", "b"] } });
    const markers = encodeLesson(edited)
      .split("\n")
      .filter((line) => line.startsWith("// %%"));
    expect(markers).toEqual([
      '// %% [markdown] id="intro"',
      '// %% Make two values id="make-value" tags=["setup",  "x"] collapsed=true',
      '// %% Print it id="print-it" tags=["a","b"]',
    ]);
  });

  it("keeps blank lines before the first cell, whitespace-only edge lines, a missing final newline and CRLF", () => {
    const texts = [
      lesson(["", "// %% [markdown]", "// # T", "//", "", "// %% A", "  ", "a();", "\t", "// %% [markdown]", "//", "// End."]),
      "// %% [markdown]\r\n// # T\r\n\r\n// %% A\r\na();\r\n",
    ];
    for (const text of texts) {
      const notebook = parseLesson(FILE, text);
      expect(encodeLesson(notebook)).toBe(text);
      expect(parseLesson(FILE, encodeLesson(notebook))).toEqual(notebook);
    }
  });

  it("writes other spellings in the canonical form, as Jupytext does", () => {
    const text = lesson(["//%%  [md]  The  intro", "// # T", "//no space", "", "//   two spaces", '// %% A tags=[ "setup" ]', "a();", ""]);
    expect(encodeLesson(parseLesson(FILE, text))).toBe(
      lesson(["// %% The intro [markdown]", "// # T", "// no space", "//", "//   two spaces", '// %% A tags=[ "setup" ]', "a();", ""]),
    );
  });
});

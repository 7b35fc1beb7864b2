import { describe, expect, it } from "vitest";
import { LessonFormatError, parseLesson } from "../../src/notebook/parse.ts";
import { encodeLesson } from "../../src/notebook/encode.ts";
import { formatMarker, parseMarker } from "../../src/notebook/marker.ts";

const lesson = (lines: string[]) => lines.join("\n");

function problemsOf(text: string): string[] {
  try {
    parseLesson("lessons/99-x.ts", text);
  } catch (error) {
    if (error instanceof LessonFormatError) return error.problems.map((p) => `${p.line}: ${p.message}`);
    throw error;
  }
  throw new Error("expected the lesson to be rejected");
}

describe("cell markers", () => {
  it("reads a code marker with a title and JSON metadata", () => {
    expect(parseMarker('// %% Recreate the thread tags=["setup"] collapsed=true')).toEqual({
      kind: "marker",
      marker: {
        type: "code",
        title: "Recreate the thread",
        metadata: { tags: ["setup"], collapsed: true },
        metadataJson: { tags: '["setup"]', collapsed: "true" },
      },
    });
  });

  it("reads a narrative marker with the title before or after the cell type", () => {
    const expected = { kind: "marker", marker: { type: "markdown", title: "Intro", metadata: {}, metadataJson: {} } };
    expect(parseMarker("// %% [markdown] Intro")).toEqual(expected);
    expect(parseMarker("// %% Intro [markdown]")).toEqual(expected);
  });

  it("treats a bare marker as an untitled code cell and other comments as code", () => {
    expect(parseMarker("// %%")).toEqual({ kind: "marker", marker: { type: "code", title: undefined, metadata: {}, metadataJson: {} } });
    expect(parseMarker("// %%%")).toEqual({ kind: "none" });
    expect(parseMarker("// plain comment")).toEqual({ kind: "none" });
  });

  it("rejects unknown cell types and metadata that is not JSON", () => {
    expect(parseMarker("// %% [raw]")).toEqual({
      kind: "invalid",
      message: 'unknown cell type [raw]; use "// %%" for code or "// %% [markdown]" for narrative',
      marker: { type: "code", title: undefined, metadata: {}, metadataJson: {} },
    });
    expect(parseMarker("// %% [markdown] Setup tags=[setup]")).toEqual({
      kind: "invalid",
      message: 'metadata tags=[setup] is not valid JSON (write e.g. tags=["setup"] or tags="text")',
      marker: { type: "markdown", title: "Setup", metadata: {}, metadataJson: {} },
    });
  });
});

describe("writing markers", () => {
  it("writes Jupytext's order and keeps each metadata value's JSON as written", () => {
    const read = (line: string) => {
      const parsed = parseMarker(line);
      if (parsed.kind !== "marker") throw new Error(`not a marker: ${line}`);
      return parsed.marker;
    };
    const spaced = '// %% Recreate the thread id="recreate-thread" tags=["setup",  "x"]';
    expect(formatMarker(read(spaced))).toBe(spaced);
    expect(formatMarker(read('//%%   [md]   Intro  id="intro"'))).toBe('// %% Intro [markdown] id="intro"');
    expect(formatMarker(read("// %%"))).toBe("// %%");
    const edited = read('// %% Step id="step" tags=["setup",  "x"] n=1.0');
    const retagged = { ...edited, metadata: { ...edited.metadata, tags: ["setup"] } };
    expect(formatMarker(retagged)).toBe('// %% Step id="step" tags=["setup"] n=1.0');
  });
});

describe("cell ids", () => {
  const cells = (...markers: string[]) =>
    lesson(['// %% [markdown] id="intro"', "// # Title", ...markers.flatMap((m) => [m, m.includes("[markdown]") ? "// Text." : "x();"])]);

  it("reads the id written in each marker", () => {
    const text = cells('// %% Create a thread id="create-thread" tags=["setup"]', '// %% id="cell-without-title"');
    const notebook = parseLesson("lessons/99-x.ts", text);
    expect(notebook.cells.map((c) => [c.id, c.title, c.tags])).toEqual([
      ["intro", undefined, []],
      ["create-thread", "Create a thread", ["setup"]],
      ["cell-without-title", undefined, []],
    ]);
  });

  it("derives ids for cells written without one: the title's slug, else cell-N, made unique", () => {
    const notebook = parseLesson(
      "lessons/99-x.ts",
      lesson([
        "// %% [markdown]",
        "// # Title",
        "// %% Create a thread, then run it!",
        "a();",
        "// %% Create a thread, then run it",
        "b();",
        '// %% Taken id="create-a-thread-then-run-it-3"',
        "c();",
        "// %% Create a thread then run it",
        "d();",
        "// %% 스레드 만들기",
        "e();",
        `// %% ${"Long title ".repeat(8)}`,
        "f();",
        `// %% ${"Long title ".repeat(8)}`,
        "g();",
      ]),
    );
    expect(notebook.cells.map((c) => c.id)).toEqual([
      "cell-1",
      "create-a-thread-then-run-it",
      "create-a-thread-then-run-it-2",
      "create-a-thread-then-run-it-3",
      "create-a-thread-then-run-it-4",
      "cell-6",
      "long-title-long-title-long-title-long-title-long-title-long",
      "long-title-long-title-long-title-long-title-long-title-long-2",
    ]);
  });

  it("rejects ids that are not lowercase slugs of at most 64 characters", () => {
    const rule = 'is not a lowercase slug of at most 64 letters, digits and hyphens; write e.g. id="create-thread"';
    const [long, longest] = ["a".repeat(65), "a".repeat(64)];
    const text = cells(
      '// %% A id="Create_Thread"',
      "// %% B id=3",
      '// %% C id="a--b"',
      `// %% D id="${long}"`,
      `// %% E id="${longest}"`,
    );
    expect(problemsOf(text)).toEqual([
      `3: cell id "Create_Thread" ${rule}`,
      `5: cell id 3 ${rule}`,
      `7: cell id "a--b" ${rule}`,
      `9: cell id "${long}" ${rule}`,
    ]);
  });

  it("rejects an id used twice, naming both lines", () => {
    expect(problemsOf(cells('// %% A id="step"', '// %% [markdown] id="intro"', '// %% C id="step"'))).toEqual([
      '5: cell id "intro" is already used by the cell at line 1; give each cell its own id',
      '7: cell id "step" is already used by the cell at line 3; give each cell its own id',
    ]);
  });
});

describe("parseLesson", () => {
  it("splits a lesson into narrative and numbered code cells with tags and lines", () => {
    const notebook = parseLesson(
      "lessons/03-x.ts",
      lesson([
        "// %% [markdown]",
        "// # Lesson 3: Add a message",
        "//",
        "// Some *prose*.",
        "",
        '// %% Recreate the client tags=["setup"]',
        "const a = 1;",
        "",
        "// %% Add the message",
        "console.log(a);",
        "",
      ]),
    );
    expect(notebook.title).toBe("Lesson 3: Add a message");
    expect(notebook.cells.map((c) => [c.kind, c.number, c.title, c.tags, c.markerLine, c.source])).toEqual([
      ["markdown", 0, undefined, [], 1, "# Lesson 3: Add a message\n\nSome *prose*."],
      ["code", 1, "Recreate the client", ["setup"], 6, "const a = 1;"],
      ["code", 2, "Add the message", [], 9, "console.log(a);"],
    ]);
  });

  it("collects every problem in one error, in line order", () => {
    expect(
      problemsOf(
        lesson(["const early = 1;", "// %% [markdown]", "no title and not a comment", "// %% [raw]", '// %% Tagged tags="setup"', "x();"]),
      ),
    ).toEqual([
      '3: a narrative line must start with "// " (put code in a "// %%" cell)',
      '4: unknown cell type [raw]; use "// %%" for code or "// %% [markdown]" for narrative',
      '5: metadata "tags" must be a JSON list of strings, e.g. tags=["setup"]',
    ]);
  });

  it("rejects a lesson without code cells", () => {
    expect(problemsOf("// %% [markdown]\n// # Only prose\n")).toEqual(['1: the lesson has no code cell; add one with a "// %%" line']);
  });

  it("names the file, the first line and how many more problems there are", () => {
    expect(() => parseLesson("lessons/99-x.ts", "x\n// %% [md]\ny\n// %% [raw]\n// %% [md]\nz\n")).toThrow(
      'lessons/99-x.ts:3: a narrative line must start with "// " (put code in a "// %%" cell) (and 2 more problems)',
    );
  });
});

describe("any TypeScript file is a lesson (drop-in authoring)", () => {
  const EXAMPLE = [
    "#!/usr/bin/env -S npm run tsn -- -T",
    "",
    "import OpenAI from 'openai';",
    "",
    "/**",
    " * Example of listing the models",
    " */",
    "const openai = new OpenAI();",
    "",
  ];

  it("reads a file without markers as one code cell, skips its shebang, and titles it from its first comment", () => {
    const notebook = parseLesson("lessons/31-models.ts", lesson(EXAMPLE));
    expect(notebook.title).toBe("Example of listing the models");
    expect(notebook.layout.before).toEqual(["#!/usr/bin/env -S npm run tsn -- -T", ""]);
    expect(notebook.cells.map((c) => [c.kind, c.number, c.id, c.markerLine, c.source])).toEqual([
      ["code", 1, "cell-1", 0, EXAMPLE.slice(2, -1).join("\n")],
    ]);
    expect(encodeLesson(notebook)).toBe(lesson(EXAMPLE));
  });

  it("titles a file with no comment from its file name", () => {
    expect(parseLesson("lessons/32-list-the-models.ts", "console.log(1);\n").title).toBe("List the models");
  });

  it("makes code before the first marker a cell of its own, and needs no title cell", () => {
    const text = lesson([
      "import OpenAI from 'openai';",
      "const client = new OpenAI();",
      "",
      '// %% List id="list"',
      "await client.models.list();",
      "",
    ]);
    const notebook = parseLesson("lessons/33-two.ts", text);
    expect(notebook.title).toBe("Two");
    expect(notebook.cells.map((c) => [c.number, c.id, c.markerLine])).toEqual([
      [1, "cell-1", 0],
      [2, "list", 4],
    ]);
    expect(encodeLesson(notebook)).toBe(text);
  });
});

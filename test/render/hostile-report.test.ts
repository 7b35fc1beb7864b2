// Everything a recording holds is untrusted: in the report it must stay text, never markup,
// and in the terminal it must never act (no escape sequences, no carriage returns).
import { testCell } from "../support/cells.ts";
import { marked } from "marked";
import { describe, expect, it } from "vitest";
import type { CellResult, NotebookRun } from "../../src/notebook/execute.ts";
import type { Output } from "../../src/notebook/outputs.ts";
import { renderReport, type ReportInput } from "../../src/render/report.ts";
import { plain } from "../../src/render/style.ts";
import { TerminalRenderer } from "../../src/render/terminal.ts";
import { renderOutput, renderRun } from "../../src/render/walk.ts";
import { elementNames, REPORT_ELEMENTS } from "../support/html.ts";

const EVIL =
  "<script>alert(1)</script><img src=x onerror=alert(1)> ````` | \\| *x* _y_ [z](javascript:alert(1)) ~~d~~ &lt;b&gt; --> \u001b[2J\r\n\u009b31m\u202e";
const cell = testCell;

/** A run in which every string the outputs and the fixture carry is `t(…)`. */
function hostileRun(t: (text: string) => string): ReportInput {
  const outputs: Output[] = [
    { type: "json", value: { name: t("Math Tutor"), [t("key")]: [t("item")] } },
    { type: "stream", name: "stdout", text: t("printed") },
    { type: "stream", name: "stderr", text: t("warned") },
    {
      type: "events",
      counts: [
        [t("thread.run.created"), 1],
        [t("done"), 2],
      ],
    },
    {
      type: "substitute",
      substitute: {
        request: t("POST /v1/threads/thread_a/messages"),
        exchange: 3,
        question: t('"What is 2 to the power of 10?"'),
        differences: [{ where: t("content"), recorded: t('"recorded"'), sent: t('"sent"') }],
      },
    },
    {
      type: "error",
      error: { name: t("NotFoundError"), message: t("404 No thread"), frames: [t("at lessons/94.ts:3:1")], details: [t("Fix: re-record")] },
    },
  ];
  const cells = [
    cell(0, 0, "markdown", undefined, "# Lesson 94: Title\n\nSome narrative."),
    cell(1, 1, "code", t("Recreate the client"), "const a = 1;", ["setup"]),
    cell(2, 2, "code", t("Ask"), "const b = 2;"),
    cell(3, 3, "code", t("Never runs"), "const c = 3;"),
  ];
  const results: CellResult[] = [
    { cell: cells[0]!, status: "ok", outputs: [] },
    { cell: cells[1]!, status: "ok", outputs: [{ type: "stream", name: "stdout", text: t("setup output") }] },
    { cell: cells[2]!, status: "error", outputs },
    { cell: cells[3]!, status: "not-run", outputs: [] },
  ];
  const run: NotebookRun = {
    notebook: { file: "lessons/94.ts", title: t("Lesson 94: Title"), cells, layout: { newline: "\n", before: [] } },
    results,
    status: "error",
  };
  return {
    run,
    lessonFile: t("lessons/94-hostile.ts"),
    command: "npm run lesson 94",
    mode: t("replay, offline from fixtures/94-hostile.json"),
    fixtureFile: t("fixtures/94-hostile.json"),
    provenance: {
      source: "recorded",
      date: t("2026-11-21"),
      baseUrl: t("https://api.openai.com/v1"),
      models: [t("gpt-4o-mini"), t("gpt-4o")],
      sdk: t("openai-node 7.57.0"),
      note: t("A note."),
    },
  };
}

const reportHtml = (t: (text: string) => string) => marked.parse(renderReport(hostileRun(t)), { async: false }) as string;

describe("a report of a hostile recording", () => {
  const hostile = reportHtml((text) => `${text} ${EVIL}`);
  const ordinary = reportHtml((text) => text);

  it("contains only elements lessonbook writes", () => {
    expect(elementNames(hostile).filter((name) => !REPORT_ELEMENTS.has(name))).toEqual([]);
    expect(hostile).not.toMatch(/<(script|img)\b/i);
  });

  it("has exactly the structure of the same report with ordinary text", () => {
    expect(elementNames(hostile)).toEqual(elementNames(ordinary));
  });

  it("still shows the hostile text, as text", () => {
    expect(hostile).toContain(
      "<strong>[2] Ask &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; ````` | \\| *x* _y_ [z](javascript:alert(1)) ~~d~~ &amp;lt;b&amp;gt; --&gt; ␛[2J␍␊\uFFFD31m\uFFFD</strong>",
    );
    expect(hostile).toContain("<li>Note: A note. &lt;script&gt;");
    expect(hostile).toContain(
      "<p><strong>⚠ recorded answer to a different question:</strong> &quot;What is 2 to the power of 10?&quot; &lt;script&gt;alert(1)&lt;/script&gt;",
    );
    expect(hostile).not.toMatch(/[\u001b\r\u009b\u202e]/);
  });
});

describe("the terminal view of a hostile recording", () => {
  const input = hostileRun((text) => `${text} ${EVIL}`);
  const terminal = new TerminalRenderer(plain);
  const shown = renderRun(input.run, input, terminal);
  const outputText = (output: Output) => renderOutput(terminal, output);

  it("shows no control character that a terminal would act on", () => {
    expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(shown).toContain("── [2] Ask <script>alert(1)</script>");
    expect(shown).toContain(
      "NotFoundError <script>alert(1)</script><img src=x onerror=alert(1)> ````` | \\| *x* _y_ [z](javascript:alert(1)) ~~d~~ &lt;b&gt; --> ␛[2J␍␊\uFFFD31m\uFFFD: 404 No thread",
    );
    expect(outputText({ type: "stream", name: "stdout", text: "a\u001b[2Jb\r\nc\n" })).toBe("a␛[2Jb␍\nc\n");
    expect(outputText({ type: "events", counts: [["x\u001b[31m\ny", 2]] })).toBe("events: x␛[31m␊y ×2\n");
    const substitute = {
      request: "POST /v1/x\r",
      exchange: 1,
      question: '"a\u001b[2J"',
      differences: [{ where: "content", recorded: '"a\n"', sent: '"b\r"' }],
    };
    expect(outputText({ type: "substitute", substitute })).toBe(
      '⚠ recorded answer to a different question: "a␛[2J"\n  --lenient answered POST /v1/x␍ with exchange #1 of the fixture, recorded for a request that differs in:\n    content: recorded "a␊", sent "b␍"\n',
    );
  });
});

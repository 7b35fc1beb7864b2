// Text is padded by display width: Hangul and emoji take two columns, colour codes none.
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import type { Cell } from "../../src/notebook/cells.ts";
import { markdownToTerminal } from "../../src/render/markdown-terminal.ts";
import { colored, plain } from "../../src/render/style.ts";
import { TerminalRenderer } from "../../src/render/terminal.ts";
import { displayWidth, padEndToWidth } from "../../src/render/width.ts";

const TABLE = ["| 이름 | 뜻 |", "|---|---|", "| 한글 | Korean script |", "| 🎉 | party |", "| **굵게** | x |"].join("\n");

describe("display width", () => {
  it("counts Hangul and emoji as two columns and colour codes as none", () => {
    expect([displayWidth("ab"), displayWidth("한글"), displayWidth("🎉"), displayWidth("\u001b[1m굵게\u001b[22m")]).toEqual([2, 4, 2, 4]);
    expect(padEndToWidth("한글", 6)).toBe("한글  ");
    expect(padEndToWidth("🎉", 3)).toBe("🎉 ");
    expect(padEndToWidth("too wide", 3)).toBe("too wide");
  });

  it("counts punctuation, arrows and box drawing as one column, and wide or combining text by its columns", () => {
    expect(displayWidth("a — b → c … │ ≤ é")).toBe(17);
    expect(displayWidth("✅ done")).toBe(7);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("한국어")).toBe(6);
  });

  it("aligns the columns of a terminal Markdown table", () => {
    expect(markdownToTerminal(TABLE, plain)).toBe(
      ["이름  뜻", "────  ─────────────", "한글  Korean script", "🎉    party", "굵게  x"].join("\n"),
    );
  });

  it("aligns them when cells are coloured too", () => {
    const lines = markdownToTerminal(TABLE, colored).split("\n");
    expect(lines[4]).toBe("\u001b[1m굵게\u001b[22m  x");
    expect(lines.map((line) => stripVTControlCharacters(line))).toEqual(markdownToTerminal(TABLE, plain).split("\n"));
  });

  it("draws a cell's rule to 72 columns whatever its title holds", () => {
    const cell: Cell = {
      index: 1,
      number: 2,
      kind: "code",
      title: "한글 제목 🎉",
      metadata: {},
      tags: [],
      markerLine: 3,
      source: "x",
      id: "hangul",
      layout: { metadataJson: {}, before: [], after: [] },
    };
    const [rule] = new TerminalRenderer(plain).codeInput(cell).split("\n");
    expect(rule).toBe(`── [2] 한글 제목 🎉 ${"─".repeat(52)}`);
    expect(displayWidth(rule!)).toBe(72);
  });
});

// Text is padded by display width: Hangul and emoji take two columns, colour codes none.
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import type { Cell } from "../../src/notebook/cells.ts";
import { markdownToTerminal } from "../../src/render/markdown-terminal.ts";
import { colored, plain } from "../../src/render/style.ts";
import { TerminalRenderer } from "../../src/render/terminal.ts";
import { displayWidth, padEndToWidth } from "../../src/render/width.ts";
import { readStore } from "../../src/i18n/store.ts";
import { ko } from "../../src/render/messages.ts";
import { ROOT } from "../support/paths.ts";

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

  it("aligns the Korean course's table of run statuses, whose cells mix Hangul and code", () => {
    const store = readStore(join(ROOT, "lessons/ko/05-wait-on-run.json"), "lessons/ko/05-wait-on-run.json");
    const table = store!.entries.get("run-statuses")!.markdown!;
    const rows = markdownToTerminal(table, plain)
      .split("\n")
      .filter((line) => /^(상태|─|queued|in_progress|requires_action|cancelling|cancelled|failed|completed|incomplete|expired)/.test(line));
    expect(rows).toHaveLength(11);
    // The second column starts at the same terminal column on every row.
    const starts = rows.map((row) => displayWidth(/^\S+\s+/.exec(row)![0]));
    expect(new Set(starts)).toEqual(new Set([17]));
    expect(rows[2]).toBe("queued           런이 접수되어 시작을 기다리고 있습니다.");
  });

  it("draws a Korean cell rule, setup tag included, to 72 columns", () => {
    const cell: Cell = {
      index: 1,
      number: 1,
      kind: "code",
      title: "클라이언트 다시 만들기",
      metadata: {},
      tags: ["setup"],
      markerLine: 3,
      source: "x",
      id: "recreate-client",
      layout: { metadataJson: {}, before: [], after: [] },
    };
    const [rule] = new TerminalRenderer(plain, ko).codeInput(cell).split("\n");
    expect(rule).toBe(`── [1] 클라이언트 다시 만들기 (준비) ${"─".repeat(35)}`);
    expect(displayWidth(rule!)).toBe(72);
  });
});

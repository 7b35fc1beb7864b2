// The lesson as the terminal shows it while it runs: pure functions from cells and
// outputs to text; the CLI writes what they return as events arrive.
import type { Cell } from "../notebook/cells.ts";
import { isSetup } from "../notebook/cells.ts";
import type { Output } from "../notebook/outputs.ts";
import { markdownToTerminal } from "./markdown-terminal.ts";
import { errorLines, jsonText } from "./outputs.ts";
import { oneLine, visibleControls } from "../text/visible.ts";
import type { Style } from "./style.ts";

const RULE_WIDTH = 72;

function rule(label: string, style: Style): string {
  const text = `── ${label} `;
  return style("dim", text + "─".repeat(Math.max(3, RULE_WIDTH - text.length)));
}

export function lessonBanner(title: string, modeLine: string, style: Style): string {
  return `${style(["bold", "magenta"], oneLine(title))}\n${style("dim", oneLine(modeLine))}\n\n`;
}

/** Narrative cells as formatted text; code cells as a titled rule and their code. */
export function cellStart(cell: Cell, style: Style): string {
  if (cell.kind === "markdown") {
    // The banner already shows the title, which is the first cell's heading.
    const source = cell.index === 0 ? cell.source.replace(/^#\s+.*\n*/, "") : cell.source;
    return source.trim() === "" ? "" : `${markdownToTerminal(source, style)}\n\n`;
  }
  const label = `[${cell.number}]${cell.title ? ` ${oneLine(cell.title)}` : ""}${isSetup(cell) ? " (setup)" : ""}`;
  const code = cell.source.split("\n").map((line) => `${style("dim", "│")} ${style("cyan", line)}`).join("\n");
  return `${rule(label, style)}\n${code}\n${style("dim", "│")}\n`;
}

/**
 * Output as it arrives; stream text is passed through so streamed deltas appear as they
 * come. All of it may hold server text, so controls (ESC, CR…) are made visible first.
 */
export function outputText(output: Output, style: Style): string {
  switch (output.type) {
    case "stream": {
      const text = visibleControls(output.text);
      return output.name === "stderr" ? style("yellow", text) : text;
    }
    case "json": return `${style("green", visibleControls(jsonText(output.value)))}\n`;
    case "events": return `${style("dim", `events: ${output.counts.map(([name, n]) => `${oneLine(name)} ×${n}`).join(" · ")}`)}\n`;
    case "error": {
      const [first, ...rest] = errorLines(output.error).map(oneLine);
      return `${style(["red", "bold"], first!)}\n${rest.map((l) => style("red", l)).join("\n")}\n`;
    }
  }
}

export function notRunText(cells: readonly Cell[], style: Style): string {
  const numbers = cells.filter((c) => c.kind === "code").map((c) => c.number);
  if (numbers.length === 0) return "";
  const list = numbers.length === 1 ? `cell ${numbers[0]}` : `cells ${numbers[0]}–${numbers.at(-1)}`;
  return `${style("yellow", `Not run: ${list}.`)}\n`;
}

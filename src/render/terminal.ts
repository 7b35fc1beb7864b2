// The lesson as the terminal shows it: the same pieces as the report (see walk.ts),
// drawn for a terminal. While a lesson runs, TerminalView (terminal-view.ts) prints each
// piece as its event arrives; renderRun(run, info, new TerminalRenderer(style)) draws a
// finished run with the same methods. Text from a recording has its controls made visible.
import type { Cell } from "../notebook/cells.ts";
import { isSetup } from "../notebook/cells.ts";
import type { NotebookRun } from "../notebook/execute.ts";
import type { CellError } from "../notebook/outputs.ts";
import { oneLine, visibleControls } from "../text/visible.ts";
import { markdownToTerminal } from "./markdown-terminal.ts";
import { en, type Messages } from "./messages.ts";
import { errorLines, jsonText } from "./output-text.ts";
import type { Style } from "./style.ts";
import type { RenderedOutput, RunInfo, RunRenderer } from "./walk.ts";
import { LineJoiner } from "./lines.ts";
import { displayWidth } from "./width.ts";

const RULE_WIDTH = 72;

/** Joins pieces as the live view prints them: `framed` pieces start on a fresh line. */
function joinPieces(pieces: readonly { text: string; framed: boolean }[]): string {
  let joined = "";
  const joiner = new LineJoiner((text) => (joined += text));
  for (const piece of pieces) {
    if (piece.framed) joiner.line(piece.text);
    else joiner.text(piece.text);
  }
  return joined;
}

/** How a lesson run ended, for the closing line. */
export interface RunOutcome {
  readonly lesson: string;
  readonly mode: string;
  readonly stopAfter: number | undefined;
  readonly reportFile: string | undefined;
  /** The committed report a failed run left as it was. */
  readonly keptReport?: string | undefined;
}

export class TerminalRenderer implements RunRenderer {
  private readonly style: Style;
  readonly messages: Messages;
  constructor(style: Style, messages: Messages = en) {
    this.style = style;
    this.messages = messages;
  }

  private rule(label: string): string {
    const text = `── ${label} `;
    return this.style("dim", text + "─".repeat(Math.max(3, RULE_WIDTH - displayWidth(text))));
  }

  header(title: string, info: RunInfo): string {
    return `${this.style(["bold", "magenta"], oneLine(title))}\n${this.style("dim", oneLine(`${info.lessonFile} · ${info.mode}`))}\n\n`;
  }

  narrative(_cell: Cell, source: string): string {
    return `${markdownToTerminal(source, this.style)}\n\n`;
  }

  codeInput(cell: Cell): string {
    const label = `[${cell.number}]${cell.title ? ` ${oneLine(cell.title)}` : ""}${isSetup(cell) ? ` ${this.messages.setupTag}` : ""}`;
    const bar = this.style("dim", "│");
    const code = cell.source
      .split("\n")
      .map((line) => `${bar} ${this.style("cyan", line)}`)
      .join("\n");
    return `${this.rule(label)}\n${code}\n${bar}\n`;
  }

  json(value: unknown): string {
    return `${this.style("green", visibleControls(jsonText(value)))}\n`;
  }

  image(name: string, size: number): string {
    return `${this.style("green", this.messages.imageLine(oneLine(name), size))}\n`;
  }

  /** Passed through as it arrives, so streamed deltas appear as they come. */
  stream(name: "stdout" | "stderr", text: string): string {
    return name === "stderr" ? this.style("yellow", visibleControls(text)) : visibleControls(text);
  }

  error(error: CellError): string {
    const [first, ...rest] = errorLines(error).map(oneLine);
    return `${this.style(["red", "bold"], first!)}\n${rest.map((line) => this.style("red", line)).join("\n")}\n`;
  }

  events(counts: readonly (readonly [string, number])[]): string {
    return `${this.style("dim", `${this.messages.eventsLine} ${counts.map(([name, n]) => `${oneLine(name)} ×${n}`).join(" · ")}`)}\n`;
  }

  /** A blank line closes every code cell. */
  cellEnd(): string {
    return "\n";
  }

  codeCell(_cell: Cell, input: string, outputs: readonly RenderedOutput[]): string {
    const shown = outputs.map((o) => ({ text: o.text, framed: o.output.type !== "stream" }));
    return joinPieces([{ text: input, framed: true }, ...shown, { text: this.cellEnd(), framed: true }]);
  }

  /** The terminal lists cells that did not run at the end instead (notRun). */
  notRunCell(): string {
    return "";
  }

  setupGroup(cells: readonly string[]): string {
    return joinPieces(cells.map((text) => ({ text, framed: true })));
  }

  notRun(cells: readonly Cell[]): string {
    return cells.length ? `${this.style("yellow", this.messages.notRunCells(cells.map((c) => c.number)))}\n` : "";
  }

  footer(): string {
    return "";
  }

  document(blocks: readonly string[]): string {
    return joinPieces(blocks.map((text) => ({ text, framed: true })));
  }

  /** The closing line: ✓ with the cells that ran, or ✗ with the cell that failed and why. */
  summary(run: NotebookRun, outcome: RunOutcome): string {
    const m = this.messages;
    const report = outcome.reportFile ? m.reportAt(outcome.reportFile) : "";
    const failed = run.results.find((r) => r.status === "error");
    if (failed) {
      const error = failed.outputs.find((o) => o.type === "error");
      const reason = error?.type === "error" ? oneLine(`${error.error.name}: ${error.error.message}`) : "error";
      const where = m.cell(failed.cell.number, failed.cell.title);
      const kept = outcome.keptReport ? m.reportKept(outcome.keptReport) : "";
      return this.style(["red", "bold"], `${m.lessonFailed(outcome.lesson, where, reason)}${report}${kept}`);
    }
    const ran = run.results.filter((r) => r.cell.kind === "code" && r.status === "ok").length;
    const stopped = run.status === "stopped" && outcome.stopAfter !== undefined ? m.stoppedAfter(outcome.stopAfter) : "";
    return this.style(["green", "bold"], `${m.lessonRan(outcome.lesson, ran, outcome.mode)}${stopped}${report}`);
  }
}

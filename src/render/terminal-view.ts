// The terminal while a lesson runs: each piece is printed as its event arrives (cell
// start, each output, cell end), drawn by the same TerminalRenderer methods that
// renderRun uses for a finished run, so both views share one definition of each piece.
import type { Cell } from "../notebook/cells.ts";
import type { NotebookRun } from "../notebook/execute.ts";
import type { Output } from "../notebook/outputs.ts";
import { visibleControls } from "../text/visible.ts";
import { LineJoiner } from "./lines.ts";
import { en, type Messages } from "./messages.ts";
import type { Style } from "./style.ts";
import { TerminalRenderer, type RunOutcome } from "./terminal.ts";
import { narrativeBlock, notRunCells, renderOutput, type RunInfo } from "./walk.ts";

/** Prints a lesson run piece by piece to `write` (the real stdout). */
export class TerminalView {
  private readonly renderer: TerminalRenderer;
  private readonly out: LineJoiner;
  private readonly style: Style;
  constructor(write: (text: string) => void, style: Style, messages: Messages = en) {
    this.renderer = new TerminalRenderer(style, messages);
    this.out = new LineJoiner(write);
    this.style = style;
  }
  banner(title: string, info: RunInfo): void {
    this.out.line(this.renderer.header(title, info));
  }
  cellStart(cell: Cell): void {
    this.out.line(cell.kind === "markdown" ? narrativeBlock(this.renderer, cell) : this.renderer.codeInput(cell));
  }
  output(output: Output): void {
    const text = renderOutput(this.renderer, output);
    if (output.type === "stream") this.out.text(text);
    else this.out.line(text);
  }
  cellEnd(cell: Cell): void {
    if (cell.kind === "code") this.out.line(this.renderer.cellEnd());
  }
  notRun(run: NotebookRun): void {
    this.out.line(this.renderer.notRun(notRunCells(run)));
  }
  summary(run: NotebookRun, outcome: RunOutcome): void {
    this.out.line(`${this.renderer.summary(run, outcome)}\n`);
  }
  /** A hint from the mode (e.g. recorded input to type); it may quote the recording. */
  say(text: string): void {
    this.out.line(this.style("dim", visibleControls(text)));
  }
}

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
  private readonly write: (text: string) => void;
  constructor(write: (text: string) => void, style: Style, messages: Messages = en) {
    this.renderer = new TerminalRenderer(style, messages);
    this.out = new LineJoiner(write);
    this.style = style;
    this.write = write;
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
  /** `--step`'s pause, after a code cell's input (so on a fresh line), with no newline: clearPrompt removes it. */
  prompt(): void {
    this.write(this.style("bold", this.renderer.messages.stepPrompt));
  }
  /** Back to the start of the prompt's line, erased (a terminal control: --step runs only in a terminal). */
  clearPrompt(): void {
    this.write("\r\u001b[2K");
  }
  stepQuiet(): void {
    this.out.line(`${this.style("dim", this.renderer.messages.stepQuiet)}\n\n`);
  }
  /** The closing line after `q` at a `--step` pause. */
  quitSummary(run: NotebookRun, lesson: string, before: Cell): void {
    const m = this.renderer.messages;
    const ran = run.results.filter((r) => r.cell.kind === "code" && r.status === "ok").length;
    this.out.line(`${this.style(["yellow", "bold"], m.lessonQuit(lesson, m.cell(before.number, before.title), ran))}\n\n`);
  }
  /** A hint from the mode (e.g. recorded input to type); it may quote the recording. */
  say(text: string): void {
    this.out.line(this.style("dim", visibleControls(text)));
  }
}

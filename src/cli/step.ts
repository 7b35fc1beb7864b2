// `--step`, for a host in front of a room: the lesson pauses before each code cell with its
// code on screen. Enter runs the cell; `n` shows the narrative only: the code cells up to the
// next narrative cell still run (later cells use what they make) but their code and output
// are not shown, unless one fails or gets a --lenient answer; `q` quits there, writing nothing.
import type { Cell } from "../notebook/cells.ts";
import type { RunEvents } from "../notebook/execute.ts";
import type { TerminalView } from "../render/terminal-view.ts";
import type { KeySource } from "./keys.ts";

export class Stepper {
  private readonly view: TerminalView;
  private readonly keys: KeySource;
  /** After `n`, until the next narrative cell: code runs unseen. */
  private quiet = false;
  /** Code cells whose code is on screen already (shown at their pause, or before their error). */
  private readonly shown = new Set<Cell>();
  /** Cells that ran unseen but showed an output anyway (an error, a --lenient answer). */
  private readonly surfaced = new Set<Cell>();
  /** The cell `q` was pressed before, if it was. */
  quitBefore: Cell | undefined;

  constructor(view: TerminalView, keys: KeySource) {
    this.view = view;
    this.keys = keys;
  }

  /** The kernel asks before each code cell (KernelOptions.beforeCode). */
  readonly beforeCode = async (cell: Cell): Promise<"run" | "quit"> => {
    if (this.quiet) return "run";
    this.show(cell);
    // Listening (raw mode) starts before the prompt shows: a key pressed as soon as it appears counts.
    const next = this.keys.next();
    this.view.prompt();
    const key = await next;
    this.view.clearPrompt();
    if (key === "quit") {
      this.quitBefore = cell;
      return "quit";
    }
    if (key === "narrative") {
      this.quiet = true;
      this.view.stepQuiet();
    }
    return "run";
  };

  /** The terminal view's events, filtered by what the host chose at the pauses. */
  events(): RunEvents {
    return {
      onCellStart: (cell) => {
        if (cell.kind === "markdown") {
          this.quiet = false;
          this.view.cellStart(cell);
        } else if (!this.quiet) this.show(cell);
      },
      onOutput: (cell, output) => {
        // Unseen code still shows where it failed, and any answer recorded for a different question.
        if (this.quiet && output.type !== "error" && output.type !== "substitute") return;
        if (this.quiet) this.surfaced.add(cell);
        this.show(cell);
        this.view.output(output);
      },
      onCellEnd: (result) => {
        if (!this.quiet || this.surfaced.has(result.cell)) this.view.cellEnd(result.cell);
      },
    };
  }

  private show(cell: Cell): void {
    if (this.shown.has(cell)) return;
    this.shown.add(cell);
    this.view.cellStart(cell);
  }
}

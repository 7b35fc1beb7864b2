// The shapes of a run, and what the kernel needs from whoever runs it.
import type { Cell, Notebook } from "./cells.ts";
import type { CellStatus, Output } from "./outputs.ts";

export interface CellResult {
  readonly cell: Cell;
  readonly status: CellStatus;
  readonly outputs: readonly Output[];
}

export interface NotebookRun {
  readonly notebook: Notebook;
  readonly results: readonly CellResult[];
  /** "stopped" when `stopAfter` ended the run early. */
  readonly status: "ok" | "error" | "stopped";
}

/** What the display sees as the run goes (the terminal view subscribes here). */
export interface RunEvents {
  onCellStart?(cell: Cell): void;
  onOutput?(cell: Cell, output: Output): void;
  onCellEnd?(result: CellResult): void;
}

/** What the kernel asks of the mode it runs in (a ModeSession provides all of it). */
export interface KernelServices {
  /**
   * A failure noticed outside the lesson's code (a replay miss, a failed live request), even
   * if the lesson caught it. `threw`: the cell threw an error of its own, shown instead where
   * the mode can explain it.
   */
  takeFailure(cell: Cell | undefined, threw?: boolean): Error | undefined;
  /** The error to show for one the lesson threw (e.g. with guidance added). */
  explainError(thrown: unknown): unknown;
  /** Names of the server-sent events streamed since the last call. */
  drainStreamEvents(): readonly string[];
  /** How the lessons' `sleep` waits (replay returns at once). */
  sleep(ms: number): Promise<void>;
  /** One line for the lessons' `input`; `echoed` when the terminal already shows it. */
  readInput(prompt: string): Promise<{ text: string; echoed: boolean }>;
}

export interface KernelOptions {
  /** Folder that stack frames are shown relative to. */
  readonly root: string;
  /** Stop after this code cell number (1-based); later cells are "not run". */
  readonly stopAfter?: number;
  readonly services: KernelServices;
  readonly events: RunEvents;
  /**
   * Asked before each code cell starts (workshop `--step`): "run" lets it start, "quit"
   * ends the run there as a stop (the cell and those after it are not run).
   */
  readonly beforeCode?: (cell: Cell) => Promise<"run" | "quit">;
}

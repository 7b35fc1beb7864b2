// Runs a parsed lesson cell by cell in one module scope, like one notebook kernel.
import type { Cell, Notebook } from "./cells.ts";
import { captureStdio } from "./capture.ts";
import { ENTER_KEY, importInstrumented, instrument } from "./loader.ts";
import { appendOutput, type CellStatus, type Output } from "./outputs.ts";
import { toCellError } from "./stack.ts";
import { installHost } from "../helpers/bridge.ts";

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

export interface ExecuteHooks {
  onCellStart?(cell: Cell): void;
  onOutput?(cell: Cell, output: Output): void;
  onCellEnd?(result: CellResult): void;
  /** Awaited before each code cell; a workshop's step mode pauses here. */
  beforeCell?(cell: Cell): Promise<void>;
  /** A failure noticed outside the lesson's code (a replay miss), even if the lesson caught it. */
  takeFailure?(cell: Cell | undefined): Error | undefined;
  /** The error to show for one the lesson threw (e.g. with guidance added). */
  explainError?(thrown: unknown): unknown;
  /** Names of the server-sent events streamed since the last call. */
  drainStreamEvents?(): readonly string[];
  /** How the lessons' `sleep` waits (replay returns at once). */
  sleep(ms: number): Promise<void>;
  /** One line for the lessons' `input`; `echoed` when the terminal already shows it. */
  readInput?(prompt: string): Promise<{ text: string; echoed: boolean }>;
}

export interface ExecuteOptions {
  /** Absolute path of the lesson file (the module that is loaded). */
  readonly file: string;
  /** Folder that stack frames are shown relative to. */
  readonly root: string;
  /** Stop after this code cell number (1-based); later cells are "not run". */
  readonly stopAfter?: number;
  readonly hooks: ExecuteHooks;
}

class StopSignal extends Error {}
class CellFailure extends Error {
  readonly failure: Error;
  constructor(failure: Error) {
    super(failure.message);
    this.failure = failure;
  }
}

type Slot = { [ENTER_KEY]?: (index: number) => Promise<void> };

function countEvents(names: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts];
}

export async function executeNotebook(notebook: Notebook, text: string, options: ExecuteOptions): Promise<NotebookRun> {
  const { hooks } = options;
  const outputs = notebook.cells.map((): Output[] => []);
  const statuses = notebook.cells.map((): CellStatus => "not-run");
  let current: Cell | undefined;
  let reached = -1;

  const finish = (cell: Cell, status: CellStatus): void => {
    const streamed = cell.kind === "code" ? countEvents(hooks.drainStreamEvents?.() ?? []) : [];
    if (streamed.length) {
      appendOutput(outputs[cell.index]!, { type: "events", counts: streamed });
      hooks.onOutput?.(cell, outputs[cell.index]!.at(-1)!);
    }
    statuses[cell.index] = status;
    hooks.onCellEnd?.({ cell, status, outputs: outputs[cell.index]! });
  };
  const emit = (output: Output): void => {
    const cell = current ?? notebook.cells.find((c) => c.kind === "code")!;
    appendOutput(outputs[cell.index]!, output);
    hooks.onOutput?.(cell, output);
  };
  const showNarrativeUpTo = (index: number): void => {
    for (const cell of notebook.cells.slice(reached + 1, index)) {
      if (cell.kind !== "markdown") continue;
      hooks.onCellStart?.(cell);
      finish(cell, "ok");
    }
    reached = Math.max(reached, index - 1);
  };

  const enter = async (index: number): Promise<void> => {
    if (current) {
      const failure = hooks.takeFailure?.(current);
      if (failure) throw new CellFailure(failure);
      finish(current, "ok");
      current = undefined;
    }
    const next = index < 0 ? undefined : notebook.cells[index];
    showNarrativeUpTo(next ? index : notebook.cells.length);
    if (!next) return;
    if (options.stopAfter !== undefined && next.number > options.stopAfter) throw new StopSignal();
    await hooks.beforeCell?.(next);
    current = next;
    reached = index;
    hooks.onCellStart?.(next);
  };

  const fail = (thrown: unknown): void => {
    const failure = thrown instanceof CellFailure ? thrown.failure : (hooks.takeFailure?.(current) ?? hooks.explainError?.(thrown) ?? thrown);
    const cell = current ?? notebook.cells.find((c) => c.kind === "code")!;
    current = cell;
    emit({ type: "error", error: toCellError(failure, options.root) });
    finish(cell, "error");
  };

  (globalThis as Slot)[ENTER_KEY] = enter;
  const input = async (prompt: string): Promise<string> => {
    if (!hooks.readInput) throw new Error("this run cannot read input");
    emit({ type: "stream", name: "stdout", text: prompt });
    const line = await hooks.readInput(prompt);
    // The report shows the line as if typed; the terminal shows it unless it echoed it already.
    const typed = { type: "stream", name: "stdout", text: `${line.text}\n` } as const;
    if (line.echoed) appendOutput(outputs[(current ?? notebook.cells[0]!).index]!, typed);
    else emit(typed);
    return line.text;
  };
  installHost({ display: (item) => emit({ type: "json", value: item.value }), sleep: (ms) => hooks.sleep(ms), input });
  const restore = captureStdio((name, text) => emit({ type: "stream", name, text }));
  let status: NotebookRun["status"] = "ok";
  try {
    await importInstrumented(options.file, instrument(notebook, text));
  } catch (thrown) {
    if (thrown instanceof StopSignal) status = "stopped";
    else {
      status = "error";
      fail(thrown);
    }
  } finally {
    restore();
    installHost(undefined);
    delete (globalThis as Slot)[ENTER_KEY];
  }
  const results = notebook.cells.map((cell) => ({ cell, status: statuses[cell.index]!, outputs: outputs[cell.index]! }));
  return { notebook, results, status };
}

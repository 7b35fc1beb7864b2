// Runs a parsed lesson cell by cell in one module scope, like one notebook kernel.
import type { Cell, Notebook } from "./cells.ts";
import { captureStdio } from "./capture.ts";
import { createKernel, StopSignal } from "./kernel.ts";
import { ENTER_KEY, importInstrumented, instrument } from "./loader.ts";
import type { CellStatus, Output } from "./outputs.ts";
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

type Slot = { [ENTER_KEY]?: (index: number) => Promise<void> };

export async function executeNotebook(notebook: Notebook, text: string, options: ExecuteOptions): Promise<NotebookRun> {
  const kernel = createKernel(notebook, options);
  (globalThis as Slot)[ENTER_KEY] = kernel.enter;
  installHost({ display: (item) => kernel.emit({ type: "json", value: item.value }), sleep: (ms) => options.hooks.sleep(ms), input: kernel.input });
  const restore = captureStdio((name, chunk) => kernel.emit({ type: "stream", name, text: chunk }));
  let status: NotebookRun["status"] = "ok";
  try {
    await importInstrumented(options.file, instrument(notebook, text));
  } catch (thrown) {
    if (thrown instanceof StopSignal) status = "stopped";
    else {
      status = "error";
      kernel.fail(thrown);
    }
  } finally {
    restore();
    installHost(undefined);
    delete (globalThis as Slot)[ENTER_KEY];
  }
  return { notebook, results: kernel.results(), status };
}

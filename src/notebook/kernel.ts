// The bookkeeping of one run: which cell is running, what each cell printed, and how
// each ended. The instrumented lesson calls `enter(i)` at every cell boundary.
import type { Cell, Notebook } from "./cells.ts";
import type { CellResult, KernelOptions } from "./execute.ts";
import { appendOutput, type CellStatus, type Output } from "./outputs.ts";
import { toCellError } from "./stack.ts";

/** Thrown at a boundary past `stopAfter`: ends the run without an error. */
export class StopSignal extends Error {}

/** A failure the environment reported for the cell that just ended (a replay miss). */
class CellFailure extends Error {
  readonly failure: Error;
  constructor(failure: Error) {
    super(failure.message);
    this.failure = failure;
  }
}

function countEvents(names: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts];
}

export function createKernel(notebook: Notebook, options: KernelOptions) {
  const { services, events } = options;
  const outputs = notebook.cells.map((): Output[] => []);
  const statuses = notebook.cells.map((): CellStatus => "not-run");
  const firstCode = notebook.cells.find((c) => c.kind === "code")!;
  let current: Cell | undefined;
  let reached = -1;

  const add = (cell: Cell, output: Output, show: boolean): void => {
    appendOutput(outputs[cell.index]!, output);
    if (show) events.onOutput?.(cell, output);
  };
  // Output before the first boundary (module-level imports) belongs to the first code cell.
  const emit = (output: Output): void => add(current ?? firstCode, output, true);

  const finish = (cell: Cell, status: CellStatus): void => {
    const streamed = cell.kind === "code" ? countEvents(services.drainStreamEvents()) : [];
    if (streamed.length) add(cell, { type: "events", counts: streamed }, true);
    statuses[cell.index] = status;
    events.onCellEnd?.({ cell, status, outputs: outputs[cell.index]! });
  };

  const showNarrativeUpTo = (index: number): void => {
    for (const cell of notebook.cells.slice(reached + 1, index)) {
      if (cell.kind !== "markdown") continue;
      events.onCellStart?.(cell);
      finish(cell, "ok");
    }
    reached = Math.max(reached, index - 1);
  };

  /** The running cell returned: it ends "ok" unless the environment saw a failure in it. */
  const endCurrent = (): void => {
    if (!current) return;
    const failure = services.takeFailure(current);
    if (failure) throw new CellFailure(failure);
    finish(current, "ok");
    current = undefined;
  };

  const enter = async (index: number): Promise<void> => {
    // The lesson's end (-1): its last cell keeps running until the runner calls `end`, so
    // that work the lesson left behind (a `main()` it did not await) still belongs to it.
    if (index < 0) return;
    endCurrent();
    const next = notebook.cells[index];
    showNarrativeUpTo(next ? index : notebook.cells.length);
    if (!next) return;
    if (options.stopAfter !== undefined && next.number > options.stopAfter) throw new StopSignal();
    if (next.kind === "code" && (await options.beforeCode?.(next)) === "quit") throw new StopSignal();
    current = next;
    reached = index;
    events.onCellStart?.(next);
  };

  /** Ends the run: the last cell ran (or a `process.exit(0)` ended the lesson early). */
  const end = (): void => {
    endCurrent();
    showNarrativeUpTo(notebook.cells.length);
  };

  const fail = (thrown: unknown): void => {
    const failure = thrown instanceof CellFailure ? thrown.failure : (services.takeFailure(current, true) ?? services.explainError(thrown));
    current ??= firstCode;
    emit({ type: "error", error: toCellError(failure, options.root) });
    finish(current, "error");
  };

  const input = async (prompt: string): Promise<string> => {
    emit({ type: "stream", name: "stdout", text: prompt });
    const line = await services.readInput(prompt);
    // The report shows the line as if typed; the terminal shows it unless it echoed it already.
    add(current ?? firstCode, { type: "stream", name: "stdout", text: `${line.text}\n` }, !line.echoed);
    return line.text;
  };

  const results = (): CellResult[] =>
    notebook.cells.map((cell) => ({ cell, status: statuses[cell.index]!, outputs: outputs[cell.index]! }));
  return { enter, end, emit, fail, input, results, current: (): Cell | undefined => current };
}

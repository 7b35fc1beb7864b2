// What a cell produced, modelled on Jupyter's nbformat outputs.

export type Output =
  | { readonly type: "stream"; readonly name: "stdout" | "stderr"; readonly text: string }
  | { readonly type: "json"; readonly value: unknown }
  /** An image the lesson showed, saved next to the report under `name`. */
  | { readonly type: "image"; readonly name: string; readonly contentType: string; readonly data: Uint8Array }
  | { readonly type: "error"; readonly error: CellError }
  /** Server-sent events the cell's requests streamed, by type, in order of first appearance. */
  | { readonly type: "events"; readonly counts: readonly (readonly [string, number])[] }
  /** Replay `--lenient` answered a request that has no recording with the recorded answer to another one. */
  | { readonly type: "substitute"; readonly substitute: Substitute };

/** What a lenient replay served instead of a recording of the request the lesson sent. */
export interface Substitute {
  /** The request the lesson sent, e.g. `POST /v1/threads/thread_…/messages`. */
  readonly request: string;
  /** The fixture exchange whose answer was served, from 1. */
  readonly exchange: number;
  /** One line saying what the recorded request asked, e.g. the recorded question in quotes. */
  readonly question: string;
  /** Where the two requests differ: `content: recorded "…", sent "…"`, at most a few lines. */
  readonly differences: readonly Difference[];
}

export interface Difference {
  /** Where in the request, e.g. `content`, `query.limit` or `path`. */
  readonly where: string;
  /** JSON of the recorded and the sent value (`absent` when one side has none). */
  readonly recorded: string;
  readonly sent: string;
}

export interface CellError {
  readonly name: string;
  readonly message: string;
  /** Stack frames inside the project, with repo-relative paths, e.g. `at lessons/03-x.ts:12:7`. */
  readonly frames: readonly string[];
  /** Extra lines a user needs (the closest recordings of a replay miss, a fix command). */
  readonly details: readonly string[];
}

export type CellStatus = "ok" | "error" | "not-run";

/** Appends output, merging consecutive text of the same stream like a notebook does. */
export function appendOutput(outputs: Output[], next: Output): void {
  const last = outputs.at(-1);
  if (next.type === "stream" && last?.type === "stream" && last.name === next.name) {
    outputs[outputs.length - 1] = { ...last, text: last.text + next.text };
    return;
  }
  outputs.push(next);
}

// What a cell produced, modelled on Jupyter's nbformat outputs.

export type Output =
  | { readonly type: "stream"; readonly name: "stdout" | "stderr"; readonly text: string }
  | { readonly type: "json"; readonly value: unknown }
  /** An image the lesson showed, saved next to the report under `name`. */
  | { readonly type: "image"; readonly name: string; readonly contentType: string; readonly data: Uint8Array }
  | { readonly type: "error"; readonly error: CellError }
  /** Server-sent events the cell's requests streamed, by type, in order of first appearance. */
  | { readonly type: "events"; readonly counts: readonly (readonly [string, number])[] };

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

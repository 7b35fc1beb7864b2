// The notebook model shared by the parser, the encoder, the executor and the renderers.

export type CellKind = "code" | "markdown";

export interface Cell {
  /** Position among all cells of the lesson, from 0. */
  readonly index: number;
  /** Position among code cells, from 1 (what users see as "cell 3"); 0 for narrative. */
  readonly number: number;
  readonly kind: CellKind;
  /**
   * Stable name of the cell: the marker's `id="…"`, or, for a file written without ids,
   * one derived from the title or position (see ids.ts). Translations, anchors and
   * ipynb cell ids hang off it, so it never changes when cells move.
   */
  readonly id: string;
  readonly title: string | undefined;
  /** The marker's `key=JSON` entries, in written order (`id` and `tags` included). */
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly tags: readonly string[];
  /**
   * 1-based line of the `// %%` marker in the lesson file; 0 for the code cell that code
   * before the first marker forms (a file with no marker at all is that one cell).
   */
  readonly markerLine: number;
  /** Code as written, or narrative Markdown with the `// ` prefixes removed. */
  readonly source: string;
  readonly layout: CellLayout;
}

/** How a cell was written beyond its content: what encoding needs to give back the same text. */
export interface CellLayout {
  /** Each metadata value's JSON as written, by key, so `tags=["a", "b"]` keeps its spacing. */
  readonly metadataJson: Readonly<Record<string, string>>;
  /** Blank lines (and, in narrative, empty `//` lines) between the marker and the source. */
  readonly before: readonly string[];
  /** The same after the source, up to the next marker; the last cell's ends with "" for the final newline. */
  readonly after: readonly string[];
}

export interface Notebook {
  /** Path of the lesson file as given to the parser. */
  readonly file: string;
  /** The first cell's `# ` heading; without a title cell, the first comment or the file name. */
  readonly title: string;
  readonly cells: readonly Cell[];
  readonly layout: NotebookLayout;
}

export interface NotebookLayout {
  /** The file's line ending (a Windows checkout may have turned `\n` into `\r\n`). */
  readonly newline: "\n" | "\r\n";
  /** Blank lines (and a `#!` first line) before the first cell. */
  readonly before: readonly string[];
}

export const isSetup = (cell: Cell): boolean => cell.tags.includes("setup");

/** Shown to users: `cell 3 "Add the question"`. */
export function describeCell(cell: Cell): string {
  const label = cell.kind === "code" ? `cell ${cell.number}` : `narrative cell at line ${cell.markerLine}`;
  return cell.title ? `${label} "${cell.title}"` : label;
}

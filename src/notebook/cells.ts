// The notebook model shared by the parser, the executor and the renderers.

export type CellKind = "code" | "markdown";

export interface Cell {
  /** Position among all cells of the lesson, from 0. */
  readonly index: number;
  /** Position among code cells, from 1 (what users see as "cell 3"); 0 for narrative. */
  readonly number: number;
  readonly kind: CellKind;
  readonly title: string | undefined;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly tags: readonly string[];
  /** 1-based line of the `// %%` marker in the lesson file. */
  readonly markerLine: number;
  /** Code as written, or narrative Markdown with the `// ` prefixes removed. */
  readonly source: string;
}

export interface Notebook {
  /** Path of the lesson file as given to the parser. */
  readonly file: string;
  /** Text of the first `# ` heading of the first narrative cell. */
  readonly title: string;
  readonly cells: readonly Cell[];
}

export const isSetup = (cell: Cell): boolean => cell.tags.includes("setup");

/** Shown to users: `cell 3 "Add the question"`. */
export function describeCell(cell: Cell): string {
  const label = cell.kind === "code" ? `cell ${cell.number}` : `narrative cell at line ${cell.markerLine}`;
  return cell.title ? `${label} "${cell.title}"` : label;
}

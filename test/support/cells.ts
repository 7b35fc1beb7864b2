// Hand-built cells and notebooks for renderer tests, with what the parser would give them.
import type { Cell, Notebook } from "../../src/notebook/cells.ts";

/** A cell at `index` (code cells also get their user-facing `number`), id `cell-<index>`. */
export const testCell = (
  index: number,
  number: number,
  kind: Cell["kind"],
  title: string | undefined,
  source: string,
  tags: string[] = [],
): Cell => ({
  index,
  number,
  kind,
  title,
  metadata: {},
  tags,
  markerLine: index + 1,
  source,
  id: `cell-${index}`,
  layout: { metadataJson: {}, before: [], after: [] },
});

export const testNotebook = (file: string, title: string, cells: readonly Cell[]): Notebook => ({
  file,
  title,
  cells,
  layout: { newline: "\n", before: [] },
});

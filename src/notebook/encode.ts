// The inverse of parse.ts: writes a notebook back as a percent-format lesson. A lesson in
// the canonical spelling (every course lesson; see test/notebook/encode.test.ts) comes
// back byte for byte. Other spellings are written canonically, as Jupytext does:
// markers as `// %% Title [markdown] key=JSON`, narrative lines as `// text` or `//`.
import type { Cell, Notebook } from "./cells.ts";
import { formatMarker } from "./marker.ts";

function sourceLines(cell: Cell): string[] {
  if (cell.source === "") return [];
  const lines = cell.source.split("\n");
  return cell.kind === "code" ? lines : lines.map((line) => (line === "" ? "//" : `// ${line}`));
}

export function encodeCell(cell: Cell): string[] {
  const marker = formatMarker({ type: cell.kind, title: cell.title, metadata: cell.metadata, metadataJson: cell.layout.metadataJson });
  // Code before the first marker was written without one, and stays so while it comes first.
  const markerLines = cell.markerLine === 0 && cell.index === 0 ? [] : [marker];
  return [...markerLines, ...cell.layout.before, ...sourceLines(cell), ...cell.layout.after];
}

/** Lesson text for a notebook; cells keep their own blank lines when they move. */
export function encodeLesson(notebook: Notebook): string {
  const lines = [...notebook.layout.before, ...notebook.cells.flatMap(encodeCell)];
  return lines.join(notebook.layout.newline);
}

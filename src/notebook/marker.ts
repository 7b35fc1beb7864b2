// Reads one `// %% …` marker line: `// %% [markdown] Title key=JSON key2=JSON`.
// Jupytext puts the title before the cell type; both orders are accepted.

export interface Marker {
  readonly type: "code" | "markdown";
  readonly title: string | undefined;
  readonly metadata: Record<string, unknown>;
}

export type MarkerLine =
  | { kind: "none" }
  | { kind: "marker"; marker: Marker }
  /** Still opens a cell (so later lines are not misread), with what could be read of it. */
  | { kind: "invalid"; message: string; marker: Marker };

const MARKER = /^\s*\/\/\s?%%(?:\s+(.*?))?\s*$/;
const CELL_TYPE = /\[([A-Za-z]+)\]/;
const METADATA_START = /(?:^|\s)([A-Za-z_][\w.-]*)=/;

function parseMetadata(text: string): { metadata: Record<string, unknown>; error?: string } {
  const metadata: Record<string, unknown> = {};
  // Each entry runs until the next ` key=`; values are JSON (Jupytext's own rule).
  const entries = text.trim().split(/\s+(?=[A-Za-z_][\w.-]*=)/);
  for (const entry of entries) {
    const eq = entry.indexOf("=");
    const key = entry.slice(0, eq);
    const raw = entry.slice(eq + 1);
    try {
      metadata[key] = JSON.parse(raw);
    } catch {
      return { metadata, error: `metadata ${key}=${raw} is not valid JSON (write e.g. tags=["setup"] or ${key}="text")` };
    }
  }
  return { metadata };
}

export function parseMarker(line: string): MarkerLine {
  const match = MARKER.exec(line);
  if (!match) return { kind: "none" };
  const rest = match[1] ?? "";
  const metaStart = METADATA_START.exec(rest);
  // The cell type and title come before the metadata; a `[…]` inside metadata is JSON.
  let head = metaStart ? rest.slice(0, metaStart.index) : rest;
  let type: Marker["type"] = "code";
  const cellType = CELL_TYPE.exec(head);
  if (cellType) {
    const name = cellType[1]!.toLowerCase();
    if (name !== "markdown" && name !== "md") {
      const message = `unknown cell type [${cellType[1]}]; use "// %%" for code or "// %% [markdown]" for narrative`;
      return { kind: "invalid", message, marker: { type: "code", title: undefined, metadata: {} } };
    }
    type = "markdown";
    head = head.slice(0, cellType.index) + " " + head.slice(cellType.index + cellType[0].length);
  }
  const parsed = metaStart ? parseMetadata(rest.slice(metaStart.index)) : { metadata: {} };
  const title = head.trim().replace(/\s+/g, " ");
  const marker = { type, title: title === "" ? undefined : title, metadata: parsed.error ? {} : parsed.metadata };
  return parsed.error ? { kind: "invalid", message: parsed.error, marker } : { kind: "marker", marker };
}

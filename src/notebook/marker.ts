// Reads and writes one `// %% …` marker line: `// %% Title [markdown] key=JSON key2=JSON`.
// Jupytext puts the title before the cell type; both orders are read, Jupytext's is written.

export interface Marker {
  readonly type: "code" | "markdown";
  readonly title: string | undefined;
  readonly metadata: Readonly<Record<string, unknown>>;
  /** Each metadata value's JSON text as written, by key. */
  readonly metadataJson: Readonly<Record<string, string>>;
}

export type MarkerLine =
  | { kind: "none" }
  | { kind: "marker"; marker: Marker }
  /** Still opens a cell (so later lines are not misread), with what could be read of it. */
  | { kind: "invalid"; message: string; marker: Marker };

const MARKER = /^\s*\/\/\s?%%(?:\s+(.*?))?\s*$/;
const CELL_TYPE = /\[([A-Za-z]+)\]/;
const METADATA_START = /(?:^|\s)([A-Za-z_][\w.-]*)=/;

type ParsedMetadata = { metadata: Record<string, unknown>; metadataJson: Record<string, string>; error?: string };
const NO_METADATA = (): ParsedMetadata => ({ metadata: {}, metadataJson: {} });

function parseMetadata(text: string): ParsedMetadata {
  const { metadata, metadataJson } = NO_METADATA();
  // Each entry runs until the next ` key=`; values are JSON (Jupytext's own rule).
  const entries = text.trim().split(/\s+(?=[A-Za-z_][\w.-]*=)/);
  for (const entry of entries) {
    const eq = entry.indexOf("=");
    const key = entry.slice(0, eq);
    const raw = entry.slice(eq + 1);
    try {
      metadata[key] = JSON.parse(raw);
      metadataJson[key] = raw;
    } catch {
      return { metadata, metadataJson, error: `metadata ${key}=${raw} is not valid JSON (write e.g. tags=["setup"] or ${key}="text")` };
    }
  }
  return { metadata, metadataJson };
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
      return { kind: "invalid", message, marker: { type: "code", title: undefined, ...NO_METADATA() } };
    }
    type = "markdown";
    head = head.slice(0, cellType.index) + " " + head.slice(cellType.index + cellType[0].length);
  }
  const parsed = metaStart ? parseMetadata(rest.slice(metaStart.index)) : NO_METADATA();
  const title = head.trim().replace(/\s+/g, " ");
  const { metadata, metadataJson } = parsed.error ? NO_METADATA() : parsed;
  const marker = { type, title: title === "" ? undefined : title, metadata, metadataJson };
  return parsed.error ? { kind: "invalid", message: parsed.error, marker } : { kind: "marker", marker };
}

/** A value's JSON as it was written if it still says the same, so rewriting a marker keeps its spelling. */
function jsonOf(value: unknown, written: string | undefined): string {
  const json = JSON.stringify(value);
  return written !== undefined && JSON.stringify(JSON.parse(written)) === json ? written : json;
}

/** The inverse of parseMarker, in Jupytext's order: `// %% Title [markdown] key=JSON`. */
export function formatMarker(marker: Marker): string {
  const parts = ["// %%"];
  if (marker.title) parts.push(marker.title);
  if (marker.type === "markdown") parts.push("[markdown]");
  for (const [key, value] of Object.entries(marker.metadata)) {
    if (value !== undefined) parts.push(`${key}=${jsonOf(value, marker.metadataJson[key])}`);
  }
  return parts.join(" ");
}

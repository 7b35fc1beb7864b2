// Parses a lesson written in the Jupytext "percent" format:
//   // %% Optional title key=JSON …          a code cell
//   // %% [markdown] Optional title …         a narrative cell of `// ` comment lines
// Like srcbook's parser it runs lex → group → validate → convert and collects every
// problem instead of stopping at the first, so an author fixes a lesson in one pass.
// It keeps what encode.ts needs to write the same text back (each cell's layout).
// Any TypeScript file is a lesson too, as Jupytext reads any script: a `#!` first line is
// kept aside, code before the first marker (or a file with no marker at all) is one code
// cell without a marker, and a lesson without a title cell takes its title from its first
// comment or, failing that, its file name (see title.ts).
import type { Cell, CellKind, CellLayout, Notebook } from "./cells.ts";
import { assignIds } from "./ids.ts";
import { parseMarker, type Marker } from "./marker.ts";
import { LessonFormatError, type LessonProblem } from "./problems.ts";
import { fallbackTitle } from "./title.ts";

export { LessonFormatError, type LessonProblem } from "./problems.ts";

type Line = { readonly number: number; readonly text: string };
type Group = { readonly marker: Marker; readonly line: number; readonly body: Line[] };
type Grouped = { readonly before: string[]; readonly groups: Group[] };

/** The code cell that code before the first marker forms: it has no marker line (line 0). */
const IMPLICIT: Marker = { type: "code", title: undefined, metadata: {}, metadataJson: {} };

/** `#!/usr/bin/env …` as the first line: kept for encoding, never run. */
export const isShebang = (text: string, index: number): boolean => index === 0 && text.startsWith("#!");

/** Lex and group: split the file into marker-headed groups of lines. */
function group(lines: readonly string[], problems: LessonProblem[]): Grouped {
  const grouped: Grouped = { before: [], groups: [] };
  lines.forEach((raw, i) => {
    const line = { number: i + 1, text: raw };
    const marker = parseMarker(raw);
    if (marker.kind !== "none") grouped.groups.push({ marker: marker.marker, line: line.number, body: [] });
    if (marker.kind === "invalid") problems.push({ line: line.number, message: marker.message });
    const current = grouped.groups.at(-1);
    if (marker.kind !== "none") return;
    if (current) current.body.push(line);
    else if (raw.trim() === "" || isShebang(raw, i)) grouped.before.push(raw);
    else grouped.groups.push({ marker: IMPLICIT, line: 0, body: [line] });
  });
  return grouped;
}

const isBlankCode = (text: string): boolean => text.trim() === "";
/** An empty comment line is a blank line of narrative. */
const isBlankNarrative = (text: string): boolean => isBlankCode(text) || /^\s*\/\/\s*$/.test(text);

/** Splits a cell's lines into the blank lines around its content and the content itself. */
function splitEdges(body: readonly Line[], isBlank: (text: string) => boolean): { content: Line[]; before: string[]; after: string[] } {
  let start = 0;
  let end = body.length;
  while (start < end && isBlank(body[start]!.text)) start++;
  while (end > start && isBlank(body[end - 1]!.text)) end--;
  const text = (lines: readonly Line[]) => lines.map((l) => l.text);
  return { before: text(body.slice(0, start)), content: body.slice(start, end), after: text(body.slice(end)) };
}

/** Validate and convert narrative lines: every non-blank line must be a `//` comment. */
function narrativeSource(content: readonly Line[], problems: LessonProblem[]): string {
  return content
    .map(({ number, text }) => {
      if (text.trim() === "") return "";
      const match = /^\s*\/\/ ?(.*)$/.exec(text);
      if (match) return match[1]!;
      problems.push({ line: number, message: 'a narrative line must start with "// " (put code in a "// %%" cell)' });
      return text;
    })
    .join("\n");
}

function tagsOf(metadata: Record<string, unknown>, line: number, problems: LessonProblem[]): string[] {
  const tags = metadata["tags"];
  if (tags === undefined) return [];
  if (Array.isArray(tags) && tags.every((t) => typeof t === "string")) return tags;
  problems.push({ line, message: 'metadata "tags" must be a JSON list of strings, e.g. tags=["setup"]' });
  return [];
}

function convert(groups: readonly Group[], problems: LessonProblem[]): Cell[] {
  const ids = assignIds(
    groups.map((g) => ({ line: g.line, title: g.marker.title, written: g.marker.metadata["id"] })),
    problems,
  );
  let codeNumber = 0;
  return groups.map((g, index) => {
    const kind: CellKind = g.marker.type;
    const { content, before, after } = splitEdges(g.body, kind === "markdown" ? isBlankNarrative : isBlankCode);
    const source = kind === "markdown" ? narrativeSource(content, problems) : content.map((l) => l.text).join("\n");
    const layout: CellLayout = { metadataJson: g.marker.metadataJson, before, after };
    return {
      index,
      number: kind === "code" ? ++codeNumber : 0,
      kind,
      id: ids[index]!,
      title: g.marker.title,
      metadata: g.marker.metadata,
      tags: tagsOf(g.marker.metadata, g.line, problems),
      markerLine: g.line,
      source,
      layout,
    };
  });
}

/** The lesson's title: the `# ` heading of its first cell when that is narrative, else its first comment or file name. */
function titleOf(cells: readonly Cell[], lines: readonly string[], file: string): string {
  const first = cells[0];
  const heading = first?.kind === "markdown" ? /^#\s+(.+)$/m.exec(first.source) : null;
  return heading ? heading[1]!.trim() : fallbackTitle(lines, file);
}

/** Parses lesson text; throws a LessonFormatError listing every problem found. */
export function parseLesson(file: string, text: string): Notebook {
  const problems: LessonProblem[] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const { before, groups } = group(lines, problems);
  const cells = convert(groups, problems);
  const title = titleOf(cells, lines, file);
  if (!cells.some((c) => c.kind === "code"))
    problems.push({ line: 1, message: 'the lesson has no code cell; add one with a "// %%" line' });
  if (problems.length > 0)
    throw new LessonFormatError(
      file,
      [...problems].sort((a, b) => a.line - b.line),
    );
  return { file, title, cells, layout: { newline: text.includes("\r\n") ? "\r\n" : "\n", before } };
}

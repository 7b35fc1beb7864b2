// Parses a lesson written in the Jupytext "percent" format:
//   // %% Optional title key=JSON …          a code cell
//   // %% [markdown] Optional title …         a narrative cell of `// ` comment lines
// Like srcbook's parser it runs lex → group → validate → convert and collects every
// problem instead of stopping at the first, so an author fixes a lesson in one pass.
import type { Cell, CellKind, Notebook } from "./cells.ts";
import { parseMarker, type Marker } from "./marker.ts";

export interface LessonProblem {
  readonly line: number;
  readonly message: string;
}

export class LessonFormatError extends Error {
  readonly file: string;
  readonly problems: readonly LessonProblem[];
  constructor(file: string, problems: readonly LessonProblem[]) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
    super(`${file}:${first?.line ?? 1}: ${first?.message ?? "invalid lesson"}${more}`);
    this.name = "LessonFormatError";
    this.file = file;
    this.problems = problems;
  }
}

type Line = { readonly number: number; readonly text: string };
type Group = { readonly marker: Marker; readonly line: number; readonly body: Line[] };

/** Lex and group: split the file into marker-headed groups of lines. */
function group(text: string, problems: LessonProblem[]): Group[] {
  const groups: Group[] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  lines.forEach((raw, i) => {
    const line = { number: i + 1, text: raw };
    const marker = parseMarker(raw);
    if (marker.kind !== "none") groups.push({ marker: marker.marker, line: line.number, body: [] });
    if (marker.kind === "invalid") problems.push({ line: line.number, message: marker.message });
    const current = groups.at(-1);
    if (marker.kind !== "none") return;
    if (current) current.body.push(line);
    else if (raw.trim() !== "") problems.push({ line: line.number, message: 'code before the first cell; start the lesson with a "// %% [markdown]" title cell' });
  });
  return groups;
}

function trimBlankEdges(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === "") start++;
  while (end > start && lines[end - 1]!.trim() === "") end--;
  return lines.slice(start, end);
}

/** Validate and convert a narrative group: every non-blank line must be a `//` comment. */
function narrativeSource(body: Line[], problems: LessonProblem[]): string {
  const text = body.map(({ number, text }) => {
    if (text.trim() === "") return "";
    const match = /^\s*\/\/ ?(.*)$/.exec(text);
    if (match) return match[1]!;
    problems.push({ line: number, message: 'a narrative line must start with "// " (put code in a "// %%" cell)' });
    return text;
  });
  return trimBlankEdges(text).join("\n");
}

function tagsOf(metadata: Record<string, unknown>, line: number, problems: LessonProblem[]): string[] {
  const tags = metadata["tags"];
  if (tags === undefined) return [];
  if (Array.isArray(tags) && tags.every((t) => typeof t === "string")) return tags;
  problems.push({ line, message: 'metadata "tags" must be a JSON list of strings, e.g. tags=["setup"]' });
  return [];
}

function convert(groups: Group[], problems: LessonProblem[]): Cell[] {
  let codeNumber = 0;
  return groups.map((g, index) => {
    const kind: CellKind = g.marker.type;
    const source = kind === "markdown" ? narrativeSource(g.body, problems) : trimBlankEdges(g.body.map((l) => l.text)).join("\n");
    return {
      index,
      number: kind === "code" ? ++codeNumber : 0,
      kind,
      title: g.marker.title,
      metadata: g.marker.metadata,
      tags: tagsOf(g.marker.metadata, g.line, problems),
      markerLine: g.line,
      source,
    };
  });
}

function titleOf(cells: Cell[], problems: LessonProblem[]): string {
  const first = cells[0];
  const heading = first?.kind === "markdown" ? /^#\s+(.+)$/m.exec(first.source) : null;
  if (heading) return heading[1]!.trim();
  problems.push({ line: first?.markerLine ?? 1, message: 'the first cell must be a narrative cell starting with a "# Title" heading' });
  return "";
}

/** Parses lesson text; throws a LessonFormatError listing every problem found. */
export function parseLesson(file: string, text: string): Notebook {
  const problems: LessonProblem[] = [];
  const cells = convert(group(text, problems), problems);
  const title = titleOf(cells, problems);
  if (!cells.some((c) => c.kind === "code")) problems.push({ line: 1, message: 'the lesson has no code cell; add one with a "// %%" line' });
  if (problems.length > 0) throw new LessonFormatError(file, [...problems].sort((a, b) => a.line - b.line));
  return { file, title, cells };
}

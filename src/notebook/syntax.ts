// Checks a lesson's TypeScript before anything runs. The loader hands the lesson to Node,
// which strips its types with amaro (swc); a syntax error found there surfaced as a
// failure of cell 1 with no location. Calling the same stripper first gives the same
// verdict and message, and Node's code frame above the error gives the line and column.
import { createRequire, stripTypeScriptTypes } from "node:module";
import { describeCell, type Cell, type Notebook } from "./cells.ts";
import { LessonFormatError, type LessonProblem, problemLocation } from "./problems.ts";

export class LessonSyntaxError extends LessonFormatError {
  /** `lessons/03-x.ts:12:5`: where to look. */
  readonly location: string;
  /** `TypeScript syntax error in cell 2 "Title": Expected ',', got ';'`. */
  readonly reason: string;
  readonly cell: Cell | undefined;
  constructor(file: string, where: { line: number; column?: number } | undefined, cell: Cell | undefined, parserMessage: string) {
    const reason = `TypeScript syntax error${cell ? ` in ${describeCell(cell)}` : ""}: ${parserMessage}`;
    super(file, [{ line: where?.line ?? 1, column: where?.column, message: reason }]);
    this.name = "LessonSyntaxError";
    this.location = where ? problemLocation(file, this.problems[0]!) : file;
    this.reason = reason;
    this.cell = cell;
  }
}

/** Node's TypeScript stripper announces itself as experimental once per process; that is not the learner's concern. */
function quietly<T>(run: () => T): T {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(warning).startsWith("stripTypeScriptTypes is an experimental feature")) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return run();
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** Loaded only on the error path: a lesson that parses never pays for it. */
const loadStringWidth = () => (createRequire(import.meta.url)("string-width") as typeof import("string-width")).default;

/** Each character's start column as swc's code frame shows it: tabs to the next multiple of 4, wide characters 2. */
function displayColumns(text: string): { shown: string; starts: number[]; end: number } {
  const stringWidth = loadStringWidth();
  let shown = "";
  let width = 0;
  const starts: number[] = [];
  for (const char of text) {
    const w = char === "\t" ? 4 - (width % 4) : stringWidth(char);
    for (let i = 0; i < char.length; i++) starts.push(width);
    shown += char === "\t" ? " ".repeat(w) : char;
    width += w;
  }
  return { shown, starts, end: width };
}

/** 1-based column of the caret under `line` in the frame, if the frame shows that line. */
function caretColumn(frame: readonly string[], line: string): number | undefined {
  const caret = frame.findIndex((row, i) => i > 0 && /^\s*\^+\s*$/.test(row));
  if (caret < 0) return undefined;
  const { shown, starts, end } = displayColumns(line);
  if (frame[caret - 1]!.trimEnd() !== shown.trimEnd()) return undefined;
  const at = frame[caret]!.indexOf("^");
  const index = starts.findIndex((start) => start >= at);
  return index >= 0 ? index + 1 : at >= end ? line.length + 1 : undefined;
}

/** Where the stripper found the error: its stack starts with `<file>:<line>`, then a code frame, then the error's name. */
function locate(error: Error, lines: readonly string[]): { line: number; column?: number } | undefined {
  const [head, ...rest] = (error.stack ?? "").split("\n");
  const line = Number(/:(\d+)$/.exec(head ?? "")?.[1]);
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return undefined;
  const frame = rest.slice(
    0,
    Math.max(
      0,
      rest.findIndex((row) => row.startsWith(error.name)),
    ),
  );
  return { line, column: caretColumn(frame, lines[line - 1]!) };
}

const SYNTAX_ERROR_CODES = new Set<unknown>(["ERR_INVALID_TYPESCRIPT_SYNTAX", "ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX"]);
const cellAt = (notebook: Notebook, line: number): Cell | undefined => notebook.cells.findLast((c) => c.markerLine <= line);

// Each code cell's marker line is parsed as `export {};`, which is valid only at the top
// level of a module: a marker inside a function or block (an author splitting `main()` into
// cells) then fails to parse at its own line, in the same pass as the syntax check. Such a
// cell would run out of order, when the function is called.
const TOP_LEVEL_PROBE = "export {};";
const NESTED_MARKER =
  'a "// %%" cell marker inside a function, block or expression; markers belong at the top level of the file, between statements (put the cells\' code at the top level, or keep the function in one cell)';

function stripError(source: string): Error | undefined {
  try {
    quietly(() => stripTypeScriptTypes(source));
    return undefined;
  } catch (error) {
    if (!(error instanceof Error) || !SYNTAX_ERROR_CODES.has((error as { code?: unknown }).code)) throw error;
    return error;
  }
}

/**
 * Throws a LessonFormatError naming every cell marker that is not at the top level, else a
 * LessonSyntaxError naming the file, line, column and cell of the first syntax error.
 */
export function checkSyntax(notebook: Notebook, text: string): void {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const markers = new Set(notebook.cells.filter((c) => c.kind === "code" && c.markerLine > 0).map((c) => c.markerLine));
  const nested: LessonProblem[] = [];
  for (;;) {
    const error = stripError(lines.map((line, i) => (markers.has(i + 1) ? TOP_LEVEL_PROBE : line)).join("\n"));
    if (!error) break;
    const where = locate(error, lines);
    if (where && markers.delete(where.line)) {
      nested.push({ line: where.line, message: NESTED_MARKER });
      continue;
    }
    // A syntax error after a misplaced marker may only be its consequence: the markers come first.
    if (nested.length > 0) break;
    throw new LessonSyntaxError(notebook.file, where, where && cellAt(notebook, where.line), error.message.replace(/\.$/, ""));
  }
  if (nested.length > 0) throw new LessonFormatError(notebook.file, nested);
}

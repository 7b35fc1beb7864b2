// Text forms of cell outputs shared by the report and the terminal.
import type { CellError } from "../notebook/outputs.ts";

export const jsonText = (value: unknown): string => JSON.stringify(value, null, 2) ?? "undefined";

/** `Name: message`, the lesson frames, then the extra lines (closest recordings, fix). */
export function errorLines(error: CellError): string[] {
  return [`${error.name}: ${error.message}`, ...error.frames.map((f) => `    ${f}`), ...error.details];
}

/** A fence longer than any backtick run inside `text`, so outputs can hold Markdown. */
export function fence(text: string, lang: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}${lang}\n${text.replace(/\n$/, "")}\n${ticks}`;
}

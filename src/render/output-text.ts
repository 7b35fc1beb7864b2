// Text forms of cell outputs shared by the report and the terminal.
import type { CellError } from "../notebook/outputs.ts";

export const jsonText = (value: unknown): string => JSON.stringify(value, null, 2) ?? "undefined";

/** `Name: message`, the lesson frames, then the extra lines (closest recordings, fix). */
export function errorLines(error: CellError): string[] {
  return [`${error.name}: ${error.message}`, ...error.frames.map((f) => `    ${f}`), ...error.details];
}

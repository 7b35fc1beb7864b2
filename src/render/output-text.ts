// Text forms of cell outputs shared by the report and the terminal.
import type { CellError, Substitute } from "../notebook/outputs.ts";
import type { Messages } from "./messages.ts";

export const jsonText = (value: unknown): string => JSON.stringify(value, null, 2) ?? "undefined";

/** `Name: message`, the lesson frames, then the extra lines (closest recordings, fix). */
export function errorLines(error: CellError): string[] {
  return [`${error.name}: ${error.message}`, ...error.frames.map((f) => `    ${f}`), ...error.details];
}

/** Under a substitute's label: which recorded answer was served, and how the requests differ. */
export function substituteLines(messages: Messages, substitute: Substitute): string[] {
  return [
    messages.substituteAnswered(substitute.request, substitute.exchange),
    ...substitute.differences.map((d) => `  ${messages.substituteDifference(d.where, d.recorded, d.sent)}`),
  ];
}

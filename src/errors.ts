// The one place that words failures. Two shapes:
// - a UserError stops the command: one line, "subject: reason. Fix: what to run", and an exit code;
// - a CellProblem fails a cell: its message, then detail lines ending in "Fix: …", shown under the cell.
import { oneLine } from "./text/visible.ts";

export interface Problem {
  /** What failed, e.g. `Failed to load fixture fixtures/03-add-message.json`. */
  readonly subject: string;
  readonly reason: string;
  /** What to do about it: a command to run where there is one. */
  readonly fix: string;
}

export const problemLine = ({ subject, reason, fix }: Problem): string => `${subject}: ${reason}. Fix: ${fix}`;
export const fixLine = (fix: string): string => `Fix: ${fix}`;

export class UserError extends Error {
  readonly exitCode: number;
  constructor(subject: string, reason: string, fix: string, exitCode = 2) {
    // Parts may quote a fixture or an argument: keep the message one printable line.
    super(oneLine(problemLine({ subject, reason, fix })));
    this.name = "UserError";
    this.exitCode = exitCode;
  }
}

/** A failure shown in the cell it happened in, with lines a user needs under the message. */
export class CellProblem extends Error {
  readonly details: readonly string[];
  constructor(name: string, message: string, details: readonly string[], cause?: unknown) {
    super(message, { cause });
    this.name = name;
    this.details = details;
  }
}

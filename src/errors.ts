// Errors a user can act on: one line that names the subject, the reason and the fix.
// The CLI prints `message` alone (no stack) and exits with `exitCode`.
import { oneLine } from "./text/visible.ts";

export class UserError extends Error {
  readonly exitCode: number;
  constructor(what: string, reason: string, fix: string, exitCode = 2) {
    // Parts may quote a fixture or an argument: keep the message one printable line.
    super(oneLine(`${what}: ${reason}. Fix: ${fix}`));
    this.name = "UserError";
    this.exitCode = exitCode;
  }
}

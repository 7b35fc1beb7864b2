// Writes a run's files as one unit: every file is checked for secrets first, then each is
// written to a temporary file beside its target, and only when all of them are on disk are
// they renamed into place. A read-only folder, a full disk or a secret therefore leaves
// every previous file untouched, and a kill between two renames leaves a report whose
// recorded fixture hash no longer matches (found by `--check` and repaired by a replay).
import { renameSync, rmSync } from "node:fs";
import { dirname, relative } from "node:path";
import { UserError } from "../errors.ts";
import { writeTempBeside } from "../fixtures/files.ts";
import { findSecret } from "../fixtures/redact.ts";
import type { PendingWrite } from "../modes/mode.ts";

const WRITE_FAILURES: Record<string, string> = {
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOSPC: "the disk is full",
  ENOTDIR: "a parent path is not a folder",
};

/** `root` is what paths are shown relative to; `subject` names the lesson in messages. */
export function commitWrites(writes: readonly PendingWrite[], secrets: readonly string[], subject: string, root: string): void {
  const shown = (path: string) => relative(root, path).split("\\").join("/");
  for (const { path, data } of writes) {
    const leak = typeof data === "string" ? findSecret(data, secrets) : undefined;
    if (leak)
      throw new UserError(
        `Refusing to write ${shown(path)} for lesson ${subject}`,
        leak,
        "report this as a lessonbook bug; nothing was written",
      );
  }
  const temps: string[] = [];
  let current = writes[0]?.path ?? "";
  let renamed = 0;
  try {
    for (const { path, data } of writes) {
      current = path;
      temps.push(writeTempBeside(path, data));
    }
    writes.forEach(({ path }, i) => {
      current = path;
      renameSync(temps[i]!, path);
      renamed++;
    });
  } catch (error) {
    for (const temp of temps) rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const kept =
      renamed === 0
        ? "the previous files were left as they were"
        : 'some files were replaced; "npm run lesson -- --check" finds what no longer matches';
    const reason = `${WRITE_FAILURES[code] ?? (error as Error).message}${code ? ` (${code})` : ""}; ${kept}`;
    throw new UserError(
      `Failed to write ${shown(current)} for lesson ${subject}`,
      reason,
      `make ${shown(dirname(current))}/ writable and run the lesson again, or add --no-report`,
    );
  }
}

// Turns a thrown value into a CellError whose frames point at lesson lines, and keeps
// absolute paths out of what a lesson prints (an error's stack it logged, say), so reports
// are the same on every machine.
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { relative, resolve, sep } from "node:path";
import { CELLS_FUNCTION } from "./loader.ts";
import type { CellError } from "./outputs.ts";

/** Errors that carry extra lines for the user (see ReplayMissError). */
export interface DetailedError extends Error {
  readonly details?: readonly string[];
}

const FRAME = /^\s*at (?:(.*?) \()?(file:\/\/[^\s)]+?|\/[^\s)]+?):(\d+):(\d+)\)?$/;

function projectPath(location: string, root: string): string | undefined {
  const withoutQuery = location.replace(/\?[^:]*$/, "");
  const file = withoutQuery.startsWith("file://") ? fileURLToPath(withoutQuery) : withoutQuery;
  const rel = relative(root, file);
  if (rel.startsWith("..") || rel.split(sep).includes("node_modules")) return undefined;
  return rel.split(sep).join("/");
}

// The runner's own frames around a lesson: the function its statements run in is named but
// shown as the lesson's top level, and the file that calls it is left out.
const CELLS_FRAME = new RegExp(`^(async )?(?:Module\\.)?${CELLS_FUNCTION.replace("$", "\\$")}$`);
const RUNNER_FILE = /(^|\/)src\/notebook\/native-import\.cjs$/;

/** Keeps frames from the project (lessons, src), drops node_modules and node internals. */
export function projectFrames(stack: string, root: string): string[] {
  const frames: string[] = [];
  for (const line of stack.split("\n").slice(1)) {
    const match = FRAME.exec(line);
    if (!match) continue;
    const path = projectPath(match[2]!, root);
    if (!path || RUNNER_FILE.test(path)) continue;
    const where = `${path}:${match[3]}:${match[4]}`;
    const name = match[1] && CELLS_FRAME.exec(match[1]) ? match[1].replace(CELLS_FRAME, "$1").trim() : match[1];
    frames.push(name ? `at ${name} (${where})` : `at ${where}`);
  }
  return frames;
}

/** lessonbook's own folder: the runner's frames (and a course's `src` link) resolve into it. */
const RUNNER_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

const realpath = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
};

// Printed stack frames that are not the lesson's: the runner itself (not its helpers), once
// paths are relative, and Node's internals; both change with versions, not with the lesson.
const PRINTED_RUNNER_FRAME = /^\s*at (?:.* \()?(?:src\/(?:notebook|session|cli|modes|fixtures|clock)\/|node:internal\/)[^\s)]*\)?$/;
const PRINTED_CELLS_FRAME = new RegExp(`\\bat (?:async )?(?:Module\\.)?${CELLS_FUNCTION.replace("$", "\\$")} \\(([^)]*)\\)`);
const PRINTED_FRAME = /^\s*at /;

/** Keeps a printed stack's frames up to the lesson's top level (what called it is the runner). */
function lessonFramesOnly(lines: readonly string[]): string[] {
  const kept: string[] = [];
  let belowCells = false;
  for (const line of lines) {
    const isFrame = PRINTED_FRAME.test(line);
    if (belowCells && isFrame) continue;
    belowCells = false;
    const cells = PRINTED_CELLS_FRAME.exec(line);
    if (cells) {
      kept.push(line.replace(PRINTED_CELLS_FRAME, "at $1"));
      belowCells = true;
    } else if (!(isFrame && PRINTED_RUNNER_FRAME.test(line))) kept.push(line);
  }
  return kept;
}

/**
 * Rewrites printed text (an error's stack a lesson logged) so it names no absolute path: a
 * file under the course or lessonbook becomes its relative path (`lessons/03-x.ts:12:5`),
 * anything in a node_modules folder `node_modules/…`, the run's `?lessonbook-run=N` suffix
 * goes, and so do frames of the runner and of Node's internals, which would change with them.
 */
export function pathScrubber(root: string): (text: string) => string {
  const roots = [...new Set([root, realpath(root), RUNNER_ROOT, realpath(RUNNER_ROOT)])]
    .filter((r) => r.length > 1)
    .sort((a, b) => b.length - a.length)
    .flatMap((r) => [`file://${r}/`, `${r}/`]);
  return (text) => {
    if (!text.includes("/")) return text;
    let out = text.replace(/\?lessonbook-run=\d+/g, "");
    for (const prefix of roots) out = out.replaceAll(prefix, "");
    out = out.replace(/(?:file:\/\/)?\/[^\s'"()<>]*?\/node_modules\//g, "node_modules/");
    return out.includes("    at ") ? lessonFramesOnly(out.split("\n")).join("\n") : out;
  };
}

export function toCellError(thrown: unknown, root: string): CellError {
  const scrub = pathScrubber(root);
  if (!(thrown instanceof Error)) {
    return { name: "Error", message: scrub(`non-Error value thrown: ${String(thrown)}`), frames: [], details: [] };
  }
  const detailed = thrown as DetailedError;
  return {
    name: thrown.name,
    message: scrub(thrown.message),
    frames: detailed.details ? [] : projectFrames(thrown.stack ?? "", root),
    details: (detailed.details ?? []).map(scrub),
  };
}

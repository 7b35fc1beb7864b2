// Turns a thrown value into a CellError whose frames point at lesson lines.
import { fileURLToPath } from "node:url";
import { relative, sep } from "node:path";
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

export function toCellError(thrown: unknown, root: string): CellError {
  if (!(thrown instanceof Error)) {
    return { name: "Error", message: `non-Error value thrown: ${String(thrown)}`, frames: [], details: [] };
  }
  const detailed = thrown as DetailedError;
  return {
    name: thrown.name,
    message: thrown.message,
    frames: detailed.details ? [] : projectFrames(thrown.stack ?? "", root),
    details: detailed.details ?? [],
  };
}

// `npm run lesson …`: the command-line entry point. Argument parsing, one call per lesson
// into the session, printing, and the single exit point (one catch, cleanup that always runs).
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultDirs, findLesson, lessonsOfParts, listLessons, type CourseDirs } from "../course/catalog.ts";
import { UserError } from "../errors.ts";
import { styleFor } from "../render/style.ts";
import { parseCliArgs, USAGE } from "./args.ts";
import { checkReports } from "./check.ts";
import { courseOutline } from "./outline.ts";
import { runOne } from "./run-one.ts";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
// Keep the real stream: while a lesson runs, process.stdout.write is captured per cell.
const writeOut = process.stdout.write.bind(process.stdout);
const writeErr = process.stderr.write.bind(process.stderr);
const realExit = process.exit.bind(process);

/** Aborted when the process has nothing left to do while a cell still waits (see beforeExit). */
let running: AbortController | undefined;

export class NeverFinishedError extends Error {
  constructor() {
    super(
      "the cell never finished: it waited for something that can no longer happen (a promise that never settles), and nothing else was left to run",
    );
    this.name = "NeverFinishedError";
  }
}

/** Paths are shown relative to the course: the folder that holds the lessons folder. */
function courseDirs(overrides: { lessons?: string; fixtures?: string; reports?: string }): CourseDirs {
  const dirs = defaultDirs(ROOT);
  const at = (path: string | undefined, fallback: string) => (path ? resolve(path) : fallback);
  const lessons = at(overrides.lessons, dirs.lessons);
  return { root: dirname(lessons), lessons, fixtures: at(overrides.fixtures, dirs.fixtures), reports: at(overrides.reports, dirs.reports) };
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseCliArgs(argv, process.env);
  if (args.help) {
    writeOut(`${USAGE}\n`);
    return 0;
  }
  const dirs = courseDirs(args.dirs);
  if (!args.lesson && !args.all && args.parts.length === 0) {
    writeOut(courseOutline(dirs));
    return 0;
  }
  const course = listLessons(dirs);
  const lessons = args.parts.length ? lessonsOfParts(course, args.parts) : args.all ? course : [findLesson(course, args.lesson!)];
  if (args.check) return checkReports(lessons, dirs, writeOut);
  const style = styleFor(Boolean(process.stdout.isTTY && process.stdout.hasColors?.()));
  let exitCode = 0;
  for (const lesson of lessons) {
    running = new AbortController();
    const options = { dirs, mode: args.mode, stopAfter: args.stopAfter, timeoutMs: args.timeoutMs, writeReport: args.report };
    const code = await runOne({ ...options, lesson, write: writeOut, style, signal: running.signal });
    exitCode = Math.max(exitCode, code);
  }
  running = undefined;
  return exitCode;
}

function exitWith(code: number): void {
  // Lessons may leave timers or sockets open; the run is over, so end the process.
  process.stdout.write("", () => realExit(code));
}

// The event loop ran dry while a cell was still awaiting: that await can never finish.
process.on("beforeExit", () => running?.abort(new NeverFinishedError()));

// Ctrl-C: files are written only at the very end, all together, so nothing is half-written.
process.once("SIGINT", () => {
  writeErr("\nlessonbook: interrupted; no fixture or report was written.\n");
  realExit(130);
});

// `npm run lesson 3 | head -1`: the reader left; stop quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") realExit(0);
});

main(process.argv.slice(2)).then(exitWith, (error: unknown) => {
  if (error instanceof UserError) writeErr(`lessonbook: ${error.message}\n`);
  else writeErr(`lessonbook: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  exitWith(error instanceof UserError ? error.exitCode : 1);
});

// `npm run lesson …`: the command-line entry point and its one exit point.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultDirs, findLesson, lessonTitle, listLessons, type CourseDirs } from "../course/catalog.ts";
import { UserError } from "../errors.ts";
import { styleFor } from "../render/style.ts";
import { parseCliArgs, USAGE } from "./args.ts";
import { runLesson } from "./run-lesson.ts";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
// Keep the real stream: while a lesson runs, process.stdout.write is captured per cell.
const writeOut = process.stdout.write.bind(process.stdout);
const writeErr = process.stderr.write.bind(process.stderr);

/** Paths are shown relative to the course: the folder that holds the lessons folder. */
function courseDirs(overrides: { lessons?: string; fixtures?: string; reports?: string }): CourseDirs {
  const dirs = defaultDirs(ROOT);
  const at = (path: string | undefined, fallback: string) => (path ? resolve(path) : fallback);
  const lessons = at(overrides.lessons, dirs.lessons);
  return { root: dirname(lessons), lessons, fixtures: at(overrides.fixtures, dirs.fixtures), reports: at(overrides.reports, dirs.reports) };
}

function lessonList(dirs: CourseDirs): string {
  const lines = listLessons(dirs).map((l) => `  ${String(l.number).padStart(2)}  ${lessonTitle(l).replace(/^Lesson \d+:\s*/, "")}`);
  return `Lessons (run one with "npm run lesson N"):\n${lines.join("\n")}\n`;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseCliArgs(argv);
  if (args.help) return void writeOut(`${USAGE}\n`), 0;
  const dirs = courseDirs(args.dirs);
  if (!args.lesson && !args.all) return void writeOut(lessonList(dirs)), 0;
  const lessons = args.all ? listLessons(dirs) : [findLesson(listLessons(dirs), args.lesson!)];
  const style = styleFor(Boolean(process.stdout.isTTY && process.stdout.hasColors?.()));
  let exitCode = 0;
  for (const lesson of lessons) {
    const code = await runLesson({ lesson, dirs, mode: args.mode, stopAfter: args.stopAfter, writeReport: args.report, write: writeOut, style });
    exitCode = Math.max(exitCode, code);
  }
  return exitCode;
}

function exitWith(code: number): void {
  // Lessons may leave timers or sockets open; the run is over, so end the process.
  process.stdout.write("", () => process.exit(code));
}

// Ctrl-C: nothing has been written yet (fixtures and reports are written at the very end,
// atomically), so the previous files stay as they were.
process.once("SIGINT", () => {
  writeErr("\nlessonbook: interrupted; no fixture or report was written.\n");
  process.exit(130);
});

main(process.argv.slice(2)).then(exitWith, (error: unknown) => {
  if (error instanceof UserError) writeErr(`lessonbook: ${error.message}\n`);
  else writeErr(`lessonbook: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  exitWith(error instanceof UserError ? error.exitCode : 1);
});

// `npm run lesson …`: the command-line entry point. Argument parsing, one call per lesson
// into the session, printing, and the single exit point (one catch, cleanup that always runs).
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type CourseDirs, defaultDirs, findLesson, type Lesson, lessonIn, lessonsOfParts, loadCourse } from "../course/catalog.ts";
import { UserError } from "../errors.ts";
import { courseLangs, translationProblem } from "../i18n/localize.ts";
import { type Lang, langFromEnv } from "../lang.ts";
import type { ModeName } from "../modes/mode.ts";
import { catalogs } from "../render/messages.ts";
import { styleFor } from "../render/style.ts";
import { parseCliArgs, USAGE } from "./args.ts";
import { checkReports } from "./check.ts";
import { terminalKeys } from "./keys.ts";
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

/**
 * The lesson in the language asked for. A course not written in that language runs in
 * English; a lesson whose translation cannot be used runs in English too, saying so (never
 * silently), and a recording in that language is refused instead.
 */
function inLanguage(lesson: Lesson, lang: Lang, dirs: CourseDirs, mode: ModeName): Lesson {
  if (!courseLangs(dirs).includes(lang)) return lessonIn(lesson, "en", dirs);
  const problem = translationProblem(lesson, dirs, lang);
  if (!problem) return lessonIn(lesson, lang, dirs, mode === "record");
  if (mode === "record")
    throw new UserError(`Cannot record lesson ${lesson.id} in ${lang}`, `${problem.file}: ${problem.reason}`, 'run "npm run i18n:status"');
  writeErr(`lessonbook: ${catalogs[lang].translationFallback(lesson.id, problem.file, problem.reason)}\n`);
  return lessonIn(lesson, "en", dirs);
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseCliArgs(argv, process.env);
  if (args.help) {
    writeOut(`${USAGE}\n`);
    return 0;
  }
  const dirs = courseDirs(args.dirs);
  const lang = args.lang ?? langFromEnv(process.env);
  if (!args.lesson && !args.all && args.parts.length === 0) {
    writeOut(courseOutline(dirs, lang));
    return 0;
  }
  const course = loadCourse(dirs);
  const lessons = args.parts.length
    ? lessonsOfParts([...course.lessons], args.parts)
    : args.all
      ? [...course.lessons]
      : [findLesson(course.lessons, args.lesson!, course.misnamed)];
  // --check stays strict and instant whatever else is asked: parseCliArgs refuses workshop options with it.
  if (args.check) return checkReports(lessons, dirs, writeOut, { langs: args.lang ? [args.lang] : undefined, messages: catalogs[lang] });
  if (args.step && !(process.stdin.isTTY && process.stdout.isTTY)) {
    const command = `npm run lesson ${args.all ? "--" : `${lessons[0]!.number} --`} --step`;
    throw new UserError(
      "--step needs a terminal",
      "it waits for keys typed there, and standard input or output is redirected",
      `run "${command}" in a terminal, with no pipe or redirect`,
    );
  }
  const style = styleFor(Boolean(process.stdout.isTTY && process.stdout.hasColors?.()));
  const workshop = { stepKeys: args.step ? terminalKeys() : undefined, pace: args.pace, lenient: args.lenient };
  let exitCode = 0;
  for (const lesson of lessons) {
    running = new AbortController();
    const options = {
      dirs,
      mode: args.mode,
      stopAfter: args.stopAfter,
      timeoutMs: args.timeoutMs,
      writeReport: args.report,
      allowEmpty: args.allowEmpty,
    };
    const result = await runOne({
      ...options,
      ...workshop,
      lesson: inLanguage(lesson, lang, dirs, args.mode),
      write: writeOut,
      style,
      signal: running.signal,
    });
    exitCode = Math.max(exitCode, result.exitCode);
    if (result.quit) break;
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

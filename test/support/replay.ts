// Replays a lesson inside the current process (no CLI start-up), through the same session
// API the CLI uses, for in-process tests and the bench.
import type { ClockStats } from "../../src/clock/fast-forward.ts";
import { defaultDirs, listLessons, type CourseDirs, type Lesson } from "../../src/course/catalog.ts";
import type { NotebookRun } from "../../src/notebook/execute.ts";
import { runSession, type SessionOptions, type SessionResult } from "../../src/session/run-session.ts";
import { ROOT } from "./paths.ts";

/** A lesson of the course in `dirs` (the repository's own course by default), by number. */
export function lessonByNumber(lessonNumber: number, dirs: CourseDirs = defaultDirs(ROOT)): Lesson {
  const lesson = listLessons(dirs).find((l) => l.number === lessonNumber);
  if (!lesson) throw new Error(`no lesson ${lessonNumber} in ${dirs.lessons}`);
  return lesson;
}

export interface InProcessReplay {
  readonly run: NotebookRun;
  readonly result: SessionResult;
  readonly elapsedMs: number;
  /** What the replay's fast-forward clock did. */
  readonly clock: ClockStats;
  /** The ms of every `sleep(ms)` the lesson asked for. */
  readonly lessonSleeps: readonly number[];
}

/** Options as for runSession; `dirs` picks another course (the repository's by default). */
export async function replayInProcess(lesson: Lesson | number, options: Partial<SessionOptions> = {}): Promise<InProcessReplay> {
  const dirs = options.dirs ?? defaultDirs(ROOT);
  const target = typeof lesson === "number" ? lessonByNumber(lesson, dirs) : lesson;
  const started = performance.now();
  const result = await runSession({ lesson: target, dirs, mode: "replay", report: false, ...options });
  if (!result.clock) throw new Error("replay did not install its fast-forward clock");
  return { run: result.run, result, elapsedMs: performance.now() - started, clock: result.clock, lessonSleeps: result.lessonSleeps };
}

// Replays a lesson inside the current process (no CLI start-up), for tests and the bench.
// This is the one place that drives a replay in process; it will become a call to the session API.
import { readNotebook } from "../../src/cli/run-lesson.ts";
import { currentFastForwardClock, type ClockStats } from "../../src/clock/fast-forward.ts";
import { defaultDirs, listLessons, type CourseDirs, type Lesson } from "../../src/course/catalog.ts";
import { applyEnv } from "../../src/modes/mode.ts";
import { openMode } from "../../src/modes/open.ts";
import { executeNotebook, type NotebookRun } from "../../src/notebook/execute.ts";
import { ROOT } from "./paths.ts";

export interface InProcessReplay {
  readonly run: NotebookRun;
  readonly elapsedMs: number;
  /** What the replay's fast-forward clock did. */
  readonly clock: ClockStats;
  /** The ms of every `sleep(ms)` the lesson asked for. */
  readonly lessonSleeps: readonly number[];
}

/** A lesson of the course in `dirs` (the repository's own course by default), by number. */
export function lessonByNumber(lessonNumber: number, dirs: CourseDirs = defaultDirs(ROOT)): Lesson {
  const lesson = listLessons(dirs).find((l) => l.number === lessonNumber);
  if (!lesson) throw new Error(`no lesson ${lessonNumber} in ${dirs.lessons}`);
  return lesson;
}

export async function replayInProcess(lesson: Lesson | number, dirs: CourseDirs = defaultDirs(ROOT)): Promise<InProcessReplay> {
  const target = typeof lesson === "number" ? lessonByNumber(lesson, dirs) : lesson;
  const started = performance.now();
  const { notebook, text } = readNotebook(target, dirs);
  const session = await openMode("replay", target, dirs);
  const clock = currentFastForwardClock();
  if (!clock) throw new Error("replay did not install its fast-forward clock");
  const lessonSleeps: number[] = [];
  const restore = applyEnv(session.env);
  try {
    const run = await executeNotebook(notebook, text, {
      file: target.file,
      root: dirs.root,
      hooks: {
        sleep: (ms) => {
          lessonSleeps.push(ms);
          return session.sleep(ms);
        },
        takeFailure: (cell) => session.takeFailure(cell),
        readInput: (prompt) => session.readInput(prompt),
        drainStreamEvents: () => session.drainStreamEvents(),
      },
    });
    return { run, elapsedMs: performance.now() - started, clock: clock.stats(), lessonSleeps };
  } finally {
    restore();
    await session.close(true);
  }
}

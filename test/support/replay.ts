// Replays a lesson inside the current process (no CLI start-up), for timing tests and the bench.
// This is the one place that drives a replay in process; it will become a call to the session API.
import { readNotebook } from "../../src/cli/run-lesson.ts";
import { defaultDirs, listLessons, type CourseDirs, type Lesson } from "../../src/course/catalog.ts";
import { applyEnv } from "../../src/modes/mode.ts";
import { openMode } from "../../src/modes/open.ts";
import { executeNotebook, type NotebookRun } from "../../src/notebook/execute.ts";
import { ROOT } from "./paths.ts";

export interface InProcessReplay {
  readonly run: NotebookRun;
  readonly elapsedMs: number;
}

/** A lesson of the course in `dirs` (the repository's own course by default), by number. */
export function lessonByNumber(lessonNumber: number, dirs: CourseDirs = defaultDirs(ROOT)): Lesson {
  const lesson = listLessons(dirs).find((l) => l.number === lessonNumber);
  if (!lesson) throw new Error(`no lesson ${lessonNumber} in ${dirs.lessons}`);
  return lesson;
}

/** `afterStart` runs once the replay session (and its fast-forward clock) is in place. */
export async function replayInProcess(lesson: Lesson | number, dirs: CourseDirs = defaultDirs(ROOT), afterStart: () => void = () => {}): Promise<InProcessReplay> {
  const target = typeof lesson === "number" ? lessonByNumber(lesson, dirs) : lesson;
  const started = performance.now();
  const { notebook, text } = readNotebook(target, dirs);
  const session = await openMode("replay", target, dirs);
  afterStart();
  const restore = applyEnv(session.env);
  try {
    const run = await executeNotebook(notebook, text, {
      file: target.file,
      root: dirs.root,
      hooks: {
        sleep: (ms) => session.sleep(ms),
        takeFailure: (cell) => session.takeFailure(cell),
        readInput: (prompt) => session.readInput(prompt),
        drainStreamEvents: () => session.drainStreamEvents(),
      },
    });
    return { run, elapsedMs: performance.now() - started };
  } finally {
    restore();
    await session.close(true);
  }
}

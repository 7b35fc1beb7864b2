// Replays a lesson inside the current process (no CLI start-up), for timing tests and the bench.
import { readNotebook } from "../../src/cli/run-lesson.ts";
import { defaultDirs, listLessons } from "../../src/course/catalog.ts";
import { applyEnv } from "../../src/modes/mode.ts";
import { openMode } from "../../src/modes/open.ts";
import { executeNotebook, type NotebookRun } from "../../src/notebook/execute.ts";
import { ROOT } from "./paths.ts";

export interface InProcessReplay {
  readonly run: NotebookRun;
  readonly elapsedMs: number;
}

/** `afterStart` runs once the replay session (and its fast-forward clock) is in place. */
export async function replayInProcess(lessonNumber: number, afterStart: () => void = () => {}): Promise<InProcessReplay> {
  const dirs = defaultDirs(ROOT);
  const lesson = listLessons(dirs).find((l) => l.number === lessonNumber);
  if (!lesson) throw new Error(`no lesson ${lessonNumber}`);
  const started = performance.now();
  const { notebook, text } = readNotebook(lesson, dirs);
  const session = await openMode("replay", lesson, dirs);
  afterStart();
  const restore = applyEnv(session.env);
  try {
    const run = await executeNotebook(notebook, text, {
      file: lesson.file,
      root: ROOT,
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

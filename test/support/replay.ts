// Replays a lesson inside the current process (no CLI start-up), through the same session
// API the CLI uses, for in-process tests and the bench.
import { defaultDirs, listLessons, type CourseDirs, type Lesson } from "../../src/course/catalog.ts";
import type { NotebookRun } from "../../src/notebook/execute.ts";
import { runSession, type SessionOptions, type SessionResult } from "../../src/session/run-session.ts";
import { ROOT } from "./paths.ts";

export function courseLesson(lessonNumber: number, dirs: CourseDirs = defaultDirs(ROOT)): Lesson {
  const lesson = listLessons(dirs).find((l) => l.number === lessonNumber);
  if (!lesson) throw new Error(`no lesson ${lessonNumber}`);
  return lesson;
}

export interface InProcessReplay {
  readonly run: NotebookRun;
  readonly result: SessionResult;
}

/** `onStart` runs once the replay session is open, before the first cell. */
export async function replayInProcess(lessonNumber: number, options: Partial<SessionOptions> = {}): Promise<InProcessReplay> {
  const dirs = options.dirs ?? defaultDirs(ROOT);
  const result = await runSession({ lesson: courseLesson(lessonNumber, dirs), dirs, mode: "replay", ...options });
  return { run: result.run, result };
}

// Runs a lesson live or recording in this process, through the same session API as the
// CLI, with a key and base URL set only for the run. For wording checks that need no
// child process.
import { defaultDirs, type CourseDirs } from "../../src/course/catalog.ts";
import type { ModeName } from "../../src/modes/mode.ts";
import type { Output } from "../../src/notebook/outputs.ts";
import { runSession, type SessionOptions, type SessionResult } from "../../src/session/run-session.ts";
import { ROOT } from "./paths.ts";
import { lessonByNumber } from "./replay.ts";

export interface LiveRun {
  readonly result: SessionResult;
  /** The error shown in the failed cell, as lines (name: message, then details). */
  readonly errorLines: string[];
  /** Everything said to the terminal (slow-request notices). */
  readonly said: string;
}

export async function runLiveInProcess(
  lessonNumber: number,
  mode: Exclude<ModeName, "replay">,
  env: Record<string, string>,
  options: Partial<SessionOptions> = {},
): Promise<LiveRun> {
  const dirs: CourseDirs = options.dirs ?? defaultDirs(ROOT);
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  let said = "";
  try {
    const result = await runSession({ lesson: lessonByNumber(lessonNumber, dirs), dirs, mode, say: (text) => (said += text), ...options });
    const error = result.run.results.flatMap((r) => r.outputs).find((o): o is Extract<Output, { type: "error" }> => o.type === "error");
    const errorLines = error ? [`${error.error.name}: ${error.error.message}`, ...error.error.details] : [];
    return { result, errorLines, said };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

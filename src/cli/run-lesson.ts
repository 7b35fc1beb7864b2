// Runs one lesson: parse, open the mode, execute cell by cell while printing, write the report.
import { readFileSync } from "node:fs";
import type { CourseDirs, Lesson } from "../course/catalog.ts";
import { UserError } from "../errors.ts";
import { writeFileAtomic } from "../fixtures/files.ts";
import { findSecret } from "../fixtures/redact.ts";
import { applyEnv, type ModeName, type PendingWrite } from "../modes/mode.ts";
import { describeMode, openMode, reportModeLine, shownPath } from "../modes/open.ts";
import type { Notebook } from "../notebook/cells.ts";
import { executeNotebook, type NotebookRun } from "../notebook/execute.ts";
import { LessonFormatError, parseLesson } from "../notebook/parse.ts";
import { renderReport } from "../render/report.ts";
import type { Style } from "../render/style.ts";
import { TerminalView } from "../render/terminal-view.ts";

export interface RunLessonOptions {
  readonly lesson: Lesson;
  readonly dirs: CourseDirs;
  readonly mode: ModeName;
  readonly stopAfter: number | undefined;
  readonly writeReport: boolean;
  /** Where the terminal view goes (the real stdout, not the captured one). */
  readonly write: (text: string) => void;
  readonly style: Style;
}

export function readNotebook(lesson: Lesson, dirs: CourseDirs): { notebook: Notebook; text: string } {
  const text = readFileSync(lesson.file, "utf8");
  try {
    return { notebook: parseLesson(shownPath(dirs, lesson.file), text), text };
  } catch (error) {
    if (!(error instanceof LessonFormatError)) throw error;
    const [first, ...rest] = error.problems;
    const more = rest.map((p) => ` Also line ${p.line}: ${p.message}.`).join("");
    throw new UserError(`Failed to parse lesson ${error.file}`, `line ${first?.line}: ${first?.message}.${more}`.replace(/\.$/, ""), 'fix the lesson file; cells start with "// %%" (code) or "// %% [markdown]" (narrative)');
  }
}

/** Checks every file for secrets first, then writes each atomically: all or nothing is verified. */
export function commitWrites(writes: readonly PendingWrite[], secrets: readonly string[], lesson: Lesson): void {
  for (const { path, data } of writes) {
    const leak = typeof data === "string" ? findSecret(data, secrets) : undefined;
    if (leak) throw new UserError(`Refusing to write ${path} for lesson ${lesson.id}`, leak, "report this as a lessonbook bug; nothing was written");
  }
  for (const { path, data } of writes) writeFileAtomic(path, data);
}

export async function runLesson(options: RunLessonOptions): Promise<number> {
  const { lesson, dirs } = options;
  const view = new TerminalView(options.write, options.style);
  const { notebook, text } = readNotebook(lesson, dirs);
  const session = await openMode(options.mode, lesson, dirs, (hint) => view.say(hint));
  const fixtureFile = shownPath(dirs, lesson.fixturePath);
  const info = { lessonFile: shownPath(dirs, lesson.file), command: `npm run lesson ${lesson.number}`, fixtureFile, provenance: undefined };
  view.banner(notebook.title, { ...info, mode: describeMode(session, fixtureFile) });
  const restoreEnv = applyEnv(session.env);
  let run: NotebookRun;
  try {
    run = await executeNotebook(notebook, text, {
      file: lesson.file,
      root: dirs.root,
      stopAfter: options.stopAfter,
      hooks: {
        onCellStart: (cell) => view.cellStart(cell),
        onOutput: (_cell, output) => view.output(output),
        onCellEnd: (result) => view.cellEnd(result.cell),
        takeFailure: (cell) => session.takeFailure(cell),
        readInput: (prompt) => session.readInput(prompt),
        explainError: (thrown) => session.explainError(thrown),
        drainStreamEvents: () => session.drainStreamEvents(),
        sleep: (ms) => session.sleep(ms),
      },
    });
  } finally {
    restoreEnv();
  }
  const succeeded = run.status === "ok";
  const closed = await session.close(succeeded);
  const writes = [...closed.writes];
  view.notRun(run);
  // Replay writes its report even when a cell failed (it shows the error); live and
  // record runs replace the committed report only with a complete, successful run.
  const writeReport = options.writeReport && run.status !== "stopped" && (session.name === "replay" || succeeded);
  if (writeReport) {
    const report = renderReport({ ...info, run, mode: reportModeLine(session, fixtureFile), fixtureFile: session.name === "live" ? undefined : fixtureFile, provenance: closed.provenance });
    writes.push({ path: lesson.reportPath, data: report });
  }
  commitWrites(writes, session.secrets, lesson);
  view.summary(run, { lesson: lesson.id, mode: options.mode, stopAfter: options.stopAfter, reportFile: writeReport ? shownPath(dirs, lesson.reportPath) : undefined });
  return run.status === "error" ? 1 : 0;
}

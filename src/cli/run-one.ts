// One lesson in the terminal: the session runs it, the terminal view shows it as it goes,
// its files are written as one unit, and the summary line closes it.
import type { CourseDirs, Lesson } from "../course/catalog.ts";
import type { ModeName } from "../modes/mode.ts";
import { shownPath } from "../modes/open.ts";
import type { Style } from "../render/style.ts";
import { TerminalView } from "../render/terminal-view.ts";
import { commitWrites } from "../session/commit.ts";
import { runSession } from "../session/run-session.ts";

export interface RunOneOptions {
  readonly lesson: Lesson;
  readonly dirs: CourseDirs;
  readonly mode: ModeName;
  readonly stopAfter: number | undefined;
  readonly timeoutMs: number | undefined;
  readonly writeReport: boolean;
  readonly allowEmpty?: boolean;
  /** Where the terminal view goes (the real stdout, not the captured one). */
  readonly write: (text: string) => void;
  readonly style: Style;
  readonly signal: AbortSignal;
}

export async function runOne(options: RunOneOptions): Promise<number> {
  const { lesson, dirs } = options;
  const view = new TerminalView(options.write, options.style);
  const lessonFile = shownPath(dirs, lesson.file);
  const fixtureFile = shownPath(dirs, lesson.fixturePath);
  const result = await runSession({
    lesson,
    dirs,
    mode: options.mode,
    stopAfter: options.stopAfter,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    report: options.writeReport,
    allowEmpty: options.allowEmpty,
    say: (text) => view.say(text),
    onStart: ({ notebook, modeLine }) => {
      view.banner(notebook.title, {
        lessonFile,
        command: `npm run lesson ${lesson.number}`,
        mode: modeLine,
        fixtureFile,
        provenance: undefined,
      });
    },
    events: {
      onCellStart: (cell) => view.cellStart(cell),
      onOutput: (_cell, output) => view.output(output),
      onCellEnd: (r) => view.cellEnd(r.cell),
    },
  });
  const { run } = result;
  view.notRun(run);
  commitWrites(result.writes, result.secrets, lesson.id, dirs.root);
  const reportFile = result.reportPath && shownPath(dirs, result.reportPath);
  const keptReport = run.status === "error" && result.mode === "replay" ? shownPath(dirs, lesson.reportPath) : undefined;
  view.summary(run, { lesson: lesson.id, mode: options.mode, stopAfter: options.stopAfter, reportFile, keptReport });
  return run.status === "error" ? 1 : 0;
}

// One lesson in the terminal: the session runs it, the terminal view shows it as it goes,
// its files are written as one unit, and the summary line closes it.
import type { PaceName } from "../clock/pace.ts";
import { type CourseDirs, type Lesson, lessonCommand } from "../course/catalog.ts";
import type { ModeName } from "../modes/mode.ts";
import { shownPath } from "../modes/open.ts";
import { catalogs } from "../render/messages.ts";
import type { Style } from "../render/style.ts";
import { TerminalView } from "../render/terminal-view.ts";
import { commitWrites } from "../session/commit.ts";
import { usedSubstitutes } from "../session/report-file.ts";
import { runSession } from "../session/run-session.ts";
import type { KeySource } from "./keys.ts";
import { Stepper } from "./step.ts";

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
  /** Workshop mode: `--step` reads its keys here (absent: no pauses); `--pace`; `--lenient`. */
  readonly stepKeys?: KeySource | undefined;
  readonly pace?: PaceName;
  readonly lenient?: boolean;
}

export interface RunOneResult {
  readonly exitCode: number;
  /** `q` at a `--step` pause: the host ended the lesson (and, with --all, the lessons after it). */
  readonly quit: boolean;
}

export async function runOne(options: RunOneOptions): Promise<RunOneResult> {
  const { lesson, dirs } = options;
  const view = new TerminalView(options.write, options.style, catalogs[lesson.lang ?? "en"]);
  const stepper = options.stepKeys && new Stepper(view, options.stepKeys);
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
    workshop: { pace: options.pace, lenient: options.lenient, beforeCode: stepper?.beforeCode },
    allowEmpty: options.allowEmpty,
    say: (text) => view.say(text),
    onStart: ({ notebook, modeLine }) => {
      view.banner(notebook.title, {
        lessonFile,
        command: lessonCommand(lesson),
        mode: modeLine,
        fixtureFile,
        provenance: undefined,
      });
    },
    events: stepper?.events() ?? {
      onCellStart: (cell) => view.cellStart(cell),
      onOutput: (_cell, output) => view.output(output),
      onCellEnd: (r) => view.cellEnd(r.cell),
    },
  });
  const { run } = result;
  view.notRun(run);
  if (stepper?.quitBefore) {
    // Quitting writes nothing: no report, no fixture; what was committed stays as it was.
    view.quitSummary(run, lesson.id, stepper.quitBefore);
    return { exitCode: 0, quit: true };
  }
  commitWrites(result.writes, result.secrets, lesson.id, dirs.root);
  const reportFile = result.reportPath && shownPath(dirs, result.reportPath);
  const sideReport = result.mode === "replay" && (run.status === "error" || usedSubstitutes(run));
  const keptReport = sideReport ? shownPath(dirs, lesson.reportPath) : undefined;
  view.summary(run, { lesson: lesson.id, mode: options.mode, stopAfter: options.stopAfter, reportFile, keptReport });
  return { exitCode: run.status === "error" ? 1 : 0, quit: false };
}

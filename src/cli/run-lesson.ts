// Runs one lesson: parse, open the mode, execute cell by cell while printing, write the report.
import { readFileSync } from "node:fs";
import type { CourseDirs, Lesson } from "../course/catalog.ts";
import { UserError } from "../errors.ts";
import { writeFileAtomic } from "../fixtures/files.ts";
import { findSecret } from "../fixtures/redact.ts";
import { applyEnv, type ModeName, type PendingWrite } from "../modes/mode.ts";
import { describeMode, openMode, reportModeLine, shownPath } from "../modes/open.ts";
import { describeCell, type Notebook } from "../notebook/cells.ts";
import { executeNotebook, type NotebookRun } from "../notebook/execute.ts";
import { LessonFormatError, parseLesson } from "../notebook/parse.ts";
import { renderReport } from "../render/report.ts";
import type { Style } from "../render/style.ts";
import { cellStart, lessonBanner, notRunText, outputText } from "../render/terminal.ts";
import { oneLine, visibleControls } from "../text/visible.ts";

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

function summary(run: NotebookRun, options: RunLessonOptions, reportFile: string | undefined): string {
  const { style, lesson } = options;
  const report = reportFile ? `; report: ${reportFile}` : "";
  const failed = run.results.find((r) => r.status === "error");
  if (failed) {
    const error = failed.outputs.find((o) => o.type === "error");
    const reason = error?.type === "error" ? oneLine(`${error.error.name}: ${error.error.message}`) : "error";
    return style(["red", "bold"], `✗ Lesson ${lesson.id} failed in ${describeCell(failed.cell)}: ${reason}${report}`);
  }
  const ran = run.results.filter((r) => r.cell.kind === "code" && r.status === "ok").length;
  const stopped = run.status === "stopped" ? ` (stopped after cell ${options.stopAfter})` : "";
  return style(["green", "bold"], `✓ Lesson ${lesson.id}: ${ran} cells ran in ${options.mode} mode${stopped}${report}`);
}

/** Checks every file for secrets first, then writes each atomically: all or nothing is verified. */
export function commitWrites(writes: readonly PendingWrite[], secrets: readonly string[], lesson: Lesson): void {
  for (const { path, data } of writes) {
    const leak = typeof data === "string" ? findSecret(data, secrets) : undefined;
    if (leak) throw new UserError(`Refusing to write ${path} for lesson ${lesson.id}`, leak, "report this as a lessonbook bug; nothing was written");
  }
  for (const { path, data } of writes) writeFileAtomic(path, data);
}

/**
 * Wraps the terminal writer so framing (cell rules, event lines, errors) always starts on
 * a fresh line, even after streamed text that did not end with one.
 */
function lineAware(write: (text: string) => void): { text(text: string): void; line(text: string): void } {
  let atLineStart = true;
  const text = (chunk: string) => {
    if (chunk === "") return;
    write(chunk);
    atLineStart = chunk.endsWith("\n");
  };
  return { text, line: (chunk) => text(atLineStart || chunk === "" ? chunk : `\n${chunk}`) };
}

export async function runLesson(options: RunLessonOptions): Promise<number> {
  const { lesson, dirs, style } = options;
  const terminal = lineAware(options.write);
  const write = terminal.line;
  const { notebook, text } = readNotebook(lesson, dirs);
  const session = await openMode(options.mode, lesson, dirs, (text) => write(style("dim", visibleControls(text))));
  const fixtureFile = shownPath(dirs, lesson.fixturePath);
  const mode = describeMode(session, fixtureFile);
  write(lessonBanner(notebook.title, `${shownPath(dirs, lesson.file)} · ${mode}`, style));
  const restoreEnv = applyEnv(session.env);
  let run: NotebookRun;
  try {
    run = await executeNotebook(notebook, text, {
      file: lesson.file,
      root: dirs.root,
      stopAfter: options.stopAfter,
      hooks: {
        onCellStart: (cell) => write(cellStart(cell, style)),
        onOutput: (_cell, output) => (output.type === "stream" ? terminal.text : terminal.line)(outputText(output, style)),
        onCellEnd: (result) => write(result.cell.kind === "code" ? "\n" : ""),
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
  write(notRunText(run.results.filter((r) => r.status === "not-run").map((r) => r.cell), style));
  // Replay writes its report even when a cell failed (it shows the error); live and
  // record runs replace the committed report only with a complete, successful run.
  const writeReport = options.writeReport && run.status !== "stopped" && (session.name === "replay" || succeeded);
  if (writeReport) {
    const report = renderReport({ run, lessonFile: shownPath(dirs, lesson.file), command: `npm run lesson ${lesson.number}`, mode: reportModeLine(session, fixtureFile), fixtureFile: session.name === "live" ? undefined : fixtureFile, provenance: closed.provenance });
    writes.push({ path: lesson.reportPath, data: report });
  }
  commitWrites(writes, session.secrets, lesson);
  write(`${summary(run, options, writeReport ? shownPath(dirs, lesson.reportPath) : undefined)}\n`);
  return run.status === "error" ? 1 : 0;
}

// One lesson in the terminal: the session runs it, this file shows it as it goes, writes
// its files as one unit and prints the summary line.
import type { CourseDirs, Lesson } from "../course/catalog.ts";
import type { ModeName } from "../modes/mode.ts";
import { shownPath } from "../modes/open.ts";
import { describeCell } from "../notebook/cells.ts";
import type { NotebookRun } from "../notebook/execute.ts";
import type { Style } from "../render/style.ts";
import { cellStart, lessonBanner, notRunText, outputText } from "../render/terminal.ts";
import { commitWrites } from "../session/commit.ts";
import { runSession, type SessionResult } from "../session/run-session.ts";

export interface RunOneOptions {
  readonly lesson: Lesson;
  readonly dirs: CourseDirs;
  readonly mode: ModeName;
  readonly stopAfter: number | undefined;
  readonly timeoutMs: number | undefined;
  readonly writeReport: boolean;
  /** Where the terminal view goes (the real stdout, not the captured one). */
  readonly write: (text: string) => void;
  readonly style: Style;
  readonly signal: AbortSignal;
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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function summary(run: NotebookRun, options: RunOneOptions, result: SessionResult): string {
  const { style, lesson, dirs } = options;
  const report = result.reportPath && options.writeReport ? `; report: ${shownPath(dirs, result.reportPath)}` : "";
  const failed = run.results.find((r) => r.status === "error");
  if (failed) {
    const error = failed.outputs.find((o) => o.type === "error");
    const reason = error?.type === "error" ? `${error.error.name}: ${error.error.message}` : "error";
    const kept = result.mode === "replay" ? ` (${shownPath(dirs, lesson.reportPath)} is unchanged)` : "";
    return style(["red", "bold"], `✗ Lesson ${lesson.id} failed in ${describeCell(failed.cell)}: ${reason}${report}${kept}`);
  }
  const ran = run.results.filter((r) => r.cell.kind === "code" && r.status === "ok").length;
  const stopped = run.status === "stopped" ? ` (stopped after cell ${options.stopAfter})` : "";
  return style(["green", "bold"], `✓ Lesson ${lesson.id}: ${plural(ran, "cell", "cells")} ran in ${options.mode} mode${stopped}${report}`);
}

export async function runOne(options: RunOneOptions): Promise<number> {
  const { lesson, dirs, style } = options;
  const terminal = lineAware(options.write);
  const write = terminal.line;
  const result = await runSession({
    lesson, dirs, mode: options.mode, stopAfter: options.stopAfter, timeoutMs: options.timeoutMs, signal: options.signal,
    report: options.writeReport,
    say: (text) => write(style("dim", text)),
    onStart: ({ notebook, modeLine }) => write(lessonBanner(notebook.title, `${shownPath(dirs, lesson.file)} · ${modeLine}`, style)),
    events: {
      onCellStart: (cell) => write(cellStart(cell, style)),
      onOutput: (_cell, output) => (output.type === "stream" ? terminal.text : terminal.line)(outputText(output, style)),
      onCellEnd: (r) => write(r.cell.kind === "code" ? "\n" : ""),
    },
  });
  const { run } = result;
  write(notRunText(run.results.filter((r) => r.status === "not-run").map((r) => r.cell), style));
  commitWrites(result.writes, result.secrets, lesson.id, dirs.root);
  write(`${summary(run, options, result)}\n`);
  return run.status === "error" ? 1 : 0;
}

// Which report a run writes, and where. A fixture and its committed report are one unit:
// only a successful replay or recording replaces the committed report, and the report
// names the sha256 of the fixture it was rendered from, so a report that does not match
// its fixture (an interrupted write, a hand edit) is always detectable.
import { basename, dirname, join } from "node:path";
import type { CourseDirs, Lesson } from "../course/catalog.ts";
import type { ClosedSession, ModeName, PendingWrite } from "../modes/mode.ts";
import { shownPath } from "../modes/open.ts";
import type { NotebookRun } from "../notebook/execute.ts";
import { renderReport } from "../render/report.ts";

/** The fixture hash a report says it was rendered from, if it says one. */
export function reportedFixtureHash(report: string): string | undefined {
  return /\(lessonbook fixture format \d+, sha256 ([0-9a-f]{16})\)/.exec(report)?.[1];
}

/** Beside the committed report, ignored by git: what a failed replay or a live run produced. */
export const sideReportPath = (lesson: Lesson, kind: "failed" | "live"): string => lesson.reportPath.replace(/\.md$/, `.${kind}.md`);

function reportPath(lesson: Lesson, mode: ModeName, run: NotebookRun): string | undefined {
  if (run.status === "stopped") return undefined;
  if (mode === "live") return run.status === "ok" ? sideReportPath(lesson, "live") : undefined;
  if (run.status === "ok") return lesson.reportPath;
  return mode === "replay" ? sideReportPath(lesson, "failed") : undefined;
}

export interface ReportWriteInput {
  readonly run: NotebookRun;
  readonly lesson: Lesson;
  readonly dirs: CourseDirs;
  readonly mode: ModeName;
  /** The banner's mode line (live reports name the server). */
  readonly modeLine: string;
  readonly closed: ClosedSession;
}

/** Where a report's images go: a folder beside it with the report's name (reports/15-slug/). */
export const imagesDirOf = (reportFile: string): string => basename(reportFile, ".md");

/** The images the run's cells showed, as files in the report's images folder. */
function imageWrites(run: NotebookRun, reportFile: string): PendingWrite[] {
  const folder = join(dirname(reportFile), imagesDirOf(reportFile));
  return run.results.flatMap((result) =>
    result.outputs.flatMap((output) => (output.type === "image" ? [{ path: join(folder, output.name), data: output.data }] : [])),
  );
}

/** The report and its images; the caller writes them together with the fixture (commitWrites). */
export function reportWrite(input: ReportWriteInput): { report: PendingWrite; images: PendingWrite[] } | undefined {
  const { run, lesson, dirs, mode, closed } = input;
  const path = reportPath(lesson, mode, run);
  if (!path) return undefined;
  const fixtureFile = shownPath(dirs, lesson.fixturePath);
  // A recording's report is written exactly as replay will regenerate it from the new fixture.
  const data = renderReport({
    run,
    lessonFile: shownPath(dirs, lesson.file),
    command: `npm run lesson ${lesson.number}`,
    mode: mode === "live" ? input.modeLine : `replay, offline from ${fixtureFile}`,
    fixtureFile: mode === "live" ? undefined : fixtureFile,
    fixtureSha256: closed.fixtureSha256,
    provenance: closed.provenance,
    imagesDir: imagesDirOf(path),
  });
  return { report: { path, data }, images: imageWrites(run, path) };
}

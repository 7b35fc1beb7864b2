// `npm run lesson -- --check`: replays each lesson without writing anything and compares
// the report it would write with the committed one, byte for byte, in every language the
// course is written in (reports/ and reports/<lang>/) unless one language is asked for.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type CourseDirs, type Lesson, lessonCommand, lessonIn } from "../course/catalog.ts";
import { courseLangs, translationProblem } from "../i18n/localize.ts";
import type { Lang } from "../lang.ts";
import type { PendingWrite } from "../modes/mode.ts";
import { shownPath } from "../modes/open.ts";
import { en, type Messages } from "../render/messages.ts";
import { imagesDirOf, reportedFixtureHash } from "../session/report-file.ts";
import { runSession } from "../session/run-session.ts";

function readReport(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** The first image the replay shows whose committed file is missing or has other bytes. */
function staleImage(writes: readonly PendingWrite[], lesson: Lesson, dirs: CourseDirs, m: Messages): string | undefined {
  for (const { path, data } of writes) {
    if (typeof data === "string" || dirname(path) !== join(dirname(lesson.reportPath), imagesDirOf(lesson.reportPath))) continue;
    let committed: Uint8Array | undefined;
    try {
      committed = readFileSync(path);
    } catch {
      return m.checkImageMissing(shownPath(dirs, path));
    }
    if (Buffer.compare(Buffer.from(committed), Buffer.from(data)) !== 0) return m.checkImageDiffers(shownPath(dirs, path));
  }
  return undefined;
}

/** Why the committed report is not what replay produces, or undefined when it is. */
async function mismatch(lesson: Lesson, dirs: CourseDirs, m: Messages): Promise<string | undefined> {
  const untranslated = lesson.lang && translationProblem(lesson, dirs, lesson.lang);
  if (untranslated) return m.checkNoTranslation(`${untranslated.file}: ${untranslated.reason}`);
  const result = await runSession({ lesson, dirs, mode: "replay" });
  const expected = result.writes.find((w) => w.path === lesson.reportPath)?.data;
  const committed = readReport(lesson.reportPath);
  if (expected !== undefined && committed === expected) return staleImage(result.writes, lesson, dirs, m);
  if (expected === undefined) return m.checkFailsInReplay;
  if (committed === undefined) return m.checkReportMissing;
  return reportedFixtureHash(committed) !== result.fixtureSha256 ? m.checkOtherFixture : m.checkTextDiffers;
}

export interface CheckOptions {
  /** The languages to check (default: every language the course is written in). */
  readonly langs?: readonly Lang[] | undefined;
  /** The language of the lines written. */
  readonly messages?: Messages;
}

/** One line per lesson and language; returns the exit code (1 when any report does not match). */
export async function checkReports(
  lessons: readonly Lesson[],
  dirs: CourseDirs,
  write: (text: string) => void,
  options: CheckOptions = {},
): Promise<number> {
  const m = options.messages ?? en;
  let mismatches = 0;
  for (const lang of options.langs ?? courseLangs(dirs)) {
    for (const english of lessons) {
      const lesson = lessonIn(english, lang, dirs);
      const report = shownPath(dirs, lesson.reportPath);
      const why = await mismatch(lesson, dirs, m);
      if (why === undefined) write(`${m.checkMatches(report, shownPath(dirs, lesson.fixturePath))}\n`);
      else write(`${m.checkMismatch(report, why, lessonCommand(lesson))}\n`);
      if (why !== undefined) mismatches++;
    }
  }
  return mismatches ? 1 : 0;
}

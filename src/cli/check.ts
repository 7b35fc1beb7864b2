// `npm run lesson -- --check`: replays each lesson without writing anything and compares
// the report it would write with the committed one, byte for byte.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { CourseDirs, Lesson } from "../course/catalog.ts";
import type { PendingWrite } from "../modes/mode.ts";
import { shownPath } from "../modes/open.ts";
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
function staleImage(writes: readonly PendingWrite[], lesson: Lesson, dirs: CourseDirs): string | undefined {
  for (const { path, data } of writes) {
    if (typeof data === "string" || dirname(path) !== join(dirname(lesson.reportPath), imagesDirOf(lesson.reportPath))) continue;
    let committed: Uint8Array | undefined;
    try {
      committed = readFileSync(path);
    } catch {
      return `its image ${shownPath(dirs, path)} is missing`;
    }
    if (Buffer.compare(Buffer.from(committed), Buffer.from(data)) !== 0)
      return `its image ${shownPath(dirs, path)} differs from what the fixture produces`;
  }
  return undefined;
}

/** One line per lesson; returns the exit code (1 when any report does not match). */
export async function checkReports(lessons: readonly Lesson[], dirs: CourseDirs, write: (text: string) => void): Promise<number> {
  let mismatches = 0;
  for (const lesson of lessons) {
    const report = shownPath(dirs, lesson.reportPath);
    const result = await runSession({ lesson, dirs, mode: "replay" });
    const expected = result.writes.find((w) => w.path === lesson.reportPath)?.data;
    const committed = readReport(lesson.reportPath);
    const image = expected !== undefined && committed === expected ? staleImage(result.writes, lesson, dirs) : undefined;
    if (expected !== undefined && committed === expected && !image) {
      write(`✓ ${report} matches ${shownPath(dirs, lesson.fixturePath)}\n`);
      continue;
    }
    mismatches++;
    const why =
      expected === undefined
        ? "the lesson fails when replayed"
        : committed === undefined
          ? "the report is missing"
          : image
            ? image
            : reportedFixtureHash(committed) !== result.fixtureSha256
              ? "it was rendered from a different fixture (its fixture hash differs)"
              : "its text differs from what the fixture produces";
    write(`✗ ${report}: ${why}. Fix: npm run lesson ${lesson.number}\n`);
  }
  return mismatches ? 1 : 0;
}

// Chooses live, record or replay for one lesson run: the only place the mode is decided.
import { relative } from "node:path";
import type { CourseDirs, Lesson } from "../course/catalog.ts";
import { recordCommand } from "../course/catalog.ts";
import { loadFixture } from "../fixtures/load.ts";
import { startLive } from "./live.ts";
import type { ModeName, ModeSession } from "./mode.ts";
import { startReplay } from "./replay.ts";

export const shownPath = (dirs: CourseDirs, path: string): string => relative(dirs.root, path).split("\\").join("/");

export async function openMode(mode: ModeName, lesson: Lesson, dirs: CourseDirs, say: (text: string) => void = () => {}): Promise<ModeSession> {
  const command = recordCommand(lesson);
  if (mode === "replay") {
    const fixture = loadFixture(lesson.fixturePath, { shownPath: shownPath(dirs, lesson.fixturePath), recordCommand: command, lesson: lesson.id });
    return startReplay({ fixture, fixturePath: lesson.fixturePath, recordCommand: command, say });
  }
  return startLive(mode, lesson, dirs);
}

/** One line naming the mode and what it talks to, for the banner and the report footer. */
export function describeMode(session: ModeSession, fixtureFile: string): string {
  if (session.name === "replay") return `replay, offline from ${fixtureFile}`;
  const target = session.env["OPENAI_BASE_URL"];
  return session.name === "record" ? `record, live against ${target} into ${fixtureFile}` : `live against ${target}`;
}

/**
 * The mode a report names. A recorded report is written as replay will regenerate it from
 * the new fixture, so the committed report and fixture agree byte for byte.
 */
export function reportModeLine(session: ModeSession, fixtureFile: string): string {
  return session.name === "record" ? `replay, offline from ${fixtureFile}` : describeMode(session, fixtureFile);
}

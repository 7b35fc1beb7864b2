// Chooses live, record or replay for one lesson run: the only place the mode is decided.
import { relative } from "node:path";
import type { CourseDirs, Lesson } from "../course/catalog.ts";
import { recordCommand } from "../course/catalog.ts";
import { loadFixture } from "../fixtures/load.ts";
import type { Turnstile } from "../fixtures/ticket.ts";
import { maskUrlPassword } from "../fixtures/redact.ts";
import { loadSidecars } from "../fixtures/sidecar.ts";
import type { ModeName, ModeSession } from "./mode.ts";
import { startReplay } from "./replay.ts";

export const shownPath = (dirs: CourseDirs, path: string): string => relative(dirs.root, path).split("\\").join("/");

export interface OpenOptions {
  /** Writes to the terminal only (hints for a person typing recorded input, slow requests). */
  readonly say: (text: string) => void;
  /** Replay answers requests in the order the lesson issued them. */
  readonly turnstile: Turnstile;
  /** Record: write an empty recording even over a fixture that has exchanges. */
  readonly allowEmpty?: boolean;
}

export async function openMode(mode: ModeName, lesson: Lesson, dirs: CourseDirs, options: OpenOptions): Promise<ModeSession> {
  const command = recordCommand(lesson);
  if (mode === "replay") {
    const source = { shownPath: shownPath(dirs, lesson.fixturePath), recordCommand: command, lesson: lesson.id };
    const { fixture, sha256 } = loadFixture(lesson.fixturePath, source);
    const sidecars = loadSidecars(fixture, lesson.fixturePath, source);
    return startReplay({ fixture, fixtureSha256: sha256, sidecars, recordCommand: command, ...options });
  }
  // Live and record need the capture, SSE parser and .env reader; replay never loads them.
  const { startLive } = await import("./live.ts");
  return startLive(mode, lesson, dirs, { allowEmpty: options.allowEmpty });
}

/** One line naming the mode and what it talks to, for the banner and the report footer. */
export function describeMode(session: ModeSession, fixtureFile: string): string {
  if (session.name === "replay") return `replay, offline from ${fixtureFile}`;
  const target = maskUrlPassword(session.baseUrl ?? "");
  return session.name === "record" ? `record, live against ${target} into ${fixtureFile}` : `live against ${target}`;
}

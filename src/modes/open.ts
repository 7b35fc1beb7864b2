// Chooses live, record or replay for one lesson run: the only place the mode is decided.
import { relative } from "node:path";
import type { CourseDirs, Lesson } from "../course/catalog.ts";
import { lessonCommand, recordCommand } from "../course/catalog.ts";
import { loadFixture } from "../fixtures/load.ts";
import type { Turnstile } from "../fixtures/ticket.ts";
import { maskUrlPassword } from "../fixtures/redact.ts";
import { en, type Messages } from "../render/messages.ts";
import { loadSidecars } from "../fixtures/sidecar.ts";
import type { ModeName, ModeSession } from "./mode.ts";
import { type ReplayWorkshop, startReplay } from "./replay.ts";

export const shownPath = (dirs: CourseDirs, path: string): string => relative(dirs.root, path).split("\\").join("/");

export interface OpenOptions {
  /** Writes to the terminal only (hints for a person typing recorded input, slow requests). */
  readonly say: (text: string) => void;
  /** Replay answers requests in the order the lesson issued them. */
  readonly turnstile: Turnstile;
  /** The language of the hints (English by default). */
  readonly messages?: Messages;
  /** Replay only: `--pace` and `--lenient` (see replay.ts). */
  readonly workshop?: ReplayWorkshop;
  /** Record: write an empty recording even over a fixture that has exchanges. */
  readonly allowEmpty?: boolean;
}

export async function openMode(mode: ModeName, lesson: Lesson, dirs: CourseDirs, options: OpenOptions): Promise<ModeSession> {
  const command = recordCommand(lesson);
  if (mode === "replay") {
    const source = { shownPath: shownPath(dirs, lesson.fixturePath), recordCommand: command, lesson: lesson.id };
    const { fixture, sha256 } = loadFixture(lesson.fixturePath, source);
    const sidecars = loadSidecars(fixture, lesson.fixturePath, source);
    const workshop = { lenientCommand: lessonCommand(lesson, "--lenient"), ...options.workshop };
    return startReplay({ fixture, fixtureSha256: sha256, sidecars, recordCommand: command, ...options, workshop });
  }
  // Live and record need the capture, SSE parser and .env reader; replay never loads them.
  const { startLive } = await import("./live.ts");
  return startLive(mode, lesson, dirs, { allowEmpty: options.allowEmpty });
}

/** One line naming the mode and what it talks to, for the banner and the report footer. */
export function describeMode(session: ModeSession, fixtureFile: string, messages: Messages = en): string {
  if (session.name === "replay") return messages.modeReplay(fixtureFile);
  const target = maskUrlPassword(session.baseUrl ?? "");
  return session.name === "record" ? messages.modeRecord(target, fixtureFile) : messages.modeLive(target);
}

// Rebuilds the course's reconstructed fixtures: records every lesson through lessonbook's
// own record mode against the local simulator of its part's API family (Assistants v2 for
// part 1, Responses + Conversations for part 2), marks the fixtures as reconstructed, then
// regenerates the reports from them. Part 1 cannot be recorded live any more (the Assistants
// API was shut down on 2026-08-26); part 2 can, and a live recording replaces these.
// Each lesson gets a fresh simulator seeded with the lesson's id, whose clock starts at the
// lesson's first request: a lesson's ids and timestamps never depend on the lessons recorded
// before it, so reconstructing one lesson gives what reconstructing all of them gives.
//   npm run fixtures:reconstruct            all lessons
//   npm run fixtures:reconstruct -- 3 5     only these lessons
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ASSISTANTS_ANSWERS } from "../lessons/answers/assistants.ts";
import { RESPONSES_ANSWERS } from "../lessons/answers/responses.ts";
import { createAssistantsSim } from "../sim/assistants/simulator.ts";
import { startServer } from "../sim/core/server.ts";
import type { Simulator } from "../sim/core/types.ts";
import { createResponsesSim } from "../sim/responses/simulator.ts";
import { type Lesson, defaultDirs, listLessons } from "../src/course/catalog.ts";
import { writeFileAtomic } from "../src/fixtures/files.ts";
import { parseFixture } from "../src/fixtures/load.ts";
import { serializeFixture } from "../src/fixtures/serialize.ts";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
/** How each family's lessons are reconstructed: its simulator (seeded per lesson) and the note its fixtures carry. */
const FAMILIES: Readonly<Record<string, { simulator: (seed: string) => Simulator; note: string }>> = {
  assistants: {
    // A poll hint keeps the SDK's own polling helpers from waiting their default 5 s.
    simulator: (seed) => createAssistantsSim({ seed, answers: ASSISTANTS_ANSWERS, pollAfterMs: 100 }),
    note:
      "Reconstructed, not recorded live: OpenAI shut the Assistants API down on 2026-08-26. " +
      "These exchanges come from lessonbook's local Assistants v2 simulator (sim/assistants) with answers written for this course; " +
      "shapes, id formats and statuses follow the v2 API (official OpenAPI spec 2.3.0 and real outputs in the source tutorials).",
  },
  responses: {
    simulator: (seed) => createResponsesSim({ seed, answers: RESPONSES_ANSWERS }),
    note:
      "Reconstructed, not recorded live: these exchanges come from lessonbook's local Responses and Conversations simulator " +
      "(sim/responses) with answers written for this course; shapes and statuses follow the official OpenAPI spec 2.3.0 " +
      "and its examples. This lesson runs live today: npm run lesson N -- --record replaces them with a real recording.",
  },
};

function familyOf(lesson: Lesson) {
  const name = lesson.part?.family ?? "assistants";
  const family = FAMILIES[name];
  if (!family) throw new Error(`${lesson.id}: no simulator for the API family "${name}" (see FAMILIES)`);
  return family;
}

/** What the learner types at the `input()` prompts of interactive lessons, one line each. */
const TYPED: Readonly<Record<string, readonly string[]>> = {
  "12-chat-loop": ["What is 2 to the power of 10?", "And what is the square root of 1024?", "/q"],
  "28-chat-loop": ["What is 2 to the power of 10?", "And what is the square root of 1024?", "/q"],
};

// Asynchronous on purpose: the simulator runs in this process and must keep answering.
// Standard input always ends after the typed lines, so a lesson never waits on a prompt.
async function cli(args: string[], env: Record<string, string>, typed: readonly string[] = []): Promise<void> {
  const command = [join(ROOT, "src/cli/entry.ts"), ...args];
  const pending = promisify(execFile)(process.execPath, command, { cwd: ROOT, env: { ...process.env, NO_COLOR: "1", ...env } });
  pending.child.stdin?.end(typed.map((line) => `${line}\n`).join(""));
  await pending;
}

function markReconstructed(path: string, note: string): void {
  const fixture = parseFixture(readFileSync(path, "utf8"), {
    shownPath: path,
    recordCommand: "npm run fixtures:reconstruct",
    lesson: basename(path, ".json"),
  });
  const provenance = { ...fixture.provenance, source: "reconstructed" as const, baseUrl: "https://api.openai.com/v1", note };
  writeFileAtomic(path, serializeFixture({ ...fixture, provenance }));
}

async function record(lesson: Lesson): Promise<void> {
  const server = await startServer(familyOf(lesson).simulator(`lessonbook/${lesson.id}`));
  try {
    const env = { OPENAI_API_KEY: "reconstruction-needs-no-key", OPENAI_BASE_URL: server.baseUrl };
    await cli([String(lesson.number), "--record"], env, TYPED[lesson.id]);
  } finally {
    await server.close();
  }
}

const wanted = new Set(process.argv.slice(2).map(Number));
const lessons = listLessons(defaultDirs(ROOT)).filter((l) => wanted.size === 0 || wanted.has(l.number));
for (const lesson of lessons) {
  await record(lesson);
  markReconstructed(lesson.fixturePath, familyOf(lesson).note);
  await cli([String(lesson.number)], {});
  console.log(`reconstructed ${lesson.id}`);
}

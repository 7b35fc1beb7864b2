// Rebuilds the course's reconstructed fixtures: records every lesson through lessonbook's
// own record mode against the local simulator of its part's API family (Assistants v2 for
// part 1, Responses + Conversations for part 2), marks the fixtures as reconstructed, then
// regenerates the reports from them. Part 1 cannot be recorded live any more (the Assistants
// API was shut down on 2026-08-26); part 2 can, and a live recording replaces these. Each
// language is recorded from its own course (`--lang`); a translated lesson keeps its own fixture
// (fixtures/<lang>/) only where its requests differ from the English ones, and its report goes
// to reports/<lang>/.
// Each lesson gets a fresh simulator seeded with the lesson's id, whose clock starts at the
// lesson's first request: a lesson's ids and timestamps never depend on the lessons recorded
// before it, so reconstructing one lesson gives what reconstructing all of them gives.
//   npm run fixtures:reconstruct                 all lessons, every language
//   npm run fixtures:reconstruct -- 3 5          only these lessons
//   npm run fixtures:reconstruct -- 9 --lang ko  only one language
import { execFile } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ASSISTANTS_ANSWERS } from "../lessons/answers/assistants.ts";
import { RESPONSES_ANSWERS } from "../lessons/answers/responses.ts";
import { createAssistantsSim } from "../sim/assistants/simulator.ts";
import { startServer } from "../sim/core/server.ts";
import type { Simulator } from "../sim/core/types.ts";
import { createResponsesSim } from "../sim/responses/simulator.ts";
import { defaultDirs, type Lesson, lessonIn, listLessons } from "../src/course/catalog.ts";
import { writeFileAtomic } from "../src/fixtures/files.ts";
import type { Fixture } from "../src/fixtures/format.ts";
import { parseFixture } from "../src/fixtures/load.ts";
import { serializeFixture } from "../src/fixtures/serialize.ts";
import { translationProblem } from "../src/i18n/localize.ts";
import { isLang, type Lang, LANGS, SOURCE_LANG } from "../src/lang.ts";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const DIRS = defaultDirs(ROOT);
/** Short answers took real runs about a second: runs created together finish together, whoever polls them. */
const RUN_WORK_MS = 1000;

/** Between two streamed tokens: about 25 a second, a model's pace, readable in a room. */
const DELTA_DELAY_MS = 40;

/** How each family's lessons are reconstructed: its simulator (seeded per lesson) and the note its fixtures carry. */
const FAMILIES: Readonly<Record<string, { simulator: (seed: string) => Simulator; note: string }>> = {
  assistants: {
    // A poll hint keeps the SDK's own polling helpers from waiting their default 5 s.
    simulator: (seed) => createAssistantsSim({ seed, answers: ASSISTANTS_ANSWERS, pollAfterMs: 100, runWorkMs: RUN_WORK_MS }),
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

const CHAT = ["What is 2 to the power of 10?", "And what is the square root of 1024?", "/q"];
const KOREAN_CHAT = ["다이나믹 프로그래밍에 대해서 설명해줘", "설명해 주시겠어요?", "/q"];
/** What the learner types at the `input()` prompts of interactive lessons, one line each, per language. */
const TYPED: Readonly<Record<Lang, Readonly<Record<string, readonly string[]>>>> = {
  en: {
    "12-chat-loop": CHAT,
    "16-streaming-chat-loop": ["I need to solve the equation `3x + 11 = 14`. Can you help me?", "What is 2 to the power of 10?", "/q"],
    "28-chat-loop": CHAT,
  },
  // The first Korean tutorial's coding-tutor questions (see lessons/answers/assistants-ko.ts); lesson
  // 16 asks lesson 11's equation and lesson 10's power of two, as the Korean course words them.
  ko: {
    "12-chat-loop": KOREAN_CHAT,
    "16-streaming-chat-loop": ["방정식 `3x + 11 = 14`를 풀어야 하는데, 도와주실 수 있나요?", "2의 10제곱은 얼마인가요?", "/q"],
    "28-chat-loop": KOREAN_CHAT,
  },
};

// Asynchronous on purpose: the simulator runs in this process and must keep answering.
// Standard input always ends after the typed lines, so a lesson never waits on a prompt.
async function cli(args: string[], env: Record<string, string>, typed: readonly string[] = []): Promise<void> {
  const command = [join(ROOT, "src/cli/entry.ts"), ...args];
  const pending = promisify(execFile)(process.execPath, command, { cwd: ROOT, env: { ...process.env, NO_COLOR: "1", ...env } });
  pending.child.stdin?.end(typed.map((line) => `${line}\n`).join(""));
  await pending;
}

const readFixture = (path: string): Fixture =>
  parseFixture(readFileSync(path, "utf8"), {
    shownPath: path,
    recordCommand: "npm run fixtures:reconstruct",
    lesson: basename(path, ".json"),
  });

function markReconstructed(path: string, note: string): void {
  const fixture = readFixture(path);
  const provenance = { ...fixture.provenance, source: "reconstructed" as const, baseUrl: "https://api.openai.com/v1", note };
  writeFileAtomic(path, serializeFixture({ ...fixture, provenance }));
}

/** What a fixture asks and types: two fixtures with the same requests can serve each other's lesson. */
function requestsOf(fixture: Fixture): string {
  const { inputs, exchanges } = fixture;
  return JSON.stringify([
    inputs ?? [],
    exchanges.map(({ request: { method, path, query, body, text, form } }) => [method, path, query, body, text, form]),
  ]);
}

async function record(lesson: Lesson, lang: Lang): Promise<void> {
  // Streams arrive a token at a time, as from a real model: `--pace recorded` replays them so.
  const server = await startServer(familyOf(lesson).simulator(`lessonbook/${lesson.id}`), { deltaDelayMs: DELTA_DELAY_MS });
  try {
    const env = { OPENAI_API_KEY: "reconstruction-needs-no-key", OPENAI_BASE_URL: server.baseUrl };
    await cli([String(lesson.number), "--record", "--lang", lang], env, TYPED[lang][lesson.id]);
  } finally {
    await server.close();
  }
}

async function reconstruct(english: Lesson, lang: Lang): Promise<string> {
  const problem = translationProblem(english, DIRS, lang);
  if (problem) return `skipped ${english.id} in ${lang}: ${problem.file}: ${problem.reason}`;
  const recorded = lessonIn(english, lang, DIRS, true);
  await record(recorded, lang);
  markReconstructed(recorded.fixturePath, familyOf(english).note);
  const same =
    lang !== SOURCE_LANG &&
    existsSync(english.fixturePath) &&
    requestsOf(readFixture(recorded.fixturePath)) === requestsOf(readFixture(english.fixturePath));
  if (same) rmSync(recorded.fixturePath);
  await cli([String(english.number), "--lang", lang], {});
  return `reconstructed ${english.id} in ${lang}${same ? " (same requests as English: it replays fixtures/" + basename(english.fixturePath) + ")" : ""}`;
}

const args = process.argv.slice(2);
const langAt = args.indexOf("--lang");
const asked = langAt >= 0 ? args.splice(langAt, 2)[1] : undefined;
if (asked !== undefined && !isLang(asked)) throw new Error(`--lang ${asked}: expected one of ${LANGS.join(", ")}`);
const wanted = new Set(args.map(Number));
const lessons = listLessons(DIRS).filter((l) => wanted.size === 0 || wanted.has(l.number));
// English first: a translated lesson compares its requests with the English fixture.
for (const lang of asked ? [asked as Lang] : LANGS) {
  for (const lesson of lessons) console.log(await reconstruct(lesson, lang));
}

// Every word the site puts around the course's own text, one catalog per language, like
// src/render/messages.ts for the reports. A language is one more `SiteMessages` table (the
// Korean course adds `ko`); the interface makes a missing key a type error. Values are
// plain text: the pages escape them. `needs` is Markdown (authored, rendered like narrative).
import type { HtmlWords } from "../render/html.ts";

export interface SiteMessages extends HtmlWords {
  /** The language's own name, for the language switch. */
  readonly languageName: string;
  readonly skipToContent: string;
  readonly outline: string;
  readonly toOutline: string;
  readonly pages: string;
  readonly search: string;
  readonly searchPlaceholder: string;
  readonly searchNoResults: (query: string) => string;
  readonly lessonLabel: (number: number) => string;
  readonly previous: string;
  readonly next: string;
  readonly downloads: string;
  readonly downloadSource: string;
  readonly downloadFixture: string;
  readonly downloadNotebook: string;
  readonly whatYouNeed: string;
  readonly needs: readonly string[];
  readonly shutdown: (api: string, date: string) => string;
  readonly replayed: string;
  readonly provenanceLine: (source: "reconstructed" | "recorded", date: string, lessons: string) => string;
  readonly lessonRange: (numbers: readonly number[]) => string;
  readonly traffic: (count: number) => string;
  readonly notAttributed: string;
  readonly request: string;
  readonly response: string;
  readonly headers: string;
  readonly noBody: string;
  readonly fileBody: (size: number, contentType: string, sha256: string) => string;
  readonly streamedEvents: (count: number) => string;
  readonly conversation: string;
  /** Names a conversation by its thread or conversation id; "" is responses outside any conversation. */
  readonly thread: (id: string) => string;
  readonly runTimeline: string;
  /** Names a timeline: a run (Assistants) or a response (Responses), and how it was followed. */
  readonly run: (id: string, how: "polled" | "streamed", kind: "run" | "response") => string;
  readonly seenTimes: (count: number) => string;
  readonly replay: string;
  readonly pace: string;
  readonly paces: { readonly recorded: string; readonly double: string; readonly slow: string };
  readonly replayDone: string;
  readonly present: string;
  readonly presenterHelp: string;
  readonly language: string;
}

/** Ascending numbers as ranges: [1, 2, 3, 5] → "1–3, 5". */
export function numberRanges(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs.map(([a, b]) => (a === b ? `${a}` : b === a + 1 ? `${a}, ${b}` : `${a}–${b}`)).join(", ");
}

const plural = new Intl.PluralRules("en");
const count = (n: number, one: string, many: string) => `${n} ${plural.select(n) === "one" ? one : many}`;

export const en: SiteMessages = {
  runItYourself: "Run it yourself:",
  copy: "Copy",
  setupSummary: (n) => `Setup: ${count(n, "cell that recreates", "cells that recreate")} what earlier lessons made`,
  jsonFold: (what, lines) => `JSON${what ? `: ${what}` : ""} (${lines} lines)`,
  aboutRun: "About this run",
  languageName: "English",
  skipToContent: "Skip to the content",
  outline: "Course outline",
  toOutline: "Outline",
  pages: "Pages",
  search: "Search",
  searchPlaceholder: "Search the course",
  searchNoResults: (query) => `Nothing found for “${query}”.`,
  lessonLabel: (n) => `Lesson ${n}`,
  previous: "Previous",
  next: "Next",
  downloads: "Download:",
  downloadSource: "lesson (.ts)",
  downloadFixture: "fixture (.json)",
  downloadNotebook: "notebook (.ipynb)",
  whatYouNeed: "What you need",
  needs: [
    "Node.js 22 or newer, and this repository: `npm install` sets up the rest (it brings its own Node 24).",
    "No API key and no network: `npm run lesson 3` replays lesson 3 from its recorded HTTP fixture, offline.",
    "A key and a server only to record your own fixtures: see [the fixture format](docs/fixture-format.html).",
  ],
  shutdown: (api, date) => `The ${api} was shut down on ${date}: its endpoints no longer answer on api.openai.com.`,
  replayed: "Every output on this site is replayed offline from its lesson's recorded fixture, so it needs no key and no network.",
  provenanceLine: (source, date, lessons) =>
    source === "recorded"
      ? `${lessons}: recorded live on ${date}.`
      : `${lessons}: reconstructed on ${date} with a local simulator, not recorded live.`,
  lessonRange: (numbers) => `${numbers.length === 1 ? "Lesson" : "Lessons"} ${numberRanges(numbers)}`,
  traffic: (n) => `HTTP traffic: ${count(n, "request", "requests")}`,
  notAttributed: "Requests not attributed to a cell",
  request: "Request",
  response: "Response",
  headers: "Headers",
  noBody: "(no body)",
  fileBody: (size, contentType, sha256) => `A file of ${count(size, "byte", "bytes")} (${contentType}), sha256 ${sha256}`,
  streamedEvents: (n) => `${count(n, "server-sent event", "server-sent events")}`,
  conversation: "Conversation",
  thread: (id) => (id === "" ? "Responses" : id.startsWith("conv_") ? `Conversation ${id}` : `Thread ${id}`),
  runTimeline: "Run timeline",
  run: (id, how, kind) => `${kind === "run" ? "Run" : "Response"} ${id} (${how})`,
  seenTimes: (n) => `seen ${count(n, "time", "times")}`,
  replay: "Replay the stream",
  pace: "Pace",
  paces: { recorded: "as recorded", double: "2× faster", slow: "slowly, a piece of text every 40 ms" },
  replayDone: "Replay finished.",
  present: "Present",
  presenterHelp: "← and → move between cells, Esc leaves",
  language: "Language",
};

/** The site's catalogs by language tag; Korean is one more entry. */
export const siteCatalogs: Readonly<Record<string, SiteMessages>> = { en };

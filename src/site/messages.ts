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
  /** The part of lessons a course lists nowhere (no manifest: all of them). */
  readonly unlistedPart: (hasManifest: boolean) => string;
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
  /** When a timeline starts, counted from the start of the lesson ("+347 ms"). */
  readonly runStart: (at: string) => string;
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
  unlistedPart: (hasManifest) => (hasManifest ? "More lessons" : "Lessons"),
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
  runStart: (at) => `from ${at} into the lesson`,
  seenTimes: (n) => `seen ${count(n, "time", "times")}`,
  replay: "Replay the stream",
  pace: "Pace",
  paces: { recorded: "as recorded", double: "2× faster", slow: "slowly, a piece of text every 40 ms" },
  replayDone: "Replay finished.",
  present: "Present",
  presenterHelp: "← and → move between cells, Esc leaves",
  language: "Language",
};

/** Korean, with the API terms the Korean documentation and the seed tutorials use (런, 스레드, 폴링 …). */
export const ko: SiteMessages = {
  runItYourself: "직접 실행하기:",
  copy: "복사",
  setupSummary: (n) => `준비: 앞 강의에서 만든 것을 다시 만드는 셀 ${n}개`,
  jsonFold: (what, lines) => `JSON${what ? `: ${what}` : ""} (${lines}줄)`,
  aboutRun: "이 실행에 관하여",
  languageName: "한국어",
  skipToContent: "본문으로 건너뛰기",
  outline: "과정 목차",
  toOutline: "목차",
  pages: "문서",
  search: "검색",
  searchPlaceholder: "과정 검색",
  searchNoResults: (query) => `“${query}”에 대한 결과가 없습니다.`,
  lessonLabel: (n) => `${n}강`,
  unlistedPart: (hasManifest) => (hasManifest ? "그 밖의 강의" : "강의"),
  previous: "이전",
  next: "다음",
  downloads: "내려받기:",
  downloadSource: "강의 (.ts)",
  downloadFixture: "픽스처 (.json)",
  downloadNotebook: "노트북 (.ipynb)",
  whatYouNeed: "준비물",
  needs: [
    "Node.js 22 이상과 이 저장소. 나머지는 `npm install`이 설치합니다 (Node 24도 함께 설치됩니다).",
    "API 키도 네트워크도 필요 없습니다. `npm run lesson 3 -- --lang ko`는 3강을 녹화된 HTTP 픽스처로 오프라인에서 재생합니다.",
    "키와 서버는 픽스처를 직접 녹화할 때만 필요합니다. [픽스처 형식](docs/fixture-format.html)을 보세요 (영어).",
  ],
  shutdown: (api, date) => `${api}는 ${date}에 종료되어, 이제 api.openai.com에서 응답하지 않습니다.`,
  replayed: "이 사이트의 모든 출력은 강의마다 녹화된 픽스처를 오프라인에서 재생한 것이라, 키도 네트워크도 필요 없습니다.",
  provenanceLine: (source, date, lessons) =>
    source === "recorded"
      ? `${lessons}: ${date}에 실제 API에서 녹화했습니다.`
      : `${lessons}: ${date}에 로컬 시뮬레이터로 재구성했습니다 (실제 녹화가 아닙니다).`,
  lessonRange: (numbers) =>
    numberRanges(numbers)
      .split(", ")
      .map((range) => `${range}강`)
      .join(", "),
  traffic: (n) => `HTTP 트래픽: 요청 ${n}개`,
  notAttributed: "셀에 속하지 않은 요청",
  request: "요청",
  response: "응답",
  headers: "헤더",
  noBody: "(본문 없음)",
  fileBody: (size, contentType, sha256) => `${size}바이트 파일 (${contentType}), sha256 ${sha256}`,
  streamedEvents: (n) => `서버 전송 이벤트 ${n}개`,
  conversation: "대화",
  thread: (id) => (id === "" ? "Responses" : id.startsWith("conv_") ? `대화 ${id}` : `스레드 ${id}`),
  runTimeline: "런 타임라인",
  run: (id, how, kind) => `${kind === "run" ? "런" : "응답"} ${id} (${how === "polled" ? "폴링" : "스트리밍"})`,
  runStart: (at) => `강의 시작 후 ${at}부터`,
  seenTimes: (n) => `${n}번 확인`,
  replay: "스트림 다시 재생",
  pace: "속도",
  paces: { recorded: "녹화된 속도", double: "2배 빠르게", slow: "천천히, 40ms마다 한 조각씩" },
  replayDone: "재생이 끝났습니다.",
  present: "발표 모드",
  presenterHelp: "← →로 셀 사이를 이동하고, Esc로 나갑니다",
  language: "언어",
};

/** The site's catalogs by language tag (a language is built once lang.ts lists it). */
export const siteCatalogs: Readonly<Record<string, SiteMessages>> = { en, ko };

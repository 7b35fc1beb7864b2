// Every word lessonbook puts around a lesson's own text, in one catalog per language.
// A language is one more `Messages` table: the interface makes a missing or misspelt key
// a type error (and a test compares the tables' keys). Entries with a count or with values
// are functions, so each language words its own plurals and word order. Values reach these
// functions already escaped for the target format; the tables only arrange them.
import type { Lang } from "../lang.ts";

export type ModeWord = "replay" | "live" | "record";

export interface Messages {
  /** Summary line of the folded group of setup cells in a report. */
  readonly setupSummary: (count: number) => string;
  /** Marks a setup cell in the terminal's cell rule. */
  readonly setupTag: string;
  readonly standardError: string;
  readonly error: string;
  readonly serverSentEvents: string;
  readonly eventColumn: string;
  readonly countColumn: string;
  /** The terminal's line for an image a cell showed (the report shows the image itself). */
  readonly imageLine: (name: string, bytes: number) => string;
  /** Lead of the terminal's one-line event summary, e.g. "events:". */
  readonly eventsLine: string;
  readonly notRunAfterFailure: string;
  readonly notRunAfterStop: string;
  /** A cell after one whose code called `process.exit(0)`, which ended the lesson there. */
  readonly notRunAfterExit: string;
  /** Code cells that did not run, e.g. "Not run: cells 3–5."; numbers are ascending. */
  readonly notRunCells: (numbers: readonly number[]) => string;
  /** The report's first comment; `translation` names the translation file a translated report was made with. */
  readonly generatedBy: (lessonFile: string, command: string, translation?: string) => string;
  readonly mode: (mode: string) => string;
  /** The mode line of the banner and the report footer. */
  readonly modeReplay: (fixtureFile: string) => string;
  readonly modeRecord: (target: string, fixtureFile: string) => string;
  readonly modeLive: (target: string) => string;
  readonly fixture: (file: string, version: number, sha256: string | undefined) => string;
  readonly recordedLive: (date: string, baseUrl: string) => string;
  readonly reconstructed: (date: string, baseUrl: string) => string;
  readonly provenance: (how: string, models: readonly string[], sdk: string) => string;
  readonly note: (note: string) => string;
  /** Names a code cell in sentences: `cell 3 "Add the question"`. */
  readonly cell: (number: number, title: string | undefined) => string;
  readonly lessonFailed: (lesson: string, cell: string, reason: string) => string;
  readonly lessonRan: (lesson: string, count: number, mode: ModeWord) => string;
  readonly stoppedAfter: (number: number) => string;
  readonly reportAt: (path: string) => string;
  readonly reportKept: (path: string) => string;
  /** `npm run lesson` with no lesson: the outline's first line, and the heading of lessons no part lists. */
  readonly outlineHeading: string;
  readonly outlineUnlisted: (manifestFile: string) => string;
  readonly outlineNoManifest: string;
  /** Scripts in lessons/ not named NN-slug.ts: the heading, and the name to give one. */
  readonly outlineMisnamed: string;
  readonly outlineRename: (suggested: string) => string;
  /** A lesson's title without its "Lesson 3:" lead, for the outline. */
  readonly lessonTitleOnly: (title: string) => string;
  /** `--check`: one line per report. */
  readonly checkMatches: (report: string, fixture: string) => string;
  readonly checkMismatch: (report: string, why: string, command: string) => string;
  readonly checkFailsInReplay: string;
  readonly checkReportMissing: string;
  readonly checkOtherFixture: string;
  readonly checkTextDiffers: string;
  readonly checkNoTranslation: (reason: string) => string;
  readonly checkImageMissing: (image: string) => string;
  readonly checkImageDiffers: (image: string) => string;
  /** Replay at a terminal: the recorded line to type, and a line the recording cannot answer. */
  readonly recordedInputHint: (expected: string) => string;
  readonly notInRecording: (typed: string) => string;
  /** A live request still waiting; seconds already formatted. */
  readonly stillWaiting: (request: string, waited: string, limit: string | undefined) => string;
  /** The lesson runs in English because its translation cannot be used. */
  readonly translationFallback: (lesson: string, file: string, reason: string) => string;
  /** Workshop `--lenient`: the label of a recorded answer served for a request that has no recording. */
  readonly substituteLead: string;
  readonly substituteAnswered: (request: string, exchange: number) => string;
  readonly substituteDifference: (where: string, recorded: string, sent: string) => string;
  /** In the closing line: how many answers `--lenient` took from other requests. */
  readonly substitutesUsed: (count: number) => string;
  /** `--lenient` at an `input()` prompt of a replay typed at a terminal. */
  readonly lenientInputHint: (expected: string) => string;
  /** Workshop `--step`: the pause before a code cell, and what `n` does. */
  readonly stepPrompt: string;
  readonly stepQuiet: string;
  /** The closing line after `q` at a `--step` pause. */
  readonly lessonQuit: (lesson: string, cell: string, count: number) => string;
}

/** English plural by CLDR rule ("1 cell", "0 cells", "2 cells"). */
const englishPlural = new Intl.PluralRules("en");
const cells = (count: number) => `${count} ${englishPlural.select(count) === "one" ? "cell" : "cells"}`;
const range = (numbers: readonly number[]) => (numbers.length === 1 ? `${numbers[0]}` : `${numbers[0]}–${numbers.at(-1)}`);

export const en: Messages = {
  // "recreate" (not "recreates") is kept: committed reports say it, byte for byte.
  setupSummary: (count) => `Setup: ${cells(count)} that recreate what earlier lessons made`,
  setupTag: "(setup)",
  standardError: "Standard error:",
  error: "Error:",
  serverSentEvents: "Server-sent events:",
  eventColumn: "event",
  countColumn: "count",
  imageLine: (name, bytes) => `[image ${name}, ${bytes} bytes, saved with the report]`,
  eventsLine: "events:",
  notRunAfterFailure: "Not run: an earlier cell failed.",
  notRunAfterStop: "Not run: the run was stopped before this cell.",
  notRunAfterExit: "Not run: an earlier cell ended the lesson with process.exit(0).",
  notRunCells: (numbers) => `Not run: ${numbers.length === 1 ? "cell" : "cells"} ${range(numbers)}.`,
  generatedBy: (lessonFile, command) => `Generated by lessonbook from ${lessonFile}; do not edit. Regenerate with: ${command}`,
  mode: (mode) => `Mode: ${mode}`,
  modeReplay: (fixtureFile) => `replay, offline from ${fixtureFile}`,
  modeRecord: (target, fixtureFile) => `record, live against ${target} into ${fixtureFile}`,
  modeLive: (target) => `live against ${target}`,
  fixture: (file, version, sha256) => `Fixture: ${file} (lessonbook fixture format ${version}${sha256 ? `, sha256 ${sha256}` : ""})`,
  recordedLive: (date, baseUrl) => `recorded live on ${date} against ${baseUrl}`,
  reconstructed: (date, baseUrl) => `reconstructed on ${date} to match ${baseUrl}`,
  provenance: (how, models, sdk) => `Provenance: ${how}; models: ${models.join(", ") || "none"}; SDK: ${sdk}`,
  note: (note) => `Note: ${note}`,
  cell: (number, title) => `cell ${number}${title ? ` "${title}"` : ""}`,
  lessonFailed: (lesson, cell, reason) => `✗ Lesson ${lesson} failed in ${cell}: ${reason}`,
  lessonRan: (lesson, count, mode) => `✓ Lesson ${lesson}: ${cells(count)} ran in ${mode} mode`,
  stoppedAfter: (number) => ` (stopped after cell ${number})`,
  reportAt: (path) => `; report: ${path}`,
  reportKept: (path) => ` (${path} is unchanged)`,
  outlineHeading: 'Lessons (run one with "npm run lesson N"):',
  outlineUnlisted: (manifestFile) => `Not in ${manifestFile} yet (add them to a part there):`,
  outlineNoManifest: "Lessons:",
  outlineMisnamed: "Not run (lesson files are named NN-slug.ts):",
  outlineRename: (suggested) => `rename it to NN-slug.ts, e.g. ${suggested}`,
  lessonTitleOnly: (title) => title.replace(/^Lesson \d+:\s*/, ""),
  checkMatches: (report, fixture) => `✓ ${report} matches ${fixture}`,
  checkMismatch: (report, why, command) => `✗ ${report}: ${why}. Fix: ${command}`,
  checkFailsInReplay: "the lesson fails when replayed",
  checkReportMissing: "the report is missing",
  checkOtherFixture: "it was rendered from a different fixture (its fixture hash differs)",
  checkTextDiffers: "its text differs from what the fixture produces",
  checkNoTranslation: (reason) => `its translation cannot be used: ${reason}`,
  checkImageMissing: (image) => `its image ${image} is missing`,
  checkImageDiffers: (image) => `its image ${image} differs from what the fixture produces`,
  recordedInputHint: (expected) => `(recorded: "${expected}"; press Enter to use it)`,
  notInRecording: (typed) =>
    `"${typed}" is not in the recording, so replay cannot answer it. Type the recorded line, press Enter to use it, or run with --live.`,
  stillWaiting: (request, waited, limit) =>
    `… still waiting for ${request}: ${waited}${limit ? `; gives up after ${limit}` : ""} (Ctrl-C stops)`,
  translationFallback: (lesson, file, reason) =>
    `Lesson ${lesson} runs in English: ${file} cannot be used (${reason}). Fix: npm run i18n:status`,
  substituteLead: "recorded answer to a different question:",
  substituteAnswered: (request, exchange) =>
    `--lenient answered ${request} with exchange #${exchange} of the fixture, recorded for a request that differs in:`,
  substituteDifference: (where, recorded, sent) => `${where}: recorded ${recorded}, sent ${sent}`,
  substitutesUsed: (count) =>
    `; --lenient served ${count} recorded ${englishPlural.select(count) === "one" ? "answer" : "answers"} to a different question`,
  lenientInputHint: (expected) =>
    `(recorded: "${expected}"; press Enter to use it, or type your own: --lenient answers it with a recorded answer)`,
  stepPrompt: "▶ Enter: run this cell · n: narrative only · q: quit",
  stepQuiet: "(n: the code up to the next narrative runs without showing its code or output)",
  lessonQuit: (lesson, cell, count) => `■ Lesson ${lesson}: quit before ${cell}; ${cells(count)} ran; no report written`,
};

// Korean for developers: API terms as the Korean documentation and the source tutorials use
// them (어시스턴트, 스레드, 메시지, 런; see docs/ko/glossary.md), commands and paths as typed.
const MODE_KO: Readonly<Record<ModeWord, string>> = { replay: "재생", live: "라이브", record: "녹화" };

export const ko: Messages = {
  setupSummary: (count) => `준비: 앞 강의에서 만든 것을 다시 만드는 셀 ${count}개`,
  setupTag: "(준비)",
  standardError: "표준 오류:",
  error: "오류:",
  serverSentEvents: "서버 전송 이벤트(SSE):",
  eventColumn: "이벤트",
  countColumn: "횟수",
  eventsLine: "이벤트:",
  notRunAfterFailure: "실행 안 됨: 앞 셀이 실패했습니다.",
  notRunAfterStop: "실행 안 됨: 이 셀 전에 실행을 멈췄습니다.",
  notRunAfterExit: "실행 안 됨: 앞 셀이 process.exit(0)으로 강의를 끝냈습니다.",
  notRunCells: (numbers) => `실행 안 됨: 셀 ${range(numbers)}.`,
  generatedBy: (lessonFile, command, translation) =>
    `lessonbook이 ${lessonFile}${translation ? `와 번역 ${translation}` : ""}에서 생성한 파일입니다. 직접 고치지 마세요. 다시 만들기: ${command}`,
  mode: (mode) => `모드: ${mode}`,
  modeReplay: (fixtureFile) => `재생, 오프라인 (${fixtureFile})`,
  modeRecord: (target, fixtureFile) => `녹화, ${target}에 실제로 요청해 ${fixtureFile}에 저장`,
  modeLive: (target) => `라이브, ${target}에 실제로 요청`,
  fixture: (file, version, sha256) => `픽스처: ${file} (lessonbook 픽스처 형식 ${version}${sha256 ? `, sha256 ${sha256}` : ""})`,
  recordedLive: (date, baseUrl) => `${date}에 ${baseUrl}에서 실제로 녹화`,
  reconstructed: (date, baseUrl) => `${date}에 ${baseUrl}의 응답에 맞춰 재구성`,
  provenance: (how, models, sdk) => `출처: ${how}; 모델: ${models.join(", ") || "없음"}; SDK: ${sdk}`,
  note: (note) => `참고: ${note}`,
  cell: (number, title) => `셀 ${number}${title ? ` "${title}"` : ""}`,
  lessonFailed: (lesson, cell, reason) => `✗ ${lesson} 강의가 ${cell}에서 실패했습니다: ${reason}`,
  lessonRan: (lesson, count, mode) => `✓ ${lesson} 강의: 셀 ${count}개를 ${MODE_KO[mode]} 모드로 실행했습니다`,
  stoppedAfter: (number) => ` (셀 ${number} 다음에서 멈춤)`,
  reportAt: (path) => `; 보고서: ${path}`,
  reportKept: (path) => ` (${path} 파일은 그대로입니다)`,
  outlineHeading: '강의 목록 (하나를 실행하려면 "npm run lesson N"):',
  outlineUnlisted: (manifestFile) => `아직 ${manifestFile}에 없는 강의 (그 파일의 한 파트에 추가하세요):`,
  outlineNoManifest: "강의:",
  outlineMisnamed: "실행하지 않는 파일 (강의 파일 이름은 NN-slug.ts 형식입니다):",
  outlineRename: (suggested) => `NN-slug.ts 형식으로 이름을 바꾸세요. 예: ${suggested}`,
  lessonTitleOnly: (title) => title.replace(/^\d+강:\s*/, ""),
  checkMatches: (report, fixture) => `✓ ${report}: ${fixture}에서 다시 만든 내용과 같습니다`,
  checkMismatch: (report, why, command) => `✗ ${report}: ${why}. 해결: ${command}`,
  checkFailsInReplay: "재생하면 강의가 실패합니다",
  checkReportMissing: "보고서가 없습니다",
  checkOtherFixture: "다른 픽스처로 만든 보고서입니다 (픽스처 해시가 다릅니다)",
  checkTextDiffers: "픽스처로 만든 내용과 글이 다릅니다",
  checkNoTranslation: (reason) => `번역을 쓸 수 없습니다: ${reason}`,
  imageLine: (name, bytes) => `[이미지 ${name}, ${bytes}바이트, 보고서와 함께 저장됨]`,
  checkImageMissing: (image) => `이미지 ${image}이(가) 없습니다`,
  checkImageDiffers: (image) => `이미지 ${image}이(가) 픽스처로 만든 것과 다릅니다`,
  recordedInputHint: (expected) => `(녹화된 입력: "${expected}"; Enter를 누르면 이 줄을 씁니다)`,
  notInRecording: (typed) =>
    `녹화에 없는 입력이라 재생으로는 답할 수 없습니다: "${typed}". 녹화된 줄을 입력하거나, Enter로 그 줄을 쓰거나, --live로 실행하세요.`,
  stillWaiting: (request, waited, limit) =>
    `… ${request}의 응답을 기다리는 중: ${waited}${limit ? `; ${limit} 뒤에 포기합니다` : ""} (Ctrl-C로 멈춤)`,
  translationFallback: (lesson, file, reason) =>
    `${lesson} 강의는 영어로 실행합니다: ${file}을 쓸 수 없습니다 (${reason}). 해결: npm run i18n:status`,
  substituteLead: "다른 질문에 녹화된 답:",
  substituteAnswered: (request, exchange) =>
    `--lenient: ${request} 요청에 픽스처의 교환 #${exchange}로 답했습니다. 그 교환이 녹화된 요청과 다른 곳:`,
  substituteDifference: (where, recorded, sent) => `${where}: 녹화 ${recorded}, 보낸 값 ${sent}`,
  substitutesUsed: (count) => `; --lenient가 다른 질문에 녹화된 답 ${count}개를 썼습니다`,
  lenientInputHint: (expected) =>
    `(녹화된 입력: "${expected}"; Enter를 누르면 이 줄을 씁니다. 직접 입력하면 --lenient가 녹화된 답으로 답합니다)`,
  stepPrompt: "▶ Enter: 이 셀 실행 · n: 설명만 보기 · q: 끝내기",
  stepQuiet: "(n: 다음 설명까지의 코드는 코드와 출력을 보이지 않고 실행합니다)",
  lessonQuit: (lesson, cell, count) => `■ ${lesson} 강의: ${cell} 전에 끝냈습니다. 셀 ${count}개 실행, 보고서는 쓰지 않았습니다`,
};

/** The catalogs by language; the type makes a language without a catalog an error. */
export const catalogs: Readonly<Record<Lang, Messages>> = { en, ko };

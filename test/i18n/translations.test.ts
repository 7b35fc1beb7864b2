// Translations know what they translate: every cell of every lesson (and every manifest entry)
// has an entry in each language, recorded against the sha256 of the English it translates.
// A missing entry, or one whose English changed since, fails here by name.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultDirs, listLessons, loadCourse } from "../../src/course/catalog.ts";
import { exportDraft, importDraft } from "../../src/i18n/draft.ts";
import { courseStatus, lessonTranslation, translateLesson } from "../../src/i18n/localize.ts";
import { sourceHash, type TranslationStore } from "../../src/i18n/store.ts";
import { lessonUnits, storeStatus } from "../../src/i18n/units.ts";
import { LANGS, SOURCE_LANG } from "../../src/lang.ts";
import { parseLesson } from "../../src/notebook/parse.ts";
import { ROOT } from "../support/paths.ts";

const dirs = defaultDirs(ROOT);
const translated = LANGS.filter((lang) => lang !== SOURCE_LANG);
const clean = { missing: [], stale: [], orphaned: [], broken: [] };

describe.each(translated)("the %s course", (lang) => {
  it.each(listLessons(dirs).map((l) => [l.id, l] as const))("translates every cell of %s, against its current English", (_id, lesson) => {
    const notebook = parseLesson(lesson.file, readFileSync(lesson.file, "utf8"));
    expect(lessonTranslation(notebook, lesson.id, dirs, lang).status).toEqual(clean);
  });

  it("translates the course's title, parts and lesson descriptions", () => {
    expect(courseStatus(loadCourse(dirs).manifest!, dirs, lang).status).toEqual(clean);
  });
});

const LESSON = [
  '// %% [markdown] id="intro"',
  "// # Lesson 90: Hello",
  "// Say hello.",
  "",
  '// %% Greet id="greet"',
  'console.log("hello");',
  "const x = 1;",
  "",
  '// %% [markdown] id="outro"',
  "// Bye.",
  "",
].join("\n");
const notebook = parseLesson("lessons/90-hello.ts", LESSON);
const hashOf = (id: string) => lessonUnits(notebook).find((u) => u.key === id)!.hash;
const store = (entries: [string, object][]): TranslationStore => ({
  lang: "ko",
  subject: "90-hello",
  entries: new Map(entries.map(([key, entry]) => [key, { source: hashOf(key), ...entry }])),
});
const complete = store([
  ["intro", { markdown: "# 90강: 안녕\n인사합니다." }],
  ["greet", { title: "인사하기", code: 'console.log("안녕");\nconst x = 1;' }],
  ["outro", { markdown: "안녕히." }],
]);

describe("a translation's status", () => {
  it("hashes every English text a unit translates", () => {
    expect(hashOf("greet")).toBe(sourceHash(["Greet", 'console.log("hello");\nconst x = 1;']));
    expect(storeStatus(lessonUnits(notebook), complete)).toEqual(clean);
  });

  it("names the entry whose English changed since it was translated", () => {
    const edited = parseLesson("lessons/90-hello.ts", LESSON.replace("// Bye.", "// Goodbye."));
    expect(storeStatus(lessonUnits(edited), complete)).toEqual({ ...clean, stale: ["outro"] });
  });

  it("names missing cells, a code cell without its title, and entries the English no longer has", () => {
    const partial = store([
      ["intro", { markdown: "# 90강: 안녕" }],
      ["greet", { code: 'console.log("안녕");\nconst x = 1;' }],
    ]);
    (partial.entries as Map<string, object>).set("gone", { source: "0".repeat(64), markdown: "사라진 셀" });
    expect(storeStatus(lessonUnits(notebook), partial)).toMatchObject({ missing: ["greet", "outro"], orphaned: ["gone"] });
    expect(storeStatus(lessonUnits(notebook), undefined).missing).toEqual(["intro", "greet", "outro"]);
  });

  it("refuses translated code of another length, which would move the lesson's line numbers", () => {
    const longer = store([...complete.entries].map(([k, e]) => [k, k === "greet" ? { ...e, code: "// 인사\n" + e.code } : e]));
    expect(storeStatus(lessonUnits(notebook), longer).broken).toEqual([
      {
        key: "greet",
        reason: "its code has 3 lines and the English 2; keep the line count, so line numbers in errors point at the lesson file",
      },
    ]);
  });
});

describe("a translated lesson", () => {
  const translation = {
    file: { path: "", shown: "lessons/ko/90-hello.json" },
    store: complete,
    status: storeStatus(lessonUnits(notebook), complete),
  };

  it("takes its narrative, titles and code from the translation, and runs the code on the English lines", () => {
    const { notebook: ko, text } = translateLesson(notebook, LESSON, translation, "ko");
    expect(ko.title).toBe("90강: 안녕");
    expect(ko.cells.map((c) => [c.id, c.title, c.source])).toEqual([
      ["intro", undefined, "# 90강: 안녕\n인사합니다."],
      ["greet", "인사하기", 'console.log("안녕");\nconst x = 1;'],
      ["outro", undefined, "안녕히."],
    ]);
    expect(text.split("\n")).toEqual(LESSON.replace('console.log("hello");', 'console.log("안녕");').split("\n"));
    expect(ko.cells.map((c) => c.markerLine)).toEqual(notebook.cells.map((c) => c.markerLine));
  });

  it("is refused when its translation is out of date, never patched with English", () => {
    const stale = { ...translation, status: { ...clean, stale: ["outro"] } };
    expect(() => translateLesson(notebook, LESSON, stale, "ko")).toThrow(
      'No usable ko translation in lessons/ko/90-hello.json: 1 stale (outro). Fix: run "npm run i18n:status", or run the lesson with --lang en',
    );
  });
});

describe("a translation draft", () => {
  it("comes back as the same store", () => {
    const draft = exportDraft(notebook, complete);
    expect(draft).toBe(
      [
        '// %% [markdown] id="intro"',
        "// # 90강: 안녕",
        "// 인사합니다.",
        "",
        '// %% 인사하기 id="greet"',
        'console.log("안녕");',
        "const x = 1;",
        "",
        '// %% [markdown] id="outro"',
        "// 안녕히.",
        "",
      ].join("\n"),
    );
    expect(importDraft(notebook, draft, "draft", complete, { lang: "ko", subject: "90-hello" }).store).toEqual(complete);
  });

  it("marks what is missing or stale, skips cells still marked, and keeps a stale hash unless the text was edited", () => {
    const staleOutro = store(
      [...complete.entries].filter(([k]) => k !== "greet").map(([k, e]) => [k, k === "outro" ? { ...e, source: "old" } : e]),
    );
    const draft = exportDraft(notebook, staleOutro);
    expect(draft).toContain('// %% Greet id="greet" todo="missing"\nconsole.log("hello");');
    expect(draft).toContain('// %% [markdown] id="outro" todo="stale"\n// 안녕히.');
    const edited = draft.replace('// %% [markdown] id="outro" todo="stale"\n// 안녕히.', '// %% [markdown] id="outro"\n// 잘 가요.');
    const result = importDraft(notebook, edited, "draft", staleOutro, { lang: "ko", subject: "90-hello" });
    expect(result.todo).toEqual(["greet"]);
    expect([...result.store.entries.keys()]).toEqual(["intro", "outro"]);
    expect(result.store.entries.get("outro")).toEqual({ source: hashOf("outro"), markdown: "잘 가요." });
    const untouched = importDraft(notebook, draft.replace('todo="stale"', ""), "draft", staleOutro, { lang: "ko", subject: "90-hello" });
    expect(untouched.store.entries.get("outro")?.source).toBe("old");
  });
});

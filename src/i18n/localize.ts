// A lesson and the course manifest in another language: the English lesson with each cell's
// narrative, title and (where translated) code replaced by its translation. Translated code
// keeps the English line count and is put on the same lines of the lesson's text, so the
// lesson runs from its own file's line numbers in every language.
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { CourseDirs, Lesson } from "../course/catalog.ts";
import type { CourseManifest } from "../course/manifest.ts";
import { UserError } from "../errors.ts";
import type { Cell, Notebook } from "../notebook/cells.ts";
import { type Lang, LANGS, SOURCE_LANG } from "../lang.ts";
import { LessonFormatError, parseLesson } from "../notebook/parse.ts";
import { readStore, type TranslationStore } from "./store.ts";
import { courseUnits, isComplete, lessonUnits, type StoreStatus, storeStatus } from "./units.ts";

export const COURSE_SUBJECT = "course";

export interface StoreFile {
  readonly path: string;
  /** Relative to the course root, for messages. */
  readonly shown: string;
}

export function storeFile(dirs: CourseDirs, lang: Lang, subject: string): StoreFile {
  const path = join(dirs.lessons, lang, `${subject}.json`);
  return { path, shown: relative(dirs.root, path).split("\\").join("/") };
}

/** The languages a course is written in: English, and each language it has a folder of translations for (lessons/<lang>/). */
export const courseLangs = (dirs: CourseDirs): Lang[] =>
  LANGS.filter((lang) => lang === SOURCE_LANG || existsSync(join(dirs.lessons, lang)));

export interface LessonTranslation {
  readonly file: StoreFile;
  readonly store: TranslationStore | undefined;
  readonly status: StoreStatus;
}

export function lessonTranslation(notebook: Notebook, lessonId: string, dirs: CourseDirs, lang: Lang): LessonTranslation {
  const file = storeFile(dirs, lang, lessonId);
  const store = readStore(file.path, file.shown);
  return { file, store, status: storeStatus(lessonUnits(notebook), store) };
}

/** "3 missing (intro, …), 1 stale (…)": what keeps a store from being used. */
export function statusSummary(status: StoreStatus): string {
  const part = (label: string, keys: readonly string[]) => (keys.length ? [`${keys.length} ${label} (${keys.join(", ")})`] : []);
  const broken = status.broken.map((b) => b.key);
  return [
    ...part("missing", status.missing),
    ...part("stale", status.stale),
    ...part("orphaned", status.orphaned),
    ...part("broken", broken),
  ].join(", ");
}

function translateCell(cell: Cell, store: TranslationStore): Cell {
  const entry = store.entries.get(cell.id);
  if (!entry) return cell;
  if (cell.kind === "markdown") return { ...cell, source: entry.markdown ?? cell.source };
  return { ...cell, title: entry.title ?? cell.title, source: entry.code ?? cell.source };
}

/** Puts translated code on the lines of the English code (the same count; see units.ts). */
function translatedText(notebook: Notebook, text: string, cells: readonly Cell[]): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  for (const [i, cell] of cells.entries()) {
    const english = notebook.cells[i]!;
    if (cell.kind !== "code" || cell.source === english.source) continue;
    const start = english.markerLine + english.layout.before.length;
    lines.splice(start, english.source.split("\n").length, ...cell.source.split("\n"));
  }
  return lines.join("\n");
}

/** The lesson in `lang`; a translation that is incomplete or out of date is refused, never patched with English. */
export function translateLesson(notebook: Notebook, text: string, translation: LessonTranslation, lang: Lang) {
  const { store, status, file } = translation;
  if (!store || !isComplete(status)) {
    const reason = store ? statusSummary(status) : "the file does not exist";
    throw new UserError(
      `No usable ${lang} translation in ${file.shown}`,
      reason,
      `run "npm run i18n:status", or run the lesson with --lang en`,
    );
  }
  const cells = notebook.cells.map((cell) => translateCell(cell, store));
  const heading = cells[0]?.kind === "markdown" ? /^#\s+(.+)$/m.exec(cells[0].source) : null;
  const translated: Notebook = { ...notebook, cells, title: heading ? heading[1]!.trim() : notebook.title };
  return { notebook: translated, text: translatedText(notebook, text, cells) };
}

/** The manifest's titles and descriptions in `lang`; an entry without a translation stays English (the status test names it). */
export function translateManifest(manifest: CourseManifest, dirs: CourseDirs, lang: Lang): CourseManifest {
  const file = storeFile(dirs, lang, COURSE_SUBJECT);
  const entries = readStore(file.path, file.shown)?.entries;
  if (!entries) return manifest;
  return {
    title: entries.get("course")?.title ?? manifest.title,
    parts: manifest.parts.map((part) => ({
      ...part,
      title: entries.get(`part/${part.id}`)?.title ?? part.title,
      description: entries.get(`part/${part.id}`)?.description ?? part.description,
      lessons: part.lessons.map((l) => ({ ...l, description: entries.get(`lesson/${l.id}`)?.description ?? l.description })),
    })),
  };
}

export function courseStatus(manifest: CourseManifest, dirs: CourseDirs, lang: Lang): { file: StoreFile; status: StoreStatus } {
  const file = storeFile(dirs, lang, COURSE_SUBJECT);
  return { file, status: storeStatus(courseUnits(manifest), readStore(file.path, file.shown)) };
}

function parsedEnglish(lesson: Lesson): Notebook | undefined {
  try {
    return parseLesson(lesson.file, readFileSync(lesson.file, "utf8"));
  } catch (error) {
    if (error instanceof LessonFormatError) return undefined;
    throw error;
  }
}

/**
 * Why `lesson` cannot run in `lang` (its translation is missing, incomplete or out of date),
 * or undefined when it can. A lesson that does not parse is left to the run to report.
 */
export function translationProblem(lesson: Lesson, dirs: CourseDirs, lang: Lang): { file: string; reason: string } | undefined {
  if (lang === SOURCE_LANG) return undefined;
  const notebook = parsedEnglish(lesson);
  if (!notebook) return undefined;
  const { store, status, file } = lessonTranslation(notebook, lesson.id, dirs, lang);
  if (store && isComplete(status)) return undefined;
  return { file: file.shown, reason: store ? statusSummary(status) : "the file does not exist" };
}

/** The lesson's title in `lang` (its first cell's heading), or the English title when there is none. */
export function lessonTitleIn(lesson: Lesson, dirs: CourseDirs, lang: Lang): string {
  const notebook = parsedEnglish(lesson);
  if (!notebook) return lesson.id;
  if (lang === SOURCE_LANG) return notebook.title;
  const file = storeFile(dirs, lang, lesson.id);
  const first = readStore(file.path, file.shown)?.entries.get(notebook.cells[0]!.id)?.markdown;
  const heading = first ? /^#\s+(.+)$/m.exec(first) : null;
  return heading ? heading[1]!.trim() : notebook.title;
}

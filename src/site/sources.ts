// The course's files read as they are, without running anything: the docs pages, and the
// code the build will highlight. Light on purpose: the highlighting worker imports it to
// find its work while the main thread is still loading the session's modules.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { marked } from "marked";
import { type CourseDirs, type Lesson, loadCourse } from "../course/catalog.ts";
import { lessonTranslation, translateLesson } from "../i18n/localize.ts";
import { type Lang, SOURCE_LANG } from "../lang.ts";
import type { Notebook } from "../notebook/cells.ts";
import { parseLesson } from "../notebook/parse.ts";
import type { DocPage } from "./pages/doc.ts";

/** The `*.md` pages of a docs folder, by name; none when it does not exist. */
export function readDocs(folder: string): DocPage[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => ({ name: name.slice(0, -3), markdown: readFileSync(join(folder, name), "utf8") }));
}

/**
 * A language's docs pages: its own folder's, then those only a later folder has (the
 * English ones not translated yet), marked as being in `fallbackLang`; sorted by name.
 */
export function readDocsIn(folders: readonly string[], fallbackLang: string): DocPage[] {
  const pages = new Map<string, DocPage>();
  for (const [i, folder] of folders.entries())
    for (const page of readDocs(folder)) if (!pages.has(page.name)) pages.set(page.name, i === 0 ? page : { ...page, lang: fallbackLang });
  return [...pages.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The code blocks of Markdown pages, with the language their fence names. */
function markdownCode(markdown: string): [string, string][] {
  const found: [string, string][] = [];
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if (token.type === "code") found.push([token.text, (token.lang ?? "").split(/\s/)[0] ?? ""]);
  });
  return found;
}

/** The lesson's notebook in `lang`, or undefined if it does not read there (its replay reports why). */
function notebookIn(english: Notebook, text: string, lesson: Lesson, dirs: CourseDirs, lang: Lang): Notebook | undefined {
  if (lang === SOURCE_LANG) return english;
  try {
    return translateLesson(english, text, lessonTranslation(english, lesson.id, dirs, lang), lang).notebook;
  } catch {
    return undefined;
  }
}

/** Code cells and narrative code blocks of a lesson in each language; one that does not parse is left to its replay to report. */
function lessonJobs(lesson: Lesson, dirs: CourseDirs, langs: readonly Lang[]): [string, string][] {
  let english: Notebook;
  const text = readFileSync(lesson.file, "utf8");
  try {
    english = parseLesson(lesson.file, text);
  } catch {
    return [];
  }
  const cells = langs.flatMap((lang) => notebookIn(english, text, lesson, dirs, lang)?.cells ?? []);
  return cells.flatMap((c): [string, string][] => (c.kind === "code" ? [[c.source, "ts"]] : markdownCode(c.source)));
}

/**
 * The code the build will highlight that is known before the lessons run: the lessons' code
 * cells and the code blocks of their narrative and of the docs (see highlightAhead). JSON
 * (outputs, traffic) stays on the main thread: its grammar is small, and the two threads
 * then take about as long as each other.
 */
export function codeJobs(dirs: CourseDirs, docsDirs: readonly string[], langs: readonly Lang[] = [SOURCE_LANG]): [string, string][] {
  const docs = docsDirs.flatMap(readDocs).flatMap((doc) => markdownCode(doc.markdown));
  const jobs = [...loadCourse(dirs).lessons.flatMap((lesson) => lessonJobs(lesson, dirs, langs)), ...docs];
  // The same code in two languages is highlighted once.
  return [...new Map(jobs.map((job) => [`${job[1]}\u0000${job[0]}`, job])).values()];
}

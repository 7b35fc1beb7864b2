// The course's files read as they are, without running anything: the docs pages, and the
// code the build will highlight. Light on purpose: the highlighting worker imports it to
// find its work while the main thread is still loading the session's modules.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { marked } from "marked";
import { type CourseDirs, type Lesson, loadCourse } from "../course/catalog.ts";
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

/** The code blocks of Markdown pages, with the language their fence names. */
function markdownCode(markdown: string): [string, string][] {
  const found: [string, string][] = [];
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if (token.type === "code") found.push([token.text, (token.lang ?? "").split(/\s/)[0] ?? ""]);
  });
  return found;
}

/** Code cells and narrative code blocks of a lesson; one that does not parse is left to its replay to report. */
function lessonJobs(lesson: Lesson): [string, string][] {
  try {
    const cells = parseLesson(lesson.file, readFileSync(lesson.file, "utf8")).cells;
    return cells.flatMap((c): [string, string][] => (c.kind === "code" ? [[c.source, "ts"]] : markdownCode(c.source)));
  } catch {
    return [];
  }
}

/**
 * The code the build will highlight that is known before the lessons run: the lessons' code
 * cells and the code blocks of their narrative and of the docs (see highlightAhead). JSON
 * (outputs, traffic) stays on the main thread: its grammar is small, and the two threads
 * then take about as long as each other.
 */
export function codeJobs(dirs: CourseDirs, docsDirs: readonly string[]): [string, string][] {
  const docs = docsDirs.flatMap(readDocs).flatMap((doc) => markdownCode(doc.markdown));
  return [...loadCourse(dirs).lessons.flatMap(lessonJobs), ...docs];
}

// What the site is made of, read from the course: every lesson the catalog lists, replayed
// through the same session API the CLI uses (replay: offline, nothing written), with its
// fixture and source, and the docs pages; plus the code to highlight ahead of the build.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { marked } from "marked";
import { type CourseDirs, type Lesson, lessonTitle, loadCourse, recordCommand } from "../course/catalog.ts";
import { ASSISTANTS_SHUTDOWN_DATE } from "../families/assistants.ts";
import { loadFixture } from "../fixtures/load.ts";
import { shownPath } from "../modes/open.ts";
import { parseLesson } from "../notebook/parse.ts";
import { runSession } from "../session/run-session.ts";
import type { SiteLanguage } from "./lang.ts";
import type { DocPage } from "./pages/doc.ts";
import type { SiteData, SiteLesson, SitePart } from "./site.ts";

/** APIs that were shut down, by family: the index page's banner says so. */
const SHUTDOWNS = new Map<string, { api: string; date: string }>([
  ["assistants", { api: "Assistants API", date: ASSISTANTS_SHUTDOWN_DATE }],
]);

async function siteLesson(lesson: Lesson, dirs: CourseDirs, language: SiteLanguage, signal?: AbortSignal): Promise<SiteLesson> {
  // Always replay, whatever the language adds: the site never touches the network.
  const result = await runSession({ ...language.session, lesson, dirs, mode: "replay", report: false, signal });
  const fixturePath = language.fixturePath(lesson);
  const fixtureFile = shownPath(dirs, fixturePath);
  const source = { shownPath: fixtureFile, recordCommand: recordCommand(lesson), lesson: lesson.id };
  const { fixture } = loadFixture(fixturePath, source);
  return {
    id: lesson.id,
    number: lesson.number,
    title: result.run.notebook.title || lessonTitle(lesson),
    description: lesson.description,
    run: result.run,
    info: {
      lessonFile: shownPath(dirs, lesson.file),
      command: language.command(lesson),
      mode: `replay, offline from ${fixtureFile}`,
      fixtureFile,
      fixtureSha256: result.fixtureSha256,
      provenance: result.provenance,
    },
    fixture,
    fixtureText: readFileSync(fixturePath, "utf8"),
    source: readFileSync(lesson.file, "utf8"),
  };
}

function readDocs(folder: string): DocPage[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => ({ name: name.slice(0, -3), markdown: readFileSync(join(folder, name), "utf8") }));
}

export async function siteData(dirs: CourseDirs, language: SiteLanguage, signal?: AbortSignal): Promise<SiteData> {
  const course = loadCourse(dirs);
  const parts: SitePart[] = [];
  for (const part of course.manifest?.parts ?? []) {
    const lessons: SiteLesson[] = [];
    for (const lesson of course.lessons.filter((l) => l.part === part)) lessons.push(await siteLesson(lesson, dirs, language, signal));
    parts.push({ title: part.title, description: part.description, shutdown: SHUTDOWNS.get(part.family), lessons });
  }
  if (course.unlisted.length) {
    const lessons: SiteLesson[] = [];
    for (const lesson of course.unlisted) lessons.push(await siteLesson(lesson, dirs, language, signal));
    parts.push({ title: course.manifest ? "More lessons" : "Lessons", description: undefined, shutdown: undefined, lessons });
  }
  return { title: course.manifest?.title ?? "lessonbook", parts, docs: readDocs(language.docsDir(dirs.root)) };
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
export function codeJobs(dirs: CourseDirs, languages: readonly SiteLanguage[]): [string, string][] {
  const docs = languages.flatMap((l) => readDocs(l.docsDir(dirs.root))).flatMap((doc) => markdownCode(doc.markdown));
  return [...loadCourse(dirs).lessons.flatMap(lessonJobs), ...docs];
}

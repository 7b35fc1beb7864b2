// What the site is made of, read from the course: every lesson the catalog lists, replayed
// through the same session API the CLI uses (replay: offline, nothing written), with its
// fixture and source, and the docs pages.
import { readFileSync } from "node:fs";
import { type CourseDirs, type Lesson, lessonTitle, loadCourse, recordCommand } from "../course/catalog.ts";
import { ASSISTANTS_SHUTDOWN_DATE } from "../families/assistants.ts";
import { loadFixture } from "../fixtures/load.ts";
import { shownPath } from "../modes/open.ts";
import { runSession } from "../session/run-session.ts";
import type { SiteLanguage } from "./lang.ts";
import type { SiteData, SiteLesson, SitePart } from "./site.ts";
import { readDocs } from "./sources.ts";

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
    parts.push({ title: language.words.unlistedPart(course.manifest !== undefined), description: undefined, shutdown: undefined, lessons });
  }
  return { title: course.manifest?.title ?? "lessonbook", parts, docs: readDocs(language.docsDir(dirs.root)) };
}

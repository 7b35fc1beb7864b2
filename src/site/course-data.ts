// What the site is made of, read from the course in one language: every lesson the catalog
// lists, run as `npm run lesson N [-- --lang L]` runs it, through the same session API
// (replay: offline, nothing written), with its fixture and source, the manifest's titles
// and descriptions in that language, and the docs pages.
import { readFileSync } from "node:fs";
import { type CourseDirs, type Lesson, lessonCommand, lessonTitle, loadCourse, recordCommand } from "../course/catalog.ts";
import { ASSISTANTS_SHUTDOWN_DATE } from "../families/assistants.ts";
import { loadFixture } from "../fixtures/load.ts";
import { SOURCE_LANG } from "../lang.ts";
import { shownPath } from "../modes/open.ts";
import { runSession } from "../session/run-session.ts";
import type { SiteLanguage } from "./lang.ts";
import type { SiteData, SiteLesson, SitePart } from "./site.ts";
import { readDocsIn } from "./sources.ts";

/** APIs that were shut down, by family: the index page's banner says so. */
const SHUTDOWNS = new Map<string, { api: string; date: string }>([
  ["assistants", { api: "Assistants API", date: ASSISTANTS_SHUTDOWN_DATE }],
]);

async function siteLesson(
  english: Lesson,
  description: string | undefined,
  dirs: CourseDirs,
  language: SiteLanguage,
  signal?: AbortSignal,
): Promise<SiteLesson> {
  const { lesson, fallback } = language.localize(english, dirs);
  let mode = "";
  // Always replay, whatever the language: the site never touches the network.
  const result = await runSession({
    lesson,
    dirs,
    mode: "replay",
    report: false,
    signal,
    onStart: (start) => {
      mode = start.modeLine;
    },
  });
  const fixtureFile = shownPath(dirs, lesson.fixturePath);
  const source = { shownPath: fixtureFile, recordCommand: recordCommand(lesson), lesson: lesson.id };
  const { fixture } = loadFixture(lesson.fixturePath, source);
  return {
    id: lesson.id,
    number: lesson.number,
    title: result.run.notebook.title || lessonTitle(lesson),
    description,
    run: result.run,
    info: {
      lessonFile: shownPath(dirs, lesson.file),
      command: lessonCommand(lesson),
      mode,
      fixtureFile,
      fixtureSha256: result.fixtureSha256,
      provenance: result.provenance,
    },
    fixture,
    fixtureText: readFileSync(lesson.fixturePath, "utf8"),
    source: readFileSync(lesson.file, "utf8"),
    fallback: fallback === undefined ? undefined : { lang: SOURCE_LANG, note: fallback },
  };
}

export async function siteData(dirs: CourseDirs, language: SiteLanguage, signal?: AbortSignal): Promise<SiteData> {
  const course = loadCourse(dirs);
  const manifest = course.manifest && language.translate(course.manifest, dirs);
  const described = new Map(manifest?.parts.flatMap((p) => p.lessons.map((l) => [l.id, l.description] as const)));
  const run = async (lessons: readonly Lesson[]) => {
    const done: SiteLesson[] = [];
    for (const lesson of lessons) done.push(await siteLesson(lesson, described.get(lesson.id), dirs, language, signal));
    return done;
  };
  const parts: SitePart[] = [];
  for (const part of manifest?.parts ?? []) {
    const lessons = await run(course.lessons.filter((l) => l.part?.id === part.id));
    parts.push({ title: part.title, description: part.description, shutdown: SHUTDOWNS.get(part.family), lessons });
  }
  if (course.unlisted.length) {
    const title = language.words.unlistedPart(course.manifest !== undefined);
    parts.push({ title, description: undefined, shutdown: undefined, lessons: await run(course.unlisted) });
  }
  const docs = readDocsIn(language.docsDirs(dirs.root), SOURCE_LANG);
  return { title: manifest?.title ?? "lessonbook", parts, docs };
}

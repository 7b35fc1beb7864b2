// The site's pure core: the course's data in (every lesson's run and fixture, the docs),
// every file of one language's site out, as text. Nothing here reads, writes or runs
// anything, so the whole site can be built and checked in memory.
import type { Fixture } from "../fixtures/format.ts";
import type { NotebookRun } from "../notebook/execute.ts";
import type { Lang } from "../lang.ts";
import { catalogs, type Messages } from "../render/messages.ts";
import type { RunInfo } from "../render/walk.ts";
import type { Highlight } from "./highlight.ts";
import { notebookJson } from "./ipynb.ts";
import { layout, type Outline, type PageContext, type SiteLanguageLink } from "./layout.ts";
import { createMarkdown, slug } from "./markdown.ts";
import type { SiteMessages } from "./messages.ts";
import { siteHref, type SiteNames } from "./links.ts";
import { type DocPage, docMain, docTitle } from "./pages/doc.ts";
import { indexMain } from "./pages/index.ts";
import { lessonMain, type NeighbourLink } from "./pages/lesson.ts";
import { docSearchDocs, lessonSearchDocs, type SearchDoc } from "./search.ts";
import { trafficByCell } from "./traffic.ts";

export interface SiteLesson {
  /** `03-add-message`. */
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly description: string | undefined;
  readonly run: NotebookRun;
  readonly info: RunInfo;
  readonly fixture: Fixture | undefined;
  /** The fixture's bytes as text, offered for download as they are. */
  readonly fixtureText: string | undefined;
  /** The lesson file's text, offered for download. */
  readonly source: string;
  /** Set when the lesson is shown in another language than the site's (its translation cannot be used), and why. */
  readonly fallback?: { readonly lang: Lang; readonly note: string } | undefined;
}

export interface SitePart {
  readonly title: string;
  readonly description: string | undefined;
  readonly shutdown: { readonly api: string; readonly date: string } | undefined;
  readonly lessons: readonly SiteLesson[];
}

export interface SiteData {
  readonly title: string;
  readonly parts: readonly SitePart[];
  readonly docs: readonly DocPage[];
}

export interface SiteTools {
  readonly highlight: Highlight;
  readonly words: SiteMessages;
  readonly messages: Messages;
  readonly lang: string;
  /** From this language's root to the site root: "" for the root language, "../" below it. */
  readonly langToSite: string;
  readonly languages: readonly SiteLanguageLink[];
}

/** A file of the site, its path relative to the language's root. */
export interface SiteFile {
  readonly path: string;
  /** Text, or the bytes of an image a lesson showed. */
  readonly data: string | Uint8Array;
}

/** The images a run showed, beside its page (lessons/15-code-interpreter-files/quiz-averages.png). */
function imageFiles(lesson: SiteLesson): SiteFile[] {
  return lesson.run.results.flatMap((result) =>
    result.outputs.flatMap((output) =>
      output.type === "image" ? [{ path: `lessons/${lesson.id}/${output.name}`, data: output.data }] : [],
    ),
  );
}

const lessonPath = (id: string) => `lessons/${id}.html`;
const docPath = (name: string) => `docs/${name}.html`;
/** "Lesson 3: Add a message" (or "3강: …") → "Add a message", where the number is shown beside it anyway. */
const shortTitle = (lesson: SiteLesson, tools: SiteTools): string => reportWords(lesson, tools).lessonTitleOnly(lesson.title);
/** The report catalog of the language the lesson ran in. */
const reportWords = (lesson: SiteLesson, tools: SiteTools): Messages => (lesson.fallback ? catalogs[lesson.fallback.lang] : tools.messages);

function outlineOf(data: SiteData, tools: SiteTools): Outline {
  return {
    parts: data.parts.map((p) => ({
      title: p.title,
      lessons: p.lessons.map((l) => ({ number: l.number, title: shortTitle(l, tools), path: lessonPath(l.id) })),
    })),
    docs: data.docs.map((d) => ({ title: docTitle(d), path: docPath(d.name) })),
  };
}

const namesOf = (data: SiteData): SiteNames => ({
  docs: new Set(data.docs.map((d) => d.name)),
  lessons: new Set(data.parts.flatMap((p) => p.lessons.map((l) => l.id))),
});

function lessonFiles(data: SiteData, tools: SiteTools, ctx: PageContext): SiteFile[] {
  const lessons = data.parts.flatMap((p) => p.lessons);
  const names = namesOf(data);
  const markdown = createMarkdown({ highlight: tools.highlight, rewriteHref: (href) => siteHref(href, "lessons", names) });
  const link = (l: (typeof lessons)[number] | undefined): NeighbourLink | undefined =>
    l && { href: `${l.id}.html`, title: `${tools.words.lessonLabel(l.number)}: ${shortTitle(l, tools)}` };
  return lessons.flatMap((lesson, i) => {
    const pageTools = { words: tools.words, messages: reportWords(lesson, tools), highlight: tools.highlight, markdown };
    const main = lessonMain(lesson, pageTools, { previous: link(lessons[i - 1]), next: link(lessons[i + 1]) });
    const files = [
      {
        path: lessonPath(lesson.id),
        data: layout({ path: lessonPath(lesson.id), title: lesson.title, main, bodyClass: "lesson-page" }, ctx),
      },
      { path: `downloads/${lesson.id}.ts`, data: lesson.source },
      { path: `downloads/${lesson.id}.ipynb`, data: notebookJson(lesson.run, { lesson: lesson.id, command: lesson.info.command }) },
    ];
    if (lesson.fixtureText !== undefined) files.push({ path: `downloads/${lesson.id}.json`, data: lesson.fixtureText });
    return [...files, ...imageFiles(lesson)];
  });
}

function docFiles(data: SiteData, tools: SiteTools, ctx: PageContext): SiteFile[] {
  const names = namesOf(data);
  const markdown = createMarkdown({ highlight: tools.highlight, headingIds: true, rewriteHref: (href) => siteHref(href, "docs", names) });
  return data.docs.map((doc) => {
    const path = docPath(doc.name);
    return { path, data: layout({ path, title: docTitle(doc), main: docMain(doc, markdown), bodyClass: "doc-page" }, ctx) };
  });
}

/** What the search index holds: every cell of every lesson, every section of every docs page. */
export function siteSearchDocs(data: SiteData): SearchDoc[] {
  const lessonDocs = data.parts.flatMap((p) =>
    p.lessons.flatMap((l) => lessonSearchDocs({ url: lessonPath(l.id), title: l.title }, l.run, trafficByCell(l.fixture))),
  );
  const docDocs = data.docs.flatMap((d) => docSearchDocs({ url: docPath(d.name), title: docTitle(d) }, d.markdown, slug));
  return [...lessonDocs, ...docDocs];
}

/**
 * Every file of one language's site; `searchIndex` is its search-index.js (searchIndexScript
 * of siteSearchDocs), which needs no highlighting, so the build makes it earlier.
 */
export function renderSite(data: SiteData, tools: SiteTools, searchIndex: string): SiteFile[] {
  const ctx: PageContext = {
    words: tools.words,
    lang: tools.lang,
    siteTitle: data.title,
    langToSite: tools.langToSite,
    languages: tools.languages,
    outline: outlineOf(data, tools),
  };
  const index = {
    title: data.title,
    parts: data.parts.map((p) => ({
      ...p,
      lessons: p.lessons.map((l) => ({ ...l, title: shortTitle(l, tools), path: lessonPath(l.id), provenance: l.info.provenance })),
    })),
    docs: data.docs.map((d) => ({ title: docTitle(d), path: docPath(d.name) })),
  };
  const main = indexMain(index, tools.words, createMarkdown({ highlight: tools.highlight }));
  return [
    { path: "index.html", data: layout({ path: "index.html", title: data.title, main, bodyClass: "index-page" }, ctx) },
    ...lessonFiles(data, tools, ctx),
    ...docFiles(data, tools, ctx),
    { path: "search-index.js", data: searchIndex },
  ];
}

// `npm run docs`: the I/O edge of the site. It replays every lesson the catalog lists
// through the same session API the CLI uses (replay: offline, nothing written), reads the
// fixtures, lesson files and docs, hands all of it to the pure core (site.ts), and writes
// what comes back into site/ (site/<lang>/ for languages other than English).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CourseDirs, type Lesson, lessonTitle, loadCourse, recordCommand } from "../course/catalog.ts";
import { UserError } from "../errors.ts";
import { ASSISTANTS_SHUTDOWN_DATE } from "../families/assistants.ts";
import { loadFixture } from "../fixtures/load.ts";
import { findSecret } from "../fixtures/redact.ts";
import { shownPath } from "../modes/open.ts";
import { parseLesson } from "../notebook/parse.ts";
import { runSession } from "../session/run-session.ts";
import { type Highlight, highlightAhead } from "./highlight.ts";
import type { SiteLanguageLink } from "./layout.ts";
import type { SiteLanguage } from "./lang.ts";
import type { DocPage } from "./pages/doc.ts";
import { renderSite, type SiteData, type SiteFile, type SiteLesson, type SitePart } from "./site.ts";

/** A folder holding this file is one the builder made, and may be emptied by the next build. */
const MARKER = ".lessonbook-site";
const ASSETS = join(dirname(fileURLToPath(import.meta.url)), "assets");

/** APIs that were shut down, by family: the index page's banner says so. */
const SHUTDOWNS: Readonly<Record<string, { api: string; date: string }>> = {
  assistants: { api: "Assistants API", date: ASSISTANTS_SHUTDOWN_DATE },
};

export interface BuildOptions {
  readonly dirs: CourseDirs;
  /** The site's root folder (site/). */
  readonly out: string;
  readonly languages: readonly SiteLanguage[];
  /** Every language the switch links to (default: the ones built). */
  readonly linked?: readonly SiteLanguage[];
  /** Aborting fails the running lesson (a cell that can never finish). */
  readonly signal?: AbortSignal;
}

export interface BuildStats {
  readonly lessons: number;
  readonly files: number;
  readonly bytes: number;
  readonly largest: { readonly path: string; readonly bytes: number };
}

async function siteLesson(lesson: Lesson, dirs: CourseDirs, language: SiteLanguage, signal?: AbortSignal): Promise<SiteLesson> {
  const result = await runSession({ lesson, dirs, mode: "replay", report: false, signal, ...language.session });
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

async function siteData(dirs: CourseDirs, language: SiteLanguage, signal?: AbortSignal): Promise<SiteData> {
  const course = loadCourse(dirs);
  const parts: SitePart[] = [];
  for (const part of course.manifest?.parts ?? []) {
    const lessons: SiteLesson[] = [];
    for (const lesson of course.lessons.filter((l) => l.part === part)) lessons.push(await siteLesson(lesson, dirs, language, signal));
    parts.push({ title: part.title, description: part.description, shutdown: SHUTDOWNS[part.family], lessons });
  }
  if (course.unlisted.length) {
    const lessons: SiteLesson[] = [];
    for (const lesson of course.unlisted) lessons.push(await siteLesson(lesson, dirs, language, signal));
    parts.push({ title: course.manifest ? "More lessons" : "Lessons", description: undefined, shutdown: undefined, lessons });
  }
  return { title: course.manifest?.title ?? "lessonbook", parts, docs: readDocs(language.docsDir(dirs.root)) };
}

/**
 * Makes `out` ready: refuses a folder the builder did not make; a full build empties it
 * first (no page of a removed lesson stays behind), a one-language build overwrites.
 */
function prepareOut(out: string, empty: boolean): void {
  if (existsSync(out) && readdirSync(out).length && !existsSync(join(out, MARKER))) {
    const reason = "the folder exists and was not made by npm run docs";
    throw new UserError(`Refusing to build the site into ${out}`, reason, "choose an empty folder with --out, or remove it");
  }
  if (empty) rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, MARKER), "Built by lessonbook (npm run docs); the next build empties this folder.\n");
}

/** Writes files below `root`; pages made from recordings are checked for key-shaped text first. */
function writeFiles(root: string, files: readonly SiteFile[], checkSecrets: boolean): void {
  for (const file of files) {
    const leak = checkSecrets ? findSecret(file.data, []) : undefined;
    if (leak)
      throw new UserError(`Refusing to write the site page ${file.path}`, leak, "check the fixtures; report this as a lessonbook bug");
    const path = join(root, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.data);
  }
}

/** The site's own stylesheet and script, and MiniSearch's browser build (a classic script: file:// refuses modules). */
function assetFiles(): SiteFile[] {
  const require = createRequire(import.meta.url);
  const minisearch = require.resolve("minisearch").replace(/dist[\\/]cjs[\\/]index\.cjs$/, join("dist", "umd", "index.js"));
  return [
    { path: "assets/site.css", data: readFileSync(join(ASSETS, "site.css"), "utf8") },
    { path: "assets/site.js", data: readFileSync(join(ASSETS, "site.js"), "utf8") },
    { path: "assets/minisearch.js", data: readFileSync(minisearch, "utf8") },
  ];
}

const link = (l: SiteLanguage): SiteLanguageLink => ({ lang: l.lang, name: l.words.languageName, dir: l.dir });

/** Every code cell of the course, to highlight ahead; a lesson that does not parse is left to its replay to report. */
function codeJobs(dirs: CourseDirs): [string, string][] {
  return loadCourse(dirs).lessons.flatMap((lesson) => {
    try {
      const cells = parseLesson(lesson.file, readFileSync(lesson.file, "utf8")).cells;
      return cells.filter((c) => c.kind === "code").map((c): [string, string] => [c.source, "ts"]);
    } catch {
      return [];
    }
  });
}

export async function buildSite(options: BuildOptions, highlight?: Highlight): Promise<BuildStats> {
  // The lessons' code is highlighted in a worker while the lessons replay here.
  const ahead = highlight ? Promise.resolve(highlight) : highlightAhead(codeJobs(options.dirs));
  ahead.catch(() => {});
  prepareOut(options.out, options.linked === undefined || options.linked.length === options.languages.length);
  const written: SiteFile[] = assetFiles();
  writeFiles(options.out, written, false);
  let lessons = 0;
  for (const language of options.languages) {
    const data = await siteData(options.dirs, language, options.signal);
    const hl = await ahead;
    lessons += data.parts.reduce((n, p) => n + p.lessons.length, 0);
    const tools = { highlight: hl, words: language.words, messages: language.messages, lang: language.lang };
    const languages = (options.linked ?? options.languages).map(link);
    const files = renderSite(data, { ...tools, langToSite: language.dir ? "../" : "", languages });
    writeFiles(join(options.out, language.dir), files, true);
    written.push(...files.map((f) => ({ path: join(language.dir, f.path), data: f.data })));
  }
  const sizes = written.map((f) => ({ path: f.path, bytes: Buffer.byteLength(f.data) }));
  const pages = sizes.filter((s) => s.path.endsWith(".html"));
  const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a), { path: "", bytes: 0 });
  return { lessons, files: sizes.length, bytes: sizes.reduce((n, s) => n + s.bytes, 0), largest };
}

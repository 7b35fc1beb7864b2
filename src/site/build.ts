// `npm run docs`: the I/O edge of the site. It reads the course (course-data.ts replays every
// lesson), hands it to the pure core (site.ts), and writes what comes back into site/
// (site/<lang>/ for languages other than English), with the stylesheet and scripts.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CourseDirs } from "../course/catalog.ts";
import { UserError } from "../errors.ts";
import { findSecret } from "../fixtures/redact.ts";
import { siteData } from "./course-data.ts";
import { type Highlight, highlightAhead } from "./highlight.ts";
import type { SiteLanguageLink } from "./layout.ts";
import { aheadRequest, type SiteLanguage } from "./lang.ts";
import { searchIndexScript } from "./search.ts";
import { renderSite, type SiteData, type SiteFile, siteSearchDocs } from "./site.ts";

/** A folder holding this file is one the builder made, and may be emptied by the next build. */
const MARKER = ".lessonbook-site";
const ASSETS = join(dirname(fileURLToPath(import.meta.url)), "assets");

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
  /** Lessons a cell of which failed when replayed (their pages show the error), by number. */
  readonly failed: readonly number[];
  /** Lessons shown in English on another language's site, each with the reason (its translation cannot be used). */
  readonly fallbacks: readonly string[];
  readonly files: number;
  readonly bytes: number;
  readonly largest: { readonly path: string; readonly bytes: number };
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
    const leak = checkSecrets && typeof file.data === "string" ? findSecret(file.data, []) : undefined;
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
    { path: "assets/favicon.svg", data: readFileSync(join(ASSETS, "favicon.svg"), "utf8") },
    // Without its source-map comment: the map is not shipped, so nothing may ask for it.
    { path: "assets/minisearch.js", data: readFileSync(minisearch, "utf8").replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n") },
  ];
}

const link = (l: SiteLanguage): SiteLanguageLink => ({ lang: l.lang, name: l.words.languageName, dir: l.dir });

/**
 * Builds the site. `highlight` may be given (a test's, or one already started by the CLI
 * with highlightAhead so the worker runs while the modules load); by default it starts here.
 */
export async function buildSite(options: BuildOptions, highlight?: Highlight | Promise<Highlight>): Promise<BuildStats> {
  prepareOut(options.out, options.linked === undefined || options.linked.length === options.languages.length);
  // The lessons' code is highlighted in a worker while the lessons replay here, in every
  // language before any page is rendered, so no replay waits for the highlighter.
  const ahead = Promise.resolve(highlight ?? highlightAhead(aheadRequest(options.dirs, options.languages)));
  ahead.catch(() => {});
  const written: SiteFile[] = assetFiles();
  writeFiles(options.out, written, false);
  const built: { language: SiteLanguage; data: SiteData }[] = [];
  for (const language of options.languages) built.push({ language, data: await siteData(options.dirs, language, options.signal) });
  // The search indexes need no highlighting: they are made while the worker may still be at it.
  const indexes = built.map(({ data }) => searchIndexScript(siteSearchDocs(data)));
  const hl = await ahead;
  const languages = (options.linked ?? options.languages).map(link);
  for (const [i, { language, data }] of built.entries()) {
    const tools = { highlight: hl, words: language.words, messages: language.messages, lang: language.lang };
    const files = renderSite(data, { ...tools, langToSite: language.dir ? "../" : "", languages }, indexes[i]!);
    writeFiles(join(options.out, language.dir), files, true);
    written.push(...files.map((f) => ({ path: join(language.dir, f.path), data: f.data })));
  }
  const lessons = built.flatMap(({ data }) => data.parts.flatMap((p) => p.lessons));
  const sizes = written.map((f) => ({ path: f.path, bytes: Buffer.byteLength(f.data) }));
  const pages = sizes.filter((s) => s.path.endsWith(".html"));
  const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a), { path: "", bytes: 0 });
  return {
    lessons: lessons.length,
    failed: [...new Set(lessons.filter((l) => l.run.status !== "ok").map((l) => l.number))],
    fallbacks: lessons.flatMap((l) => (l.fallback ? [l.fallback.note] : [])),
    files: sizes.length,
    bytes: sizes.reduce((n, s) => n + s.bytes, 0),
    largest,
  };
}

// The languages the site is built in. English is the root of the site (site/); every other
// language is a folder below it (site/ko/), built only when the course has its data. A
// language is one entry here: its UI words, its report catalog, where its docs live, and
// how the course reads in it: each lesson runs as `npm run lesson N -- --lang L` runs it
// (its translation, and its own fixture where its requests differ), and the manifest's
// titles and descriptions come from its translation.
import { join } from "node:path";
import { type CourseDirs, type Lesson, lessonIn } from "../course/catalog.ts";
import type { CourseManifest } from "../course/manifest.ts";
import { UserError } from "../errors.ts";
import { courseLangs, translateManifest, translationProblem } from "../i18n/localize.ts";
import { type Lang, SOURCE_LANG } from "../lang.ts";
import { catalogs, type Messages } from "../render/messages.ts";
import type { AheadRequest } from "./highlight.ts";
import { siteCatalogs, type SiteMessages } from "./messages.ts";

/** A lesson as a language shows it. */
export interface LocalLesson {
  /** What runSession runs: its `lang`, fixture and report paths are this language's. */
  readonly lesson: Lesson;
  /** Set when the lesson runs in English instead, saying why (its translation cannot be used). */
  readonly fallback?: string | undefined;
}

export interface SiteLanguage {
  readonly lang: Lang;
  /** Folder under the site root: "" for the root language. */
  readonly dir: string;
  readonly words: SiteMessages;
  /** The report catalog (footer lines, "Not run", …). */
  readonly messages: Messages;
  /**
   * Where this language's docs/*.md live, its own folder first; a page only a later folder
   * has is shown from there (in English), so every page exists in every language.
   */
  docsDirs(root: string): readonly string[];
  /** True when the course has this language's data. */
  available(dirs: CourseDirs): boolean;
  /** The lesson as it runs in this language. */
  localize(lesson: Lesson, dirs: CourseDirs): LocalLesson;
  /** The manifest's titles and descriptions in this language. */
  translate(manifest: CourseManifest, dirs: CourseDirs): CourseManifest;
}

export const english: SiteLanguage = {
  lang: "en",
  dir: "",
  words: siteCatalogs["en"]!,
  messages: catalogs.en,
  docsDirs: (root) => [join(root, "docs")],
  available: () => true,
  localize: (lesson, dirs) => ({ lesson: lessonIn(lesson, SOURCE_LANG, dirs) }),
  translate: (manifest) => manifest,
};

/**
 * A translated language: its lessons/<lang>/ translations, fixtures/<lang>/ where requests
 * differ, docs/<lang>/. A lesson whose translation cannot be used runs in English and says
 * so, as the CLI does (a missing or stale translation also fails `npm test`).
 */
function translated(lang: Lang, words: SiteMessages): SiteLanguage {
  const messages = catalogs[lang];
  return {
    lang,
    dir: lang,
    words,
    messages,
    docsDirs: (root) => [join(root, "docs", lang), join(root, "docs")],
    available: (dirs) => courseLangs(dirs).includes(lang),
    localize: (lesson, dirs) => {
      const problem = translationProblem(lesson, dirs, lang);
      if (!problem) return { lesson: lessonIn(lesson, lang, dirs) };
      return {
        lesson: lessonIn(lesson, SOURCE_LANG, dirs),
        fallback: messages.translationFallback(lesson.id, problem.file, problem.reason),
      };
    },
    translate: (manifest, dirs) => translateManifest(manifest, dirs, lang),
  };
}

export const korean: SiteLanguage = translated("ko", siteCatalogs["ko"]!);

/** Every language the site knows, the root language first. */
export const SITE_LANGUAGES: readonly SiteLanguage[] = [english, korean];

/** The languages to build: the one asked for, or every language whose data exist. */
export function siteLanguages(dirs: CourseDirs, wanted?: string): SiteLanguage[] {
  if (wanted === undefined) return SITE_LANGUAGES.filter((l) => l.available(dirs));
  const language = SITE_LANGUAGES.find((l) => l.lang === wanted);
  const known = SITE_LANGUAGES.map((l) => l.lang).join(", ");
  if (!language)
    throw new UserError(`Unknown site language "${wanted}"`, `the site is built in ${known}`, `run "npm run docs -- --lang en"`);
  if (!language.available(dirs))
    throw new UserError(
      `No course data for "${wanted}"`,
      `the course has no ${wanted} lessons yet`,
      `run "npm run docs" to build ${siteLanguages(dirs)
        .map((l) => l.lang)
        .join(", ")}`,
    );
  return [language];
}

/** What the highlighting worker needs to find the code of every language built. */
export const aheadRequest = (dirs: CourseDirs, languages: readonly SiteLanguage[]): AheadRequest => ({
  dirs,
  docsDirs: [...new Set(languages.flatMap((l) => l.docsDirs(dirs.root)))],
  langs: languages.map((l) => l.lang),
});

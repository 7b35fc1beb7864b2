// The languages the site is built in. English is the root of the site (site/); every other
// language is a folder below it (site/ko/), built only when the course has its data. A
// language is one entry here: its UI words (messages.ts has Korean ready), where its docs
// live, how a lesson runs in it and which fixture shows its traffic. The Korean course
// plugs in as, for example:
//
//   { lang: "ko", dir: "ko", words: siteCatalogs.ko, messages: catalogs.ko,
//     docsDir: (root) => join(root, "docs", "ko"),
//     available: (dirs) => existsSync(join(dirs.reports, "ko")),
//     session: { lang: "ko" },                       // once runSession takes a language
//     command: (lesson) => `npm run lesson ${lesson.number} -- --lang ko`,
//     fixturePath: (lesson) => koreanFixtureOrEnglish(lesson) }
import { join } from "node:path";
import type { CourseDirs, Lesson } from "../course/catalog.ts";
import { UserError } from "../errors.ts";
import { catalogs, type Messages } from "../render/messages.ts";
import type { SessionOptions } from "../session/run-session.ts";
import { siteCatalogs, type SiteMessages } from "./messages.ts";

export interface SiteLanguage {
  readonly lang: string;
  /** Folder under the site root: "" for the root language. */
  readonly dir: string;
  readonly words: SiteMessages;
  /** The report catalog (footer lines, "Not run", …). */
  readonly messages: Messages;
  /** Where this language's docs/*.md live. */
  docsDir(root: string): string;
  /** True when the course has this language's data. */
  available(dirs: CourseDirs): boolean;
  /** What runSession needs, beyond the lesson and replay mode, to run a lesson in this language. */
  readonly session: Partial<SessionOptions>;
  /** What a learner types to run the lesson in this language. */
  command(lesson: Lesson): string;
  /** The fixture whose traffic the lesson's page shows and offers for download. */
  fixturePath(lesson: Lesson): string;
}

export const english: SiteLanguage = {
  lang: "en",
  dir: "",
  words: siteCatalogs["en"]!,
  messages: catalogs.en,
  docsDir: (root) => join(root, "docs"),
  available: () => true,
  session: {},
  command: (lesson) => `npm run lesson ${lesson.number}`,
  fixturePath: (lesson) => lesson.fixturePath,
};

/** Every language the site knows, the root language first. */
export const SITE_LANGUAGES: readonly SiteLanguage[] = [english];

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
      `run "npm run docs" to build ${known}`,
    );
  return [language];
}

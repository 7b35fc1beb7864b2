// The languages the course is written in, and which one a run uses. English is the source
// language: lessons are written in it, and every other language translates it cell by cell.

export const LANGS = ["en", "ko"] as const;
export type Lang = (typeof LANGS)[number];
export const SOURCE_LANG: Lang = "en";

export const isLang = (value: string): value is Lang => (LANGS as readonly string[]).includes(value);

/**
 * The language the locale asks for, read as POSIX programs read it: LC_ALL, then
 * LC_MESSAGES, then LANG (`ko_KR.UTF-8` → ko). Anything else, or nothing, is English.
 */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env["LC_ALL"] || env["LC_MESSAGES"] || env["LANG"] || "";
  const tag = locale.split(/[_.@-]/)[0]!.toLowerCase();
  return isLang(tag) ? tag : SOURCE_LANG;
}

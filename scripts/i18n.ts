// The translators' tool: where each language's translations stand, and the way to write them.
//   npm run i18n:status [-- 3 13] [--lang ko]   missing, stale, orphaned and broken entries per lesson (exit 1 if any)
//   npm run i18n -- export 13 [--lang ko]       writes lessons/ko/13-….draft.txt: the lesson in percent format, translated
//                                               where it is, English marked todo="missing"/"stale" where it is not
//   npm run i18n -- import 13 [--lang ko]       stores the draft's cells (not those still marked todo) with their English hash
//   npm run i18n -- stamp 13 intro add-message  declares those entries up to date with the English (after checking them)
//   npm run i18n -- stamp course lesson/13-…    the same for lessons/ko/course.json
import { readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultDirs, findLesson, type Lesson, listLessons, loadCourse } from "../src/course/catalog.ts";
import { UserError } from "../src/errors.ts";
import { writeFileAtomic } from "../src/fixtures/files.ts";
import { exportDraft, importDraft } from "../src/i18n/draft.ts";
import { COURSE_SUBJECT, courseStatus, lessonTranslation, storeFile } from "../src/i18n/localize.ts";
import { readStore, serializeStore, type TranslationStore } from "../src/i18n/store.ts";
import { courseUnits, isComplete, lessonUnits, type StoreStatus, type Unit } from "../src/i18n/units.ts";
import { isLang, LANGS, type Lang, SOURCE_LANG } from "../src/lang.ts";
import { parseLesson } from "../src/notebook/parse.ts";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const dirs = defaultDirs(ROOT);
const USAGE = "npm run i18n -- status|export|import|stamp … (see scripts/i18n.ts)";

function statusLines(shown: string, count: number, status: StoreStatus): string[] {
  if (isComplete(status)) return [`✓ ${shown} (${count} entries)`];
  const line = (label: string, keys: readonly string[]) => (keys.length ? [`    ${label.padEnd(9)}${keys.join(", ")}`] : []);
  return [
    `✗ ${shown}`,
    ...line("missing", status.missing),
    ...line("stale", status.stale),
    ...line("orphaned", status.orphaned),
    ...status.broken.map((b) => `    broken   ${b.key}: ${b.reason}`),
  ];
}

const englishOf = (lesson: Lesson) => parseLesson(lesson.file, readFileSync(lesson.file, "utf8"));

function status(lessons: readonly Lesson[], langs: readonly Lang[], withCourse: boolean): number {
  let problems = 0;
  const manifest = loadCourse(dirs).manifest;
  for (const lang of langs) {
    const lines: string[] = [];
    for (const lesson of lessons) {
      const notebook = englishOf(lesson);
      const t = lessonTranslation(notebook, lesson.id, dirs, lang);
      if (!isComplete(t.status)) problems++;
      lines.push(...statusLines(t.file.shown, notebook.cells.length, t.status));
    }
    if (withCourse && manifest) {
      const c = courseStatus(manifest, dirs, lang);
      if (!isComplete(c.status)) problems++;
      lines.push(...statusLines(c.file.shown, courseUnits(manifest).length, c.status));
    }
    console.log(lines.join("\n"));
  }
  return problems ? 1 : 0;
}

const draftPath = (lesson: Lesson, lang: Lang) => storeFile(dirs, lang, lesson.id).path.replace(/\.json$/, ".draft.txt");

function exportLesson(lesson: Lesson, lang: Lang): void {
  const notebook = englishOf(lesson);
  const path = draftPath(lesson, lang);
  writeFileAtomic(path, exportDraft(notebook, lessonTranslation(notebook, lesson.id, dirs, lang).store));
  console.log(
    `wrote ${path}: translate the cells marked todo, remove the mark, then run "npm run i18n -- import ${lesson.number} --lang ${lang}"`,
  );
}

function importLesson(lesson: Lesson, lang: Lang): void {
  const notebook = englishOf(lesson);
  const path = draftPath(lesson, lang);
  const translation = lessonTranslation(notebook, lesson.id, dirs, lang);
  const done = importDraft(notebook, readFileSync(path, "utf8"), path, translation.store, { lang, subject: lesson.id });
  writeFileAtomic(translation.file.path, serializeStore(done.store));
  rmSync(path);
  const left = [...done.todo, ...done.absent];
  console.log(`wrote ${translation.file.shown}${left.length ? `; still to translate: ${left.join(", ")}` : ""}`);
}

function stamp(subject: string, keys: readonly string[], lang: Lang): void {
  const units: Unit[] =
    subject === COURSE_SUBJECT ? courseUnits(loadCourse(dirs).manifest!) : lessonUnits(englishOf(findLesson(listLessons(dirs), subject)));
  const lesson = subject === COURSE_SUBJECT ? COURSE_SUBJECT : findLesson(listLessons(dirs), subject).id;
  const file = storeFile(dirs, lang, lesson);
  const store: TranslationStore | undefined = readStore(file.path, file.shown);
  const entries = new Map(store?.entries);
  for (const key of keys) {
    const entry = entries.get(key);
    const unit = units.find((u) => u.key === key);
    if (!entry || !unit)
      throw new UserError(`Cannot stamp ${key} in ${file.shown}`, "it has no translation to stamp", "translate it first (export, import)");
    entries.set(key, { ...entry, source: unit.hash });
  }
  writeFileAtomic(file.path, serializeStore({ lang, subject: lesson, entries }));
  console.log(`stamped ${keys.length} in ${file.shown}`);
}

function main(argv: string[]): number {
  const langAt = argv.indexOf("--lang");
  const asked = langAt >= 0 ? argv.splice(langAt, 2)[1] : undefined;
  if (asked !== undefined && !isLang(asked)) throw new UserError(`Invalid --lang "${asked}"`, `expected one of ${LANGS.join(", ")}`, USAGE);
  const langs = asked ? [asked as Lang] : LANGS.filter((l) => l !== SOURCE_LANG);
  const [command = "status", ...rest] = argv;
  const all = listLessons(dirs);
  if (command === "status") return status(rest.length ? rest.map((n) => findLesson(all, n)) : all, langs, rest.length === 0);
  const [subject, ...keys] = rest;
  if (!subject) throw new UserError(`npm run i18n -- ${command}`, "it needs a lesson", USAGE);
  for (const lang of langs) {
    if (command === "export") exportLesson(findLesson(all, subject), lang);
    else if (command === "import") importLesson(findLesson(all, subject), lang);
    else if (command === "stamp") stamp(subject, keys, lang);
    else throw new UserError(`Unknown command "${command}"`, "expected status, export, import or stamp", USAGE);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UserError)) throw error;
  console.error(`i18n: ${error.message}`);
  process.exitCode = 2;
}

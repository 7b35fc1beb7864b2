// Reads and parses a lesson file, in the lesson's language; a malformed lesson becomes one
// UserError line, and so does a translation that cannot be used.
import { readFileSync } from "node:fs";
import { type CourseDirs, type Lesson, lessonCommand } from "../course/catalog.ts";
import { UserError } from "../errors.ts";
import { SOURCE_LANG } from "../lang.ts";
import { lessonTranslation, translateLesson } from "../i18n/localize.ts";
import type { Notebook } from "../notebook/cells.ts";
import { LessonFormatError, parseLesson } from "../notebook/parse.ts";
import { checkSyntax, LessonSyntaxError } from "../notebook/syntax.ts";
import { shownPath } from "../modes/open.ts";

export interface LessonSource {
  readonly notebook: Notebook;
  /** The text the runner loads (a translation's code on the English code's lines). */
  readonly text: string;
  /** The translation file, when the lesson runs in another language. */
  readonly translationFile?: string;
}

export function readNotebook(lesson: Lesson, dirs: CourseDirs): LessonSource {
  const english = readFileSync(lesson.file, "utf8");
  try {
    const parsed = parseLesson(shownPath(dirs, lesson.file), english);
    checkSyntax(parsed, english);
    if (!lesson.lang || lesson.lang === SOURCE_LANG) return { notebook: parsed, text: english };
    const translation = lessonTranslation(parsed, lesson.id, dirs, lesson.lang);
    const { notebook, text } = translateLesson(parsed, english, translation, lesson.lang);
    checkSyntax(notebook, text);
    return { notebook, text, translationFile: translation.file.shown };
  } catch (error) {
    if (error instanceof LessonSyntaxError) {
      const fix = `fix the code there, then run "${lessonCommand(lesson)}" again`;
      throw new UserError(`Failed to parse lesson ${error.location}`, error.reason, fix);
    }
    if (!(error instanceof LessonFormatError)) throw error;
    const [first, ...rest] = error.problems;
    const more = rest.map((p) => ` Also line ${p.line}: ${p.message}.`).join("");
    const reason = `line ${first?.line}: ${first?.message}.${more}`.replace(/\.$/, "");
    throw new UserError(
      `Failed to parse lesson ${error.file}`,
      reason,
      'fix the lesson file; cells start with "// %%" (code) or "// %% [markdown]" (narrative)',
    );
  }
}

/** `--stop-after N` must name a code cell the lesson has. */
export function checkStopAfter(notebook: Notebook, lesson: Lesson, stopAfter: number | undefined): void {
  const count = notebook.cells.filter((c) => c.kind === "code").length;
  if (stopAfter === undefined || stopAfter <= count) return;
  const cells = count === 1 ? "1 code cell" : `${count} code cells`;
  throw new UserError(
    `Invalid --stop-after ${stopAfter}`,
    `lesson ${lesson.id} has ${cells}`,
    `choose a number from 1 to ${count}, or leave --stop-after out to run the whole lesson`,
  );
}

// Reads and parses a lesson file; a malformed lesson becomes one UserError line.
import { readFileSync } from "node:fs";
import type { CourseDirs, Lesson } from "../course/catalog.ts";
import { UserError } from "../errors.ts";
import type { Notebook } from "../notebook/cells.ts";
import { LessonFormatError, parseLesson } from "../notebook/parse.ts";
import { checkSyntax, LessonSyntaxError } from "../notebook/syntax.ts";
import { shownPath } from "../modes/open.ts";

export function readNotebook(lesson: Lesson, dirs: CourseDirs): { notebook: Notebook; text: string } {
  const text = readFileSync(lesson.file, "utf8");
  try {
    const notebook = parseLesson(shownPath(dirs, lesson.file), text);
    checkSyntax(notebook, text);
    return { notebook, text };
  } catch (error) {
    if (error instanceof LessonSyntaxError) {
      const fix = `fix the code there, then run "npm run lesson ${lesson.number}" again`;
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

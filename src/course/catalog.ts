// Finds lessons on disk (`lessons/NN-slug.ts`) and where their fixture and report live.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../errors.ts";
import { LessonFormatError, parseLesson } from "../notebook/parse.ts";

export interface CourseDirs {
  /** Folder paths are shown relative to (the repository). */
  readonly root: string;
  readonly lessons: string;
  readonly fixtures: string;
  readonly reports: string;
}

export interface Lesson {
  readonly number: number;
  /** `03-add-message`: names the lesson, its fixture and its report. */
  readonly id: string;
  readonly file: string;
  readonly fixturePath: string;
  readonly reportPath: string;
}

const LESSON_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.ts$/;

export function defaultDirs(root: string): CourseDirs {
  return { root, lessons: join(root, "lessons"), fixtures: join(root, "fixtures"), reports: join(root, "reports") };
}

export function listLessons(dirs: CourseDirs): Lesson[] {
  let names: string[];
  try {
    names = readdirSync(dirs.lessons);
  } catch {
    throw new UserError(`Failed to list lessons in ${dirs.lessons}`, "the folder does not exist", "run lessonbook from the repository root");
  }
  return names
    .filter((name) => LESSON_FILE.test(name))
    .sort()
    .map((name) => {
      const id = name.slice(0, -3);
      return {
        number: Number(name.slice(0, 2)),
        id,
        file: join(dirs.lessons, name),
        fixturePath: join(dirs.fixtures, `${id}.json`),
        reportPath: join(dirs.reports, `${id}.md`),
      };
    });
}

/** Accepts `3`, `03`, `03-add-message` or `add-message`. */
export function findLesson(lessons: readonly Lesson[], wanted: string): Lesson {
  const key = wanted.trim().toLowerCase().replace(/\.ts$/, "");
  const found = lessons.find((l) => (/^\d+$/.test(key) ? l.number === Number(key) : l.id === key || l.id.slice(3) === key));
  if (found) return found;
  const valid = lessons.map((l) => String(l.number)).join(", ");
  throw new UserError(`Unknown lesson "${wanted}"`, `choose one of ${valid || "(none found)"}`, 'run "npm run lesson" to list them with their titles');
}

/** The lesson's title as the parser reads it, without running it; its id if it does not parse. */
export function lessonTitle(lesson: Lesson): string {
  try {
    return parseLesson(lesson.file, readFileSync(lesson.file, "utf8")).title;
  } catch (error) {
    if (error instanceof LessonFormatError) return lesson.id;
    throw error;
  }
}

export const recordCommand = (lesson: Lesson): string => `npm run lesson ${lesson.number} -- --record`;

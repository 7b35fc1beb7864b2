// Finds lessons on disk (`lessons/NN-slug.ts`), places them in the course's parts (the
// manifest, lessons/course.json), and says where their fixture and report live.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../errors.ts";
import { LessonFormatError, parseLesson } from "../notebook/parse.ts";
import { MANIFEST_FILE, readManifest, type CourseManifest, type CoursePart } from "./manifest.ts";

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
  /** The part of the course the manifest places it in (undefined when it is not listed). */
  readonly part: CoursePart | undefined;
  /** One line from the manifest. */
  readonly description: string | undefined;
}

const LESSON_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.ts$/;

export function defaultDirs(root: string): CourseDirs {
  return { root, lessons: join(root, "lessons"), fixtures: join(root, "fixtures"), reports: join(root, "reports") };
}

function lessonFiles(dirs: CourseDirs): string[] {
  try {
    return readdirSync(dirs.lessons)
      .filter((name) => LESSON_FILE.test(name))
      .sort();
  } catch {
    throw new UserError(
      `Failed to list lessons in ${dirs.lessons}`,
      "the folder does not exist",
      "run lessonbook from the repository root",
    );
  }
}

export interface Course {
  readonly manifest: CourseManifest | undefined;
  /** Every lesson: the manifest's order first, then files it does not list. */
  readonly lessons: readonly Lesson[];
  /** Lesson files the manifest does not list (shown with a hint). */
  readonly unlisted: readonly Lesson[];
}

export function loadCourse(dirs: CourseDirs): Course {
  const manifest = readManifest(dirs.lessons, dirs.root);
  const placed = new Map<string, { part: CoursePart; description: string }>();
  for (const part of manifest?.parts ?? []) for (const l of part.lessons) placed.set(l.id, { part, description: l.description });
  const lessons = lessonFiles(dirs).map((name): Lesson => {
    const id = name.slice(0, -3);
    const place = placed.get(id);
    const paths = {
      file: join(dirs.lessons, name),
      fixturePath: join(dirs.fixtures, `${id}.json`),
      reportPath: join(dirs.reports, `${id}.md`),
    };
    return { number: Number(name.slice(0, 2)), id, ...paths, part: place?.part, description: place?.description };
  });
  const missing = [...placed.keys()].find((id) => !lessons.some((l) => l.id === id));
  if (missing) {
    throw new UserError(
      `Failed to read the course manifest lessons/${MANIFEST_FILE}`,
      `it lists ${missing}, but lessons/${missing}.ts does not exist`,
      `add the lesson file or remove ${missing} from lessons/${MANIFEST_FILE}`,
    );
  }
  const order = [...placed.keys()];
  const listed = lessons.filter((l) => l.part).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const unlisted = lessons.filter((l) => !l.part);
  return { manifest, lessons: [...listed, ...unlisted], unlisted };
}

export const listLessons = (dirs: CourseDirs): Lesson[] => [...loadCourse(dirs).lessons];

/** Accepts `3`, `03`, `03-add-message` or `add-message`. */
export function findLesson(lessons: readonly Lesson[], wanted: string): Lesson {
  const key = wanted.trim().toLowerCase().replace(/\.ts$/, "");
  const found = lessons.find((l) => (/^\d+$/.test(key) ? l.number === Number(key) : l.id === key || l.id.slice(3) === key));
  if (found) return found;
  const valid = lessons.map((l) => String(l.number)).join(", ");
  throw new UserError(
    `Unknown lesson "${wanted}"`,
    `choose one of ${valid || "(none found)"}`,
    'run "npm run lesson" to list them with their titles',
  );
}

/** Every lesson of the named parts of the course manifest, in course order. */
export function lessonsOfParts(lessons: readonly Lesson[], parts: readonly string[]): Lesson[] {
  const known = [...new Set(lessons.flatMap((l) => (l.part ? [l.part.id] : [])))];
  const unknown = parts.find((id) => !known.includes(id));
  if (unknown !== undefined) {
    throw new UserError(
      `Unknown part "${unknown}"`,
      `the parts are ${known.join(", ") || "(none: the course has no lessons/course.json)"}`,
      'run "npm run lesson" to list the parts and their lessons',
    );
  }
  return lessons.filter((l) => l.part && parts.includes(l.part.id));
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

// The course manifest, `lessons/course.json`: the parts of the course, their order, titles
// and API family, and a one-line description per lesson. Lesson files stay the source of
// lessons; the manifest places them. A course folder without one is a single unnamed part.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { UserError } from "../errors.ts";

export interface ManifestLesson {
  readonly id: string;
  readonly description: string;
}

export interface CoursePart {
  readonly id: string;
  readonly title: string;
  /** The API family the part's lessons talk to (see src/families). */
  readonly family: string;
  readonly description: string;
  readonly lessons: readonly ManifestLesson[];
}

export interface CourseManifest {
  readonly title: string;
  readonly parts: readonly CoursePart[];
}

export const MANIFEST_FILE = "course.json";

const isText = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";

/** The first thing wrong with a manifest, as "where: what", or undefined. */
function manifestProblem(value: unknown): string | undefined {
  const course = value as Partial<CourseManifest> | null;
  if (!course || typeof course !== "object" || !isText(course.title)) return '"title" must be a non-empty string';
  if (!Array.isArray(course.parts) || course.parts.length === 0) return '"parts" must be a non-empty list';
  for (const [i, part] of course.parts.entries()) {
    const where = `parts[${i}]`;
    if (!isText(part?.id) || !isText(part.title) || !isText(part.family) || !isText(part.description))
      return `${where} needs "id", "title", "family" and "description"`;
    if (!Array.isArray(part.lessons)) return `${where}.lessons must be a list`;
    const bad = (part.lessons as unknown[]).findIndex(
      (l) => !isText((l as ManifestLesson | null)?.id) || !isText((l as ManifestLesson).description),
    );
    if (bad >= 0) return `${where}.lessons[${bad}] needs "id" and "description"`;
  }
  return undefined;
}

/** Reads `<lessons>/course.json`, or undefined when the course has none. */
export function readManifest(lessonsDir: string, root: string): CourseManifest | undefined {
  const path = join(lessonsDir, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
  const shown = relative(root, path).split("\\").join("/");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`Failed to read the course manifest ${shown}`, `invalid JSON (${(error as Error).message})`, `fix ${shown}`);
  }
  const problem = manifestProblem(value);
  if (problem) throw new UserError(`Failed to read the course manifest ${shown}`, problem, `fix ${shown}`);
  return value as CourseManifest;
}

// The parts of the course (lessons/course.json) that talk to one API family, as the lesson ids
// they hold, in course order, and the --part flags that run exactly them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CourseManifest } from "../../src/course/manifest.ts";
import { ROOT } from "./paths.ts";

export function partsOfFamily(family: string): { ids: string[]; partFlags: string[] } {
  const manifest = JSON.parse(readFileSync(join(ROOT, "lessons", "course.json"), "utf8")) as CourseManifest;
  const parts = manifest.parts.filter((part) => part.family === family);
  return {
    ids: parts.flatMap((part) => part.lessons.map((lesson) => lesson.id)),
    partFlags: parts.flatMap((part) => ["--part", part.id]),
  };
}

// `npm run lesson` with no lesson: the course outline, part by part.
import { lessonTitle, loadCourse, suggestedName, type CourseDirs, type Lesson } from "../course/catalog.ts";
import { MANIFEST_FILE } from "../course/manifest.ts";

const lessonLine = (l: Lesson) => `  ${String(l.number).padStart(2)}  ${lessonTitle(l).replace(/^Lesson \d+:\s*/, "")}`;

/** Each part with its lessons, then lesson files the manifest does not place, and scripts not named as lessons, with hints. */
export function courseOutline(dirs: CourseDirs): string {
  const course = loadCourse(dirs);
  const blocks = (course.manifest?.parts ?? []).map((part) =>
    [part.title, ...course.lessons.filter((l) => l.part === part).map(lessonLine)].join("\n"),
  );
  if (course.unlisted.length) {
    const hint = course.manifest ? `Not in lessons/${MANIFEST_FILE} yet (add them to a part there):` : "Lessons:";
    blocks.push([hint, ...course.unlisted.map(lessonLine)].join("\n"));
  }
  if (course.misnamed.length) {
    const rename = course.misnamed.map((file) => `  ${file}: rename it to NN-slug.ts, e.g. ${suggestedName(file, course.lessons)}`);
    blocks.push(["Not run (lesson files are named NN-slug.ts):", ...rename].join("\n"));
  }
  return `Lessons (run one with "npm run lesson N"):\n\n${blocks.join("\n\n")}\n`;
}

// `npm run lesson` with no lesson: the course outline, part by part, in the chosen language.
import { type CourseDirs, type Lesson, loadCourse, suggestedName } from "../course/catalog.ts";
import { MANIFEST_FILE } from "../course/manifest.ts";
import { lessonTitleIn, translateManifest } from "../i18n/localize.ts";
import { type Lang, SOURCE_LANG } from "../lang.ts";
import { catalogs } from "../render/messages.ts";

/** Each part with its lessons, then lesson files the manifest does not place, and scripts not named as lessons, with hints. */
export function courseOutline(dirs: CourseDirs, lang: Lang = SOURCE_LANG): string {
  const m = catalogs[lang];
  const course = loadCourse(dirs);
  const lessonLine = (l: Lesson) => `  ${String(l.number).padStart(2)}  ${m.lessonTitleOnly(lessonTitleIn(l, dirs, lang))}`;
  const manifest = course.manifest && lang !== SOURCE_LANG ? translateManifest(course.manifest, dirs, lang) : course.manifest;
  const blocks = (manifest?.parts ?? []).map((part) =>
    [part.title, ...course.lessons.filter((l) => l.part?.id === part.id).map(lessonLine)].join("\n"),
  );
  if (course.unlisted.length) {
    const hint = course.manifest ? m.outlineUnlisted(`lessons/${MANIFEST_FILE}`) : m.outlineNoManifest;
    blocks.push([hint, ...course.unlisted.map(lessonLine)].join("\n"));
  }
  if (course.misnamed.length) {
    const rename = course.misnamed.map((file) => `  ${file}: ${m.outlineRename(suggestedName(file, course.lessons))}`);
    blocks.push([m.outlineMisnamed, ...rename].join("\n"));
  }
  return `${m.outlineHeading}\n\n${blocks.join("\n\n")}\n`;
}

// Links between the course's files, as authors write them in docs/*.md and in lesson
// narrative (paths in the repository), turned into links between the site's pages.
// Anything else is left as written.

/** Where the linking page lives: a docs page (docs/x.html) or a lesson page (lessons/x.html). */
export type LinkFrom = "docs" | "lessons";

export interface SiteNames {
  readonly docs: ReadonlySet<string>;
  readonly lessons: ReadonlySet<string>;
}

/**
 * `glossary.md#run` → `glossary.html#run` (from a doc), `../docs/glossary.md` →
 * `../docs/glossary.html` (from a lesson), a lesson file or its report → the lesson's page,
 * a fixture → its download.
 */
export function siteHref(href: string, from: LinkFrom, names: SiteNames): string {
  const [path = "", fragment] = href.split("#", 2);
  const hash = fragment === undefined ? "" : `#${fragment}`;
  const inDocs = from === "docs" ? /^(?:\.\/)?([\w.-]+)\.md$/ : /^\.\.\/docs\/([\w.-]+)\.md$/;
  const doc = inDocs.exec(path)?.[1];
  if (doc && names.docs.has(doc)) return `${from === "docs" ? "" : "../docs/"}${doc}.html${hash}`;
  const lesson = /^(?:\.\.\/(?:lessons|reports)\/|\.\/)?(\d\d-[\w-]+)\.(?:ts|md)$/.exec(path)?.[1];
  const sibling = from === "lessons" || path.startsWith("../");
  if (lesson && sibling && names.lessons.has(lesson)) return `${from === "lessons" ? "" : "../lessons/"}${lesson}.html${hash}`;
  const fixture = /^\.\.\/fixtures\/([\w-]+)\.json$/.exec(path)?.[1];
  if (fixture && names.lessons.has(fixture)) return `../downloads/${fixture}.json`;
  return href;
}

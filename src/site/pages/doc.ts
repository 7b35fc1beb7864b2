// A page from docs/*.md (the fixture format, the glossary, migration notes …): its
// Markdown with heading anchors, and links between the course's files turned into links
// between the site's pages.
import { attrs, inlineText } from "../../render/html-escape.ts";

export interface DocPage {
  readonly name: string;
  readonly markdown: string;
}

/** The page's title: its first `# ` heading, or its file name. */
export const docTitle = (doc: DocPage): string => /^#\s+(.+)$/m.exec(doc.markdown)?.[1]?.trim() ?? doc.name;

/**
 * Where an author's link from docs/x.md points on the site: `glossary.md#run` →
 * `glossary.html#run` for another doc, `../lessons/03-add-message.ts` (or the lesson's
 * report) → that lesson's page, a fixture → its download. Other links are left alone.
 */
export function docHref(href: string, docs: ReadonlySet<string>, lessons: ReadonlySet<string>): string {
  const [path = "", fragment] = href.split("#", 2);
  const hash = fragment === undefined ? "" : `#${fragment}`;
  const doc = /^(?:\.\/)?([\w.-]+)\.md$/.exec(path)?.[1];
  if (doc && docs.has(doc)) return `${doc}.html${hash}`;
  const lesson = /^\.\.\/(lessons|reports)\/([\w-]+)\.(ts|md)$/.exec(path);
  if (lesson && lessons.has(lesson[2]!)) return `../lessons/${lesson[2]}.html${hash}`;
  const fixture = /^\.\.\/fixtures\/([\w-]+)\.json$/.exec(path)?.[1];
  if (fixture && lessons.has(fixture)) return `../downloads/${fixture}.json`;
  return href;
}

export const docMain = (doc: DocPage, markdown: (source: string) => string): string =>
  `<article class="doc"${attrs({ "data-doc": doc.name })}>\n${markdown(doc.markdown)}</article>`;

export const docLinkText = (doc: DocPage): string => inlineText(docTitle(doc));

// A page from docs/*.md (the fixture format, the glossary, migration notes …): its
// Markdown with heading anchors (links between files are rewritten by links.ts).
import { attrs } from "../../render/html-escape.ts";

export interface DocPage {
  readonly name: string;
  readonly markdown: string;
  /** Set when the page is not in the site's language (a page not translated yet). */
  readonly lang?: string | undefined;
}

/** The page's title: its first `# ` heading, or its file name. */
export const docTitle = (doc: DocPage): string => /^#\s+(.+)$/m.exec(doc.markdown)?.[1]?.trim() ?? doc.name;

export const docMain = (doc: DocPage, markdown: (source: string) => string): string =>
  `<article class="doc"${attrs({ "data-doc": doc.name, lang: doc.lang })}>\n${markdown(doc.markdown)}</article>`;

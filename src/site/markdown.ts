// Narrative and docs Markdown to HTML with marked. Lessons and docs are authored, trusted
// text, but the site keeps them safe anyway: raw HTML in Markdown is shown as text, links
// with a scheme other than http(s) or mailto lose their link, images from outside the
// site become links (the site makes no request elsewhere), and code blocks are
// highlighted at build time.
import { Marked, type Tokens } from "marked";
import { attrs, escapeHtml, safeHref } from "../render/html-escape.ts";
import type { Highlight } from "./highlight.ts";

export interface MarkdownOptions {
  readonly highlight: Highlight;
  /** Maps an author's link (e.g. `glossary.md#run`) to its place on the site. */
  readonly rewriteHref?: (href: string) => string;
  /** Give headings ids (docs pages); lesson narrative leaves anchors to the cells. */
  readonly headingIds?: boolean;
}

/** `Runs and polling` → `runs-and-polling`; letters of any script are kept. */
export const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/<[^>]*>/g, "")
    .replace(/&[a-z0-9#]+;/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");

const isLocal = (href: string) => !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("//");

export function createMarkdown(options: MarkdownOptions): (source: string) => string {
  const rewrite = options.rewriteHref ?? ((href: string) => href);
  const marked = new Marked({ gfm: true, async: false });
  const used = new Map<string, number>();
  marked.use({
    renderer: {
      // Raw HTML shows as the text it is; a block of it becomes a paragraph of text.
      html: (token: Tokens.HTML | Tokens.Tag) =>
        "block" in token && token.block ? `<p>${escapeHtml(token.text.trim())}</p>\n` : escapeHtml(token.text),
      code: ({ text, lang }: Tokens.Code) => `${options.highlight(text, (lang ?? "").split(/\s/)[0] ?? "")}\n`,
      link(token: Tokens.Link) {
        const inner = this.parser.parseInline(token.tokens);
        const href = safeHref(rewrite(token.href));
        return href === undefined ? inner : `<a${attrs({ href, title: token.title ?? undefined })}>${inner}</a>`;
      },
      image(token: Tokens.Image) {
        const href = safeHref(token.href);
        if (href === undefined) return escapeHtml(token.text);
        if (!isLocal(href)) return `<a${attrs({ href })}>${escapeHtml(token.text || href)}</a>`;
        return `<img${attrs({ src: href, alt: token.text, title: token.title ?? undefined })}>`;
      },
      heading(token: Tokens.Heading) {
        const inner = this.parser.parseInline(token.tokens);
        if (!options.headingIds) return `<h${token.depth}>${inner}</h${token.depth}>\n`;
        const base = slug(inner) || "section";
        const n = used.get(base) ?? 0;
        used.set(base, n + 1);
        return `<h${token.depth}${attrs({ id: n ? `${base}-${n}` : base })}>${inner}</h${token.depth}>\n`;
      },
    },
  });
  return (source) => {
    used.clear();
    return marked.parse(source) as string;
  };
}

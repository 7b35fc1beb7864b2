// The shell every page shares: head with the Content-Security-Policy, header with search
// and the language switch, the main content, and the course outline. Every link is
// relative, so the site works from file:// and under any path of any static host.
import { attrs, escapeHtml, inlineText } from "../render/html-escape.ts";
import type { SiteMessages } from "./messages.ts";

/**
 * Scripts and styles only from the site's own files: no inline script or style, no
 * request to another origin, no plugins, frames or forms. Page content can never run
 * code, even if some text escaped escaping.
 */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";

export interface OutlineLesson {
  readonly number: number;
  readonly title: string;
  /** From the language root, e.g. `lessons/03-add-message.html`. */
  readonly path: string;
}

export interface Outline {
  readonly parts: readonly { readonly title: string; readonly lessons: readonly OutlineLesson[] }[];
  readonly docs: readonly { readonly title: string; readonly path: string }[];
}

export interface SiteLanguageLink {
  readonly lang: string;
  readonly name: string;
  /** Folder under the site root: "" for English, "ko" for Korean. */
  readonly dir: string;
}

export interface PageContext {
  readonly words: SiteMessages;
  readonly lang: string;
  readonly siteTitle: string;
  /** From this language's root to the site root ("" when the language is at the root). */
  readonly langToSite: string;
  readonly languages: readonly SiteLanguageLink[];
  readonly outline: Outline;
}

export interface Page {
  /** From the language root, e.g. `lessons/03-add-message.html`. */
  readonly path: string;
  readonly title: string;
  readonly main: string;
  readonly bodyClass?: string;
}

/** `../` as many times as the page is deep below its language root. */
export const upFrom = (path: string): string => "../".repeat(path.split("/").length - 1);

function outlineNav(page: Page, ctx: PageContext, up: string): string {
  const link = (path: string, text: string, cls?: string) =>
    `<a${attrs({ href: `${up}${path}`, class: cls, "aria-current": path === page.path ? "page" : undefined })}>${text}</a>`;
  const parts = ctx.outline.parts.map((part) => {
    const items = part.lessons.map(
      (l) => `<li>${link(l.path, `<span class="num">${l.number}</span> <span>${inlineText(l.title)}</span>`, "numbered")}</li>`,
    );
    return `<h2>${inlineText(part.title)}</h2>\n<ol>\n${items.join("\n")}\n</ol>`;
  });
  const docs = ctx.outline.docs.map((d) => `<li>${link(d.path, inlineText(d.title))}</li>`);
  const pages = docs.length ? `\n<h2>${escapeHtml(ctx.words.pages)}</h2>\n<ul>\n${docs.join("\n")}\n</ul>` : "";
  return `<nav id="lb-outline" class="outline"${attrs({ "aria-label": ctx.words.outline })}>\n${parts.join("\n")}${pages}\n</nav>`;
}

function languageSwitch(page: Page, ctx: PageContext, up: string): string {
  if (ctx.languages.length < 2) return "";
  const links = ctx.languages.map((l) => {
    const href = `${up}${ctx.langToSite}${l.dir ? `${l.dir}/` : ""}${page.path}`;
    const current = l.lang === ctx.lang ? "true" : undefined;
    return `<a${attrs({ href, hreflang: l.lang, lang: l.lang, "aria-current": current })}>${escapeHtml(l.name)}</a>`;
  });
  return `<nav class="languages"${attrs({ "aria-label": ctx.words.language })}>${links.join(" ")}</nav>`;
}

function siteHeader(page: Page, ctx: PageContext, up: string): string {
  const w = ctx.words;
  const search =
    `<div class="search" role="search" hidden><label class="visually-hidden" for="lb-search">${escapeHtml(w.search)}</label>` +
    `<input id="lb-search" type="search" autocomplete="off"${attrs({ placeholder: w.searchPlaceholder })}>` +
    `<div id="lb-results" class="results" aria-live="polite"${attrs({ "data-none": w.searchNoResults("{q}") })}></div></div>`;
  return (
    `<header class="site-head">\n<a class="skip" href="#lb-main">${escapeHtml(w.skipToContent)}</a>\n` +
    `<a class="home"${attrs({ href: `${up}index.html` })}>${inlineText(ctx.siteTitle)}</a>\n${search}\n` +
    `<a class="to-outline" href="#lb-outline">${escapeHtml(w.toOutline)}</a>\n${languageSwitch(page, ctx, up)}\n</header>`
  );
}

export function layout(page: Page, ctx: PageContext): string {
  const up = upFrom(page.path);
  const assets = `${up}${ctx.langToSite}assets/`;
  const title = page.title === ctx.siteTitle ? page.title : `${page.title} · ${ctx.siteTitle}`;
  const htmlAttrs = attrs({ lang: ctx.lang, "data-root": up || "./", "data-assets": assets });
  return `<!doctype html>
<html${htmlAttrs}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"${attrs({ content: CSP })}>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${inlineText(title)}</title>
<link rel="icon"${attrs({ href: `${assets}favicon.svg` })}>
<link rel="stylesheet"${attrs({ href: `${assets}site.css` })}>
<script defer${attrs({ src: `${assets}site.js` })}></script>
</head>
<body${attrs({ class: page.bodyClass })}>
${siteHeader(page, ctx, up)}
<div class="layout">
<main id="lb-main" tabindex="-1">
${page.main}
</main>
${outlineNav(page, ctx, up)}
</div>
</body>
</html>
`;
}

// Reads rendered HTML the way a reviewer checks it for injected markup.

/**
 * Names of the elements opened in `html`, in order (`<p>`, `<td align="right">` → "p", "td").
 * Comments are skipped as a browser skips them: up to the first `-->` or `--!>`.
 */
export function elementNames(html: string): string[] {
  const withoutComments = html.replace(/<!--[\s\S]*?--!?>/g, "");
  return [...withoutComments.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])/g)].map((m) => m[1]!.toLowerCase());
}

/** Every element lessonbook's Markdown report writes (links: marked autolinks bare URLs). */
export const REPORT_ELEMENTS = new Set([
  "h1",
  "h2",
  "h3",
  "p",
  "strong",
  "em",
  "pre",
  "code",
  "details",
  "summary",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "hr",
  "ul",
  "ol",
  "li",
  "a",
  "blockquote",
]);

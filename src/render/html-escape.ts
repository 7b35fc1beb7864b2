// Escaping for HTML renderers (the docs site). Every piece of text that reaches a page goes
// through one of these: recorded content (fixtures, server answers, outputs) is untrusted,
// and even authored text is escaped, so no string can open an element or an attribute.
import { oneLine, visibleControls } from "../text/visible.ts";

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text that renders as itself in element content and in double- or single-quoted attributes. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);

/** A block of recorded text (an output, a body): newlines kept, controls made visible, escaped. */
export const blockText = (text: string): string => escapeHtml(visibleControls(text));

/** Recorded text on one line (a label, a table cell): every control and line break made visible. */
export const inlineText = (text: string): string => escapeHtml(oneLine(text));

/** Schemes a link may use; anything else (javascript:, data:, vbscript:, …) is dropped. */
const SAFE_SCHEME = /^(https?:|mailto:)/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * An href that cannot run code: relative URLs, fragments and http(s)/mailto links pass,
 * anything with another scheme becomes undefined (render the text without a link).
 * Controls and whitespace are removed first, as browsers do before reading the scheme.
 */
export function safeHref(href: string): string | undefined {
  const cleaned = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  if (HAS_SCHEME.test(cleaned) && !SAFE_SCHEME.test(cleaned)) return undefined;
  return cleaned;
}

/** `name="value"` pairs, escaped; undefined and false values are left out, true gives a bare name. */
export function attrs(values: Readonly<Record<string, string | number | boolean | undefined>>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`))
    .join("");
}

/** ms as people read it: "+0 ms", "+512 ms", "+1.25 s". */
export const offset = (ms: number): string => (ms < 1000 ? `+${Math.round(ms)} ms` : `+${(ms / 1000).toFixed(2)} s`);

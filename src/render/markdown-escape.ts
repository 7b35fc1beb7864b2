// Untrusted text (anything a recording holds) placed into Markdown so that it renders as
// exactly that text and never as markup. Ordinary prose passes through unchanged, so
// committed reports stay byte-identical; only characters that could start markup are
// escaped:
//   - `&` and `<` become entities: no raw HTML, no entity tricks. (A backslash would not
//     do: a bare URL autolinks up to `<` and swallows the backslash before it.)
//   - `\` `` ` `` `*` `[` `]` `~` `|` get a backslash: no code spans, emphasis, links,
//     strikethrough or table cells. `_` too, unless it sits between letters or digits
//     (`print_assistant_messages`), where CommonMark never reads it as emphasis.
//   - controls, line breaks and tabs become visible stand-ins (see text/visible.ts), so
//     the text cannot end a line and start a block of its own.
// Bare http(s) URLs still become links, as marked's GFM autolinking makes them.
import { oneLine } from "../text/visible.ts";

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Inline text (paragraph, list item, heading, table cell) that renders as itself. */
export function markdownText(text: string): string {
  return oneLine(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/[\\`*[\]~|]/g, "\\$&")
    .replace(/_/g, (_, at: number, all: string) => (WORD_CHAR.test(all[at - 1] ?? "") && WORD_CHAR.test(all[at + 1] ?? "") ? "_" : "\\_"));
}

/**
 * A code span that no backtick run inside `text` can close early. In a table cell, GFM
 * splits cells before it reads code, so every `|` gets an odd number of backslashes in
 * front and stays in its cell (a backslash that already stood before a `|` shows twice).
 */
export function markdownCode(text: string, inTable = false): string {
  const body = inTable ? oneLine(text).replace(/(\\*)\|/g, "$1$1\\|") : oneLine(text);
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((run) => run[0].length));
  const ticks = "`".repeat(longest + 1);
  // CommonMark strips one space from each end when both are spaces, so padding is exact.
  const pad = body === "" || /^[` ]|[` ]$/.test(body) ? " " : "";
  return `${ticks}${pad}${body}${pad}${ticks}`;
}

/** Text inside an HTML comment that cannot end it (`-->`, `--!>`), break its line, or hold a tag. */
export const commentText = (text: string): string =>
  oneLine(text)
    .replace(/</g, "&lt;")
    .replace(/--(!?)>/g, "--$1&gt;");

/** A fenced block longer than any backtick run inside `text`, so outputs can hold Markdown. */
export function fence(text: string, lang: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}${lang}\n${text.replace(/\n$/, "")}\n${ticks}`;
}

// Padding and rules measured in terminal columns, not UTF-16 code units: Hangul and most
// emoji take two columns, combining marks none, and ANSI colour codes none.
import { createRequire } from "node:module";

type StringWidth = typeof import("string-width").default;
let stringWidth: StringWidth | undefined;

// Text made only of characters that always take one column (printable ASCII, Latin letters,
// general punctuation such as — and …, arrows, mathematical operators, box drawing) is
// measured by its length; other text (Hangul, CJK, emoji, combining marks, ANSI colour)
// needs string-width's tables, loaded (synchronously) the first time such text is measured.
const NARROW = /^[\x20-\x7e\u00a0-\u024f\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2200-\u22ff\u2500-\u257f]*$/;

export function displayWidth(text: string): number {
  if (NARROW.test(text)) return text.length;
  stringWidth ??= (createRequire(import.meta.url)("string-width") as { default: StringWidth }).default;
  return stringWidth(text);
}

/** `text` followed by spaces up to `width` columns (never cut). */
export const padEndToWidth = (text: string, width: number): string => text + " ".repeat(Math.max(0, width - displayWidth(text)));

// Padding and rules measured in terminal columns, not UTF-16 code units: Hangul and most
// emoji take two columns, combining marks none, and ANSI colour codes none.
import { createRequire } from "node:module";

type StringWidth = typeof import("string-width").default;
let stringWidth: StringWidth | undefined;

// Printable ASCII is one column per character; only other text needs string-width's tables,
// which are loaded (synchronously) the first time such text is measured.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  stringWidth ??= (createRequire(import.meta.url)("string-width") as { default: StringWidth }).default;
  return stringWidth(text);
}

/** `text` followed by spaces up to `width` columns (never cut). */
export const padEndToWidth = (text: string, width: number): string => text + " ".repeat(Math.max(0, width - displayWidth(text)));

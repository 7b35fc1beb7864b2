// Padding and rules measured in terminal columns, not UTF-16 code units: Hangul and most
// emoji take two columns, combining marks none, and ANSI colour codes none.
import stringWidth from "string-width";

export const displayWidth = (text: string): number => stringWidth(text);

/** `text` followed by spaces up to `width` columns (never cut). */
export const padEndToWidth = (text: string, width: number): string => text + " ".repeat(Math.max(0, width - displayWidth(text)));

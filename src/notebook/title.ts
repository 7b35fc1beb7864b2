// The title of a lesson written without a title cell, such as an SDK example dropped in
// as it is: the first line of its first comment (a `/** … */` block or `//` lines), else
// its file name. Tool directives (`// @ts-…`, `/* eslint … */`) are not titles.
import { basename } from "node:path";
import { parseMarker } from "./marker.ts";

const DIRECTIVE = /^(?:@ts-|eslint|biome-|prettier-|global\s|istanbul\s|#region|#endregion)/;

/** The comment text a line starts, if it starts one: `// text`, `/* text`, `/** text`. */
function commentStart(line: string): { text: string; block: boolean } | undefined {
  const trimmed = line.trim();
  if (trimmed.startsWith("//")) return { text: trimmed.slice(2), block: false };
  if (trimmed.startsWith("/*")) return { text: trimmed.replace(/^\/\*+/, ""), block: true };
  return undefined;
}

// A comment line's words, without the block's closing, the `*` its lines start with, or a Markdown `#`.
const words = (text: string): string =>
  text
    .replace(/\*+\/.*$/, "")
    .replace(/^\s*\*+(?!\/)/, "")
    .replace(/^\s*#+\s+/, "")
    .trim();

/** The first words of the first comment that is not a tool directive, if the file has one. */
function firstComment(lines: readonly string[]): string | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if ((i === 0 && line.startsWith("#!")) || parseMarker(line).kind !== "none") continue;
    const start = commentStart(line);
    if (!start || DIRECTIVE.test(start.text.trim().replace(/^\*+\s*/, ""))) continue;
    const first = words(start.text);
    if (first !== "") return first;
    // An opening `/**` alone on its line: the words are on the block's next lines.
    for (let j = i + 1; start.block && !/\*\//.test(lines[j - 1]!) && j < lines.length; j++) {
      const next = words(lines[j]!);
      if (next !== "") return next;
    }
  }
  return undefined;
}

/** `assistant-stream-raw.ts` → `Assistant stream raw`; a leading `NN-` is dropped. */
export function titleFromFileName(file: string): string {
  const name = basename(file)
    .replace(/\.[cm]?tsx?$/, "")
    .replace(/^\d+-/, "")
    .replace(/[-_]+/g, " ")
    .trim();
  return name === "" ? basename(file) : name[0]!.toUpperCase() + name.slice(1);
}

export const fallbackTitle = (lines: readonly string[], file: string): string => firstComment(lines) ?? titleFromFileName(file);

// Full-text search that works offline, from file:// and on any static host: MiniSearch
// with an index built here and shipped as a classic script (search-index.js), which the
// page loads only when someone searches. (Pagefind's index is fetched in chunks, and
// browsers refuse fetch() on file:// pages, so it would not work from a folder.)
// One document per cell: narrative, code, what it printed and what its requests sent,
// so a search for an instruction ("Jane Doe") finds the cells whose runs used it.
// Korean words carry their particles ("어시스턴트를") and compounds go unspaced
// ("이차방정식"), so Hangul is split from other scripts and every Hangul word is also
// indexed from each later syllable: with prefix search, "방정식" finds "이차방정식을".
import MiniSearch from "minisearch";
import type { Exchange } from "../fixtures/format.ts";
import type { NotebookRun } from "../notebook/execute.ts";
import { jsonText } from "../render/output-text.ts";
import { errorLines } from "../render/output-text.ts";

export interface SearchDoc {
  readonly id: string;
  /** Relative to the language's root, e.g. `lessons/04-create-run.html#create-run`. */
  readonly url: string;
  /** The page's title. */
  readonly page: string;
  /** The cell's or section's title ("" for an untitled narrative cell). */
  readonly title: string;
  readonly text: string;
}

export const SEARCH_OPTIONS = { idField: "id", fields: ["title", "text"], storeFields: ["url", "page", "title"] } as const;

/**
 * Where text breaks into words: spaces and punctuation (as MiniSearch's default), and where
 * Hangul meets another script ("Doe라고" → "Doe", "라고"). The page's script compiles the
 * same pattern from the index file, so queries split as the index did.
 */
export const WORD_BREAK = String.raw`[\n\r\p{Z}\p{P}]+|(?<=\p{Script=Hangul})(?!\p{Script=Hangul})|(?<!\p{Script=Hangul})(?=\p{Script=Hangul})`;
const WORD_BREAK_RE = new RegExp(WORD_BREAK, "u");
const HANGUL_WORD = /^\p{Script=Hangul}{3,}$/u;

/** A query's words. */
export const queryWords = (text: string): string[] => text.split(WORD_BREAK_RE).filter(Boolean);

/** The words indexed: each word, and each Hangul word again from every later syllable that leaves two or more. */
export function indexWords(text: string): string[] {
  return queryWords(text).flatMap((word) =>
    HANGUL_WORD.test(word) ? [word, ...Array.from({ length: word.length - 2 }, (_, i) => word.slice(i + 1))] : [word],
  );
}

/** Every string inside a JSON value. */
function strings(value: unknown, into: string[] = []): string[] {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, into);
  else if (typeof value === "object" && value !== null) for (const item of Object.values(value)) strings(item, into);
  return into;
}

const requestText = (exchanges: readonly Exchange[] | undefined): string[] =>
  (exchanges ?? []).flatMap((e) => [...strings(e.request.body), ...(e.request.form ?? []).map((f) => f.value ?? "")]);

/** The first heading of a narrative cell, as its title in results. */
const headingOf = (source: string): string => /^#{1,6}\s+(.+)$/m.exec(source)?.[1]?.trim() ?? "";

export function lessonSearchDocs(
  page: { url: string; title: string },
  run: NotebookRun,
  traffic: ReadonlyMap<string, readonly Exchange[]>,
): SearchDoc[] {
  return run.results.map(({ cell, outputs }) => {
    const printed = outputs.map((o) =>
      o.type === "json" ? jsonText(o.value) : o.type === "stream" ? o.text : o.type === "error" ? errorLines(o.error).join("\n") : "",
    );
    const text = [cell.source, ...printed, ...requestText(traffic.get(cell.id))].join("\n");
    const title = cell.kind === "code" ? `[${cell.number}] ${cell.title ?? ""}`.trim() : headingOf(cell.source);
    return { id: `${page.url}#${cell.id}`, url: `${page.url}#${cell.id}`, page: page.title, title, text };
  });
}

/** A docs page, one document per `##` section. */
export function docSearchDocs(page: { url: string; title: string }, markdown: string, anchor: (heading: string) => string): SearchDoc[] {
  const sections = markdown.split(/^(?=##\s)/m);
  return sections.map((section, i) => {
    const heading = i === 0 ? "" : headingOf(section);
    const url = heading ? `${page.url}#${anchor(heading)}` : page.url;
    return { id: `${page.url}#${i}`, url, page: page.title, title: heading, text: section };
  });
}

/**
 * search-index.js: defines `lessonbookSearch` with the options and the index as a plain
 * object (JSON is a JavaScript literal; a JSON string inside it would escape every quote again).
 */
export function searchIndexScript(docs: readonly SearchDoc[]): string {
  const index = new MiniSearch<SearchDoc>({
    ...SEARCH_OPTIONS,
    fields: [...SEARCH_OPTIONS.fields],
    storeFields: [...SEARCH_OPTIONS.storeFields],
    tokenize: indexWords,
  });
  index.addAll([...docs]);
  const payload = { options: SEARCH_OPTIONS, wordBreak: WORD_BREAK, index: index.toJSON() };
  return `// Generated by lessonbook (npm run docs): the search index, loaded when someone searches.\nglobalThis.lessonbookSearch = ${JSON.stringify(payload)};\n`;
}

// A translation store: one JSON file per lesson (`lessons/<lang>/NN-slug.json`) and one for
// the manifest (`lessons/<lang>/course.json`). Each entry is keyed by a stable id (a cell id,
// or `course`, `part/<id>`, `lesson/<id>`) and records the sha256 of the English text it
// translates, as translation tools do, so an entry whose English changed since is "stale".
// Multi-line texts are stored as lists of lines, so a diff shows the line that changed.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { UserError } from "../errors.ts";

export const TRANSLATION_FORMAT = "lessonbook-translation";
export const TRANSLATION_VERSION = 1;

/** What an entry can translate: a narrative cell's Markdown, a code cell's title and code, a description. */
export const FIELDS = ["title", "markdown", "code", "description"] as const;
export type Field = (typeof FIELDS)[number];

export interface Entry {
  /** sha256 (hex) of the English text this entry translates (see sourceHash). */
  readonly source: string;
  readonly title?: string;
  readonly markdown?: string;
  readonly code?: string;
  readonly description?: string;
}

export interface TranslationStore {
  readonly lang: string;
  /** The lesson id, or `course` for the manifest's store. */
  readonly subject: string;
  /** In the order of the file (which the tools keep in the English order). */
  readonly entries: ReadonlyMap<string, Entry>;
}

/** The hash an entry records: every English text it translates, in field order. */
export const sourceHash = (texts: readonly string[]): string => createHash("sha256").update(JSON.stringify(texts)).digest("hex");

const MULTILINE: ReadonlySet<Field> = new Set(["markdown", "code"]);

function fieldValue(field: Field, raw: unknown): string | undefined {
  if (typeof raw === "string" && !MULTILINE.has(field)) return raw;
  if (Array.isArray(raw) && MULTILINE.has(field) && raw.every((line) => typeof line === "string")) return raw.join("\n");
  return undefined;
}

function readEntry(key: string, raw: unknown, problem: (what: string) => never): Entry {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) problem(`entries.${key} must be an object`);
  const record = raw as Record<string, unknown>;
  if (typeof record["source"] !== "string") problem(`entries.${key}.source must be the sha256 of the English text`);
  const entry: Record<string, string> = { source: record["source"] as string };
  for (const [name, value] of Object.entries(record)) {
    if (name === "source") continue;
    if (!(FIELDS as readonly string[]).includes(name)) problem(`entries.${key} has an unknown field "${name}"`);
    const text = fieldValue(name as Field, value);
    if (text === undefined) problem(`entries.${key}.${name} must be ${MULTILINE.has(name as Field) ? "a list of lines" : "a string"}`);
    entry[name] = text;
  }
  return entry as unknown as Entry;
}

/** Parses a store's text; `shown` names the file in messages. */
export function parseStore(text: string, shown: string): TranslationStore {
  const problem = (what: string): never => {
    throw new UserError(`Failed to read the translation ${shown}`, what, `fix ${shown}, then run "npm run i18n:status"`);
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return problem(`invalid JSON (${(error as Error).message})`);
  }
  const file = (value ?? {}) as Record<string, unknown>;
  if (file["format"] !== TRANSLATION_FORMAT || file["version"] !== TRANSLATION_VERSION)
    problem(`expected "format": "${TRANSLATION_FORMAT}" and "version": ${TRANSLATION_VERSION}`);
  if (typeof file["lang"] !== "string" || typeof file["subject"] !== "string") problem('"lang" and "subject" must be strings');
  const raw = file["entries"];
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) problem('"entries" must be an object keyed by id');
  const entries = new Map<string, Entry>();
  for (const [key, entry] of Object.entries(raw as object)) entries.set(key, readEntry(key, entry, problem));
  return { lang: file["lang"] as string, subject: file["subject"] as string, entries };
}

/** Reads a store, or undefined when the file does not exist. */
export function readStore(path: string, shown: string): TranslationStore | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
  return parseStore(text, shown);
}

/** The store as its file: fixed key order, lines as lists, two-space indentation, final newline. */
export function serializeStore(store: TranslationStore): string {
  const entries: Record<string, Record<string, unknown>> = {};
  for (const [key, entry] of store.entries) {
    const out: Record<string, unknown> = { source: entry.source };
    for (const field of FIELDS) {
      const text = entry[field];
      if (text !== undefined) out[field] = MULTILINE.has(field) ? text.split("\n") : text;
    }
    entries[key] = out;
  }
  const file = { format: TRANSLATION_FORMAT, version: TRANSLATION_VERSION, lang: store.lang, subject: store.subject, entries };
  return `${JSON.stringify(file, null, 2)}\n`;
}

// A translation as a draft a person edits: the lesson's own percent format, cell by cell in
// the English order, with each cell's translation in place of its English (or the English,
// marked `todo="missing"` or `todo="stale"`, where there is none yet or it is out of date).
// A code cell's code is kept as written unless the draft changes it (an empty body keeps it too). Importing the draft
// back stores every cell not marked todo; an entry whose text did not change keeps the hash
// it had, so only `stamp` (or an edit) declares a stale translation up to date.
import { encodeCell } from "../notebook/encode.ts";
import type { Cell, Notebook } from "../notebook/cells.ts";
import { parseLesson } from "../notebook/parse.ts";
import type { Entry, TranslationStore } from "./store.ts";
import { lessonUnits, storeStatus } from "./units.ts";

function draftCell(cell: Cell, entry: Entry | undefined, todo: string | undefined): string[] {
  const metadata = { id: cell.id, ...(todo ? { todo } : {}) };
  const source = cell.kind === "markdown" ? (entry?.markdown ?? cell.source) : (entry?.code ?? cell.source);
  const title = cell.kind === "code" ? (entry?.title ?? cell.title) : undefined;
  return encodeCell({ ...cell, title, metadata, source, layout: { metadataJson: {}, before: [], after: [""] } });
}

export function exportDraft(notebook: Notebook, store: TranslationStore | undefined): string {
  const status = storeStatus(lessonUnits(notebook), store);
  const todo = (id: string) => (status.missing.includes(id) ? "missing" : status.stale.includes(id) ? "stale" : undefined);
  // Each cell ends with a blank line, so the text ends with one newline.
  return notebook.cells.flatMap((cell) => draftCell(cell, store?.entries.get(cell.id), todo(cell.id))).join("\n");
}

function entryOf(english: Cell, drafted: Cell, hash: string): Entry {
  if (english.kind === "markdown") return { source: hash, markdown: drafted.source };
  // Left as written, or left out: the English code runs.
  const code = drafted.source === english.source || drafted.source.trim() === "" ? undefined : drafted.source;
  return { source: hash, ...(drafted.title ? { title: drafted.title } : {}), ...(code !== undefined ? { code } : {}) };
}

const sameText = (a: Entry, b: Entry) => a.title === b.title && a.markdown === b.markdown && a.code === b.code;

export interface Imported {
  readonly store: TranslationStore;
  /** Cells the draft still marks todo (left as they were). */
  readonly todo: readonly string[];
  /** Cells the draft does not have. */
  readonly absent: readonly string[];
}

/** The store a draft makes: cells in the English order, entries the English no longer has dropped. */
export function importDraft(
  notebook: Notebook,
  draftText: string,
  draftFile: string,
  previous: TranslationStore | undefined,
  base: { lang: string; subject: string },
): Imported {
  const drafted = new Map(parseLesson(draftFile, draftText).cells.map((cell) => [cell.id, cell]));
  const units = new Map(lessonUnits(notebook).map((u) => [u.key, u]));
  const entries = new Map<string, Entry>();
  const todo: string[] = [];
  const absent: string[] = [];
  for (const cell of notebook.cells) {
    const old = previous?.entries.get(cell.id);
    const draft = drafted.get(cell.id);
    if (!draft || draft.metadata["todo"] !== undefined) {
      (draft ? todo : absent).push(cell.id);
      if (old) entries.set(cell.id, old);
      continue;
    }
    const fresh = entryOf(cell, draft, units.get(cell.id)!.hash);
    entries.set(cell.id, old && sameText(old, fresh) ? old : fresh);
  }
  return { store: { ...base, entries }, todo, absent };
}

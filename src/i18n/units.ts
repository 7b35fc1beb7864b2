// What there is to translate, and how a store stands against it. A unit is one translatable
// thing with a stable key: a lesson cell (by cell id) or a manifest entry. Its status says
// which units have no translation (missing), which translate English that has changed since
// (stale), which the English no longer has (orphaned), and which cannot be used (broken).
import type { CourseManifest } from "../course/manifest.ts";
import type { Notebook } from "../notebook/cells.ts";
import { type Entry, type Field, sourceHash, type TranslationStore } from "./store.ts";

export interface Unit {
  readonly key: string;
  /** The English text of each field there is to translate. */
  readonly english: Readonly<Partial<Record<Field, string>>>;
  /** Fields a translation must have; the others may be left out (the English is kept). */
  readonly required: readonly Field[];
  readonly hash: string;
}

function unit(key: string, english: Partial<Record<Field, string>>, required: readonly Field[]): Unit {
  return { key, english, required, hash: sourceHash(Object.values(english)) };
}

/**
 * A narrative cell needs its Markdown; a code cell its title. A code cell's code is translated
 * only where a learner reads its strings (a question, a printed message): otherwise it is run
 * as written.
 */
export function lessonUnits(notebook: Notebook): Unit[] {
  return notebook.cells.map((cell) =>
    cell.kind === "markdown"
      ? unit(cell.id, { markdown: cell.source }, ["markdown"])
      : unit(cell.id, { title: cell.title ?? "", code: cell.source }, cell.title ? ["title"] : []),
  );
}

export function courseUnits(manifest: CourseManifest): Unit[] {
  return [
    unit("course", { title: manifest.title }, ["title"]),
    ...manifest.parts.map((part) =>
      unit(`part/${part.id}`, { title: part.title, description: part.description }, ["title", "description"]),
    ),
    ...manifest.parts.flatMap((part) => part.lessons.map((l) => unit(`lesson/${l.id}`, { description: l.description }, ["description"]))),
  ];
}

export interface StoreStatus {
  readonly missing: readonly string[];
  readonly stale: readonly string[];
  readonly orphaned: readonly string[];
  readonly broken: readonly { key: string; reason: string }[];
}

export const isComplete = (status: StoreStatus): boolean =>
  status.missing.length + status.stale.length + status.orphaned.length + status.broken.length === 0;

const lineCount = (text: string): number => text.split("\n").length;

/** Why an entry cannot stand in for its unit, if it cannot. */
function brokenReason(unit: Unit, entry: Entry): string | undefined {
  const extra = (Object.keys(entry) as (Field | "source")[]).find((f) => f !== "source" && unit.english[f] === undefined);
  if (extra) return `it translates "${extra}", which the English of ${unit.key} does not have`;
  const code = entry.code;
  const english = unit.english.code;
  if (code !== undefined && english !== undefined && lineCount(code) !== lineCount(english))
    return `its code has ${lineCount(code)} lines and the English ${lineCount(english)}; keep the line count, so line numbers in errors point at the lesson file`;
  return undefined;
}

export function storeStatus(units: readonly Unit[], store: TranslationStore | undefined): StoreStatus {
  const entries = store?.entries ?? new Map<string, Entry>();
  const missing: string[] = [];
  const stale: string[] = [];
  const broken: { key: string; reason: string }[] = [];
  for (const u of units) {
    const entry = entries.get(u.key);
    if (!entry || u.required.some((field) => entry[field] === undefined)) missing.push(u.key);
    else if (entry.source !== u.hash) stale.push(u.key);
    const reason = entry && brokenReason(u, entry);
    if (reason) broken.push({ key: u.key, reason });
  }
  const keys = new Set(units.map((u) => u.key));
  const orphaned = [...entries.keys()].filter((key) => !keys.has(key));
  return { missing, stale, orphaned, broken };
}

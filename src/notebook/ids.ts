// Cell ids: `id="create-thread"` in a cell's marker. Everything that must survive cells
// moving (translations, site anchors, ipynb cell ids, fixture exchanges) refers to a cell
// by id, so ids are checked here and never derived from position when written.
import type { LessonProblem } from "./problems.ts";

/** A lowercase slug; nbformat 4.5 allows [a-zA-Z0-9-_]{1,64}, and this stays inside it. */
export const CELL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_CELL_ID_LENGTH = 64;

export const isCellId = (value: unknown): value is string =>
  typeof value === "string" && value.length <= MAX_CELL_ID_LENGTH && CELL_ID.test(value);

/** What the ids are assigned from: one entry per cell, in file order. */
export interface IdSource {
  readonly line: number;
  readonly title: string | undefined;
  /** The marker's `id` value, if it has one (any JSON value; checked here). */
  readonly written: unknown;
}

/** `Create a thread, run it` → `create-a-thread-run-it`; "" when nothing is left. */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_CELL_ID_LENGTH) return slug;
  // Cut at a word boundary where there is one, so a long title keeps whole words.
  const wordEnd = slug.lastIndexOf("-", MAX_CELL_ID_LENGTH);
  return wordEnd > 0 ? slug.slice(0, wordEnd) : slug.slice(0, MAX_CELL_ID_LENGTH);
}

/** `base-n`, shortened so it stays within the length limit. */
function numbered(base: string, n: number): string {
  const suffix = `-${n}`;
  return `${base.slice(0, MAX_CELL_ID_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
}

function checkWritten(cells: readonly IdSource[], problems: LessonProblem[]): Map<string, number> {
  const taken = new Map<string, number>();
  for (const { line, written } of cells) {
    if (written === undefined) continue;
    if (!isCellId(written)) {
      const rule = `a lowercase slug of at most ${MAX_CELL_ID_LENGTH} letters, digits and hyphens`;
      problems.push({ line, message: `cell id ${JSON.stringify(written)} is not ${rule}; write e.g. id="create-thread"` });
      continue;
    }
    const first = taken.get(written);
    if (first === undefined) taken.set(written, line);
    else problems.push({ line, message: `cell id "${written}" is already used by the cell at line ${first}; give each cell its own id` });
  }
  return taken;
}

/**
 * The id of every cell: the written one, or for a cell without one (a file written before
 * ids, or an author's drop-in) its title's slug or `cell-N`, made unique with `-2`, `-3`….
 */
export function assignIds(cells: readonly IdSource[], problems: LessonProblem[]): string[] {
  const taken = new Set(checkWritten(cells, problems).keys());
  return cells.map(({ title, written }, index) => {
    if (isCellId(written)) return written;
    const base = slugify(title ?? "") || `cell-${index + 1}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = numbered(base, n);
    taken.add(id);
    return id;
  });
}

// The store on Node's built-in SQLite (node:sqlite, no server, no native package): one table of
// JSON documents. A file keeps assistants, threads, messages and runs across restarts;
// ":memory:" keeps them for one process. The upstream key never reaches it: only API objects do.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { DocTable, Kind } from "../core/records.ts";

export type SqliteTable = DocTable & { close(): void };

export function openSqliteTable(path: string): SqliteTable {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec(`
    PRAGMA journal_mode = WAL;
    CREATE TABLE IF NOT EXISTS docs (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL,
      id TEXT NOT NULL,
      parent TEXT,
      json TEXT NOT NULL,
      UNIQUE (kind, id)
    );
    CREATE INDEX IF NOT EXISTS docs_parent ON docs (kind, parent, seq);
  `);
  const get = db.prepare("SELECT json FROM docs WHERE kind = ? AND id = ?");
  // An upsert keeps the row's seq, so lists stay in order of creation.
  const put = db.prepare(
    "INSERT INTO docs (kind, id, parent, json) VALUES (?, ?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET parent = excluded.parent, json = excluded.json",
  );
  const remove = db.prepare("DELETE FROM docs WHERE kind = ? AND id = ?");
  const listAll = db.prepare("SELECT json FROM docs WHERE kind = ? ORDER BY seq");
  const listChildren = db.prepare("SELECT json FROM docs WHERE kind = ? AND parent = ? ORDER BY seq");
  const removeChildren = db.prepare("DELETE FROM docs WHERE kind = ? AND parent = ?");
  const parse = (row: unknown) => JSON.parse(String((row as { json: string }).json)) as unknown;
  return {
    get: (kind: Kind, id: string) => {
      const row = get.get(kind, id);
      return row === undefined ? undefined : parse(row);
    },
    put: (kind, id, parent, doc) => void put.run(kind, id, parent, JSON.stringify(doc)),
    delete: (kind, id) => void remove.run(kind, id),
    list: (kind, parent) => (parent === undefined ? listAll.all(kind) : listChildren.all(kind, parent)).map(parse),
    deleteChildren: (kind, parent) => void removeChildren.run(kind, parent),
    close: () => db.close(),
  };
}

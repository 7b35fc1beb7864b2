// The files family's state: uploaded (and generated) files with their bytes, vector stores
// with the files attached to them, and file batches. Records hold the API objects themselves
// (built once in key order, then changed in place) plus how often each was polled.
import { apiError, fail } from "../core/errors.ts";
import type { SimResponse } from "../core/types.ts";
import type { FileBatchObject, FileObject, VectorStoreFileObject, VectorStoreObject } from "./objects.ts";

export type StoredFile = { file: FileObject; data: Uint8Array; contentType: string };

export type VectorStoreFileRecord = {
  file: VectorStoreFileObject;
  /** Retrieves that saw it while processing; processing advances on polls, never on real time. */
  polls: number;
  /** How processing will end: the file's extension decides whether file_search can read it. */
  outcome: "completed" | "failed";
  batchId?: string;
};

export type VectorStoreRecord = { store: VectorStoreObject; files: VectorStoreFileRecord[]; batches: FileBatchObject[] };

export type FilesStore = { files: Map<string, StoredFile>; vectorStores: Map<string, VectorStoreRecord> };

export type FilesContext = {
  store: FilesStore;
  newId: (prefix: "file" | "vs" | "vsfb") => string;
  /** Simulated unix seconds (see core/clock.ts). */
  clock: { now(): number };
  /** A vector store file finishes processing on its n-th poll. */
  pollsUntilDone: number;
  /** Uploads larger than this are refused with 413. */
  maxFileBytes: number;
  /** When set, processing objects carry `openai-poll-after-ms` so SDK poll helpers wait this long. */
  pollAfterMs: number | undefined;
};

export const createFilesStore = (): FilesStore => ({ files: new Map(), vectorStores: new Map() });

export function fileNotFound(id: string): SimResponse {
  return apiError(404, `No such File object: ${id}`, { param: "id" });
}

export function getFile(context: FilesContext, id: string): StoredFile {
  return context.store.files.get(id) ?? fail(fileNotFound(id));
}

export function getVectorStore(context: FilesContext, id: string): VectorStoreRecord {
  return context.store.vectorStores.get(id) ?? fail(apiError(404, `No vector store found with id '${id}'.`));
}

export function getVectorStoreFile(record: VectorStoreRecord, fileId: string): VectorStoreFileRecord {
  const found = record.files.find((candidate) => candidate.file.id === fileId);
  return found ?? fail(apiError(404, `No file found with id '${fileId}' in vector store '${record.store.id}'.`));
}

export function getBatch(record: VectorStoreRecord, batchId: string): FileBatchObject {
  const found = record.batches.find((candidate) => candidate.id === batchId);
  return found ?? fail(apiError(404, `No file batch found with id '${batchId}' in vector store '${record.store.id}'.`));
}

// Files and vector stores: one route set that any simulator built on sim/core can mount
// (the Assistants simulator today, the Responses simulator next). The family is
// open to every caller (no beta header, no shutdown: both APIs outlived the Assistants API),
// and other families reach its state only through the FilesService below.
import { type Family, defineFamily } from "../core/family.ts";
import type { IdSource } from "../core/ids.ts";
import { type FileObject, fileObject } from "./objects.ts";
import { fileRoutes } from "./routes-files.ts";
import { fileBatchRoutes } from "./routes-file-batches.ts";
import { vectorStoreRoutes } from "./routes-vector-stores.ts";
import { type FilesContext, createFilesStore } from "./store.ts";

/** 512 MB: the largest upload the API accepted. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface FilesOptions {
  /** A vector store file finishes processing on its n-th poll (default 2). */
  pollsUntilDone?: number;
  /** Uploads larger than this are refused with 413 (default 512 MB). */
  maxFileBytes?: number;
  /** When set, processing objects carry `openai-poll-after-ms` so SDK poll helpers wait this long. */
  pollAfterMs?: number;
}

/** A file the search found: a finished vector store file and its text. */
export type SearchableFile = { fileId: string; filename: string; text: string };

/** What other families may do with files (a code interpreter's chart, file_search's documents). */
export interface FilesService {
  /** Saves a file the API made itself, with purpose `assistants_output`. */
  addOutput(data: Uint8Array, filename: string, contentType: string): FileObject;
  /** The finished, searchable files of these vector stores, each once, in the order they were attached. */
  searchable(vectorStoreIds: readonly string[]): SearchableFile[];
  /** Whether any of these vector stores still processes a file. */
  processing(vectorStoreIds: readonly string[]): boolean;
}

function service(context: FilesContext): FilesService {
  const stores = (ids: readonly string[]) => ids.flatMap((id) => context.store.vectorStores.get(id) ?? []);
  return {
    addOutput(data, filename, contentType) {
      const file = fileObject(context.newId("file"), context.clock.now(), { bytes: data.length, filename, purpose: "assistants_output" });
      context.store.files.set(file.id, { file, data: new Uint8Array(data), contentType });
      return file;
    },
    searchable(ids) {
      const found = new Map<string, SearchableFile>();
      for (const record of stores(ids)) {
        for (const { file } of record.files) {
          const stored = context.store.files.get(file.id);
          if (file.status !== "completed" || !stored || found.has(file.id)) continue;
          found.set(file.id, { fileId: file.id, filename: stored.file.filename, text: new TextDecoder().decode(stored.data) });
        }
      }
      return [...found.values()];
    },
    processing: (ids) => stores(ids).some((record) => record.files.some(({ file }) => file.status === "in_progress")),
  };
}

export type FilesParts = { clock: { now(): number }; ids: IdSource };

/** The family to mount, and the service other families of the same simulator use. */
export function createFiles(parts: FilesParts, options: FilesOptions = {}): { family: Family; files: FilesService } {
  const context: FilesContext = {
    store: createFilesStore(),
    // Files have ids like file-…; vector stores and batches use vs_… and vsfb_….
    newId: (prefix) => parts.ids.next(prefix, prefix === "file" ? "-" : "_"),
    clock: parts.clock,
    pollsUntilDone: Math.max(1, options.pollsUntilDone ?? 2),
    maxFileBytes: options.maxFileBytes ?? MAX_FILE_BYTES,
    pollAfterMs: options.pollAfterMs,
  };
  const family = defineFamily({ name: "files", context, routes: [...fileRoutes, ...vectorStoreRoutes, ...fileBatchRoutes] });
  return { family, files: service(context) };
}

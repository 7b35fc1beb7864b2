// Attaching files to a vector store: shared by creating a store with file_ids, adding one
// file, and adding a batch. Every response that shows processing carries the poll hint.
import { type JsonObject, isObject, readObject } from "../core/read-body.ts";
import { ok } from "../core/route-table.ts";
import type { SimResponse } from "../core/types.ts";
import { type VectorStoreFileObject, vectorStoreFileObject } from "./objects.ts";
import { isSearchable } from "./processing.ts";
import { type FilesContext, type VectorStoreFileRecord, type VectorStoreRecord, getFile } from "./store.ts";

/** Attribute values must be strings, numbers or booleans; anything else is dropped, not echoed. */
export function readAttributes(body: JsonObject): VectorStoreFileObject["attributes"] {
  const attributes: VectorStoreFileObject["attributes"] = {};
  for (const [name, value] of Object.entries(readObject(body, "attributes") ?? {})) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") attributes[name] = value;
  }
  return attributes;
}

/** Attaches a file (once: attaching it again returns the attachment it has). */
export function attachFile(
  context: FilesContext,
  record: VectorStoreRecord,
  fileId: string,
  body: JsonObject,
  batchId?: string,
): VectorStoreFileRecord {
  const stored = getFile(context, fileId);
  const existing = record.files.find((attached) => attached.file.id === fileId);
  if (existing) return existing;
  const file = vectorStoreFileObject(fileId, record.store.id, context.clock.now(), readAttributes(body));
  const attached: VectorStoreFileRecord = { file, polls: 0, outcome: isSearchable(stored.file.filename) ? "completed" : "failed" };
  if (batchId) attached.batchId = batchId;
  record.files.push(attached);
  record.store.last_active_at = context.clock.now();
  return attached;
}

/** The batch request's files: `file_ids`, or `files` with per-file attributes. */
export function batchEntries(body: JsonObject): { fileId: string; body: JsonObject }[] {
  const ids = Array.isArray(body["file_ids"]) ? body["file_ids"].filter((id): id is string => typeof id === "string") : [];
  const files = Array.isArray(body["files"]) ? body["files"].filter(isObject) : [];
  return [
    ...ids.map((fileId) => ({ fileId, body: {} })),
    ...files.filter((file) => typeof file["file_id"] === "string").map((file) => ({ fileId: file["file_id"] as string, body: file })),
  ];
}

/** A processing object (store, file, batch) with the poll hint when the simulator was asked to pace polls. */
export function processingResponse(context: FilesContext, value: unknown): SimResponse {
  return ok(value, context.pollAfterMs === undefined ? {} : { "openai-poll-after-ms": String(context.pollAfterMs) });
}

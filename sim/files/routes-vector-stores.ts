// /v1/vector_stores and the files attached to them.
import { missingParameter, fail } from "../core/errors.ts";
import { listPage } from "../core/pagination.ts";
import { type JsonObject, bodyObject, readMetadata, readNumber, readObject, readString } from "../core/read-body.ts";
import { type Route, ok, route } from "../core/route-table.ts";
import { attachFile, processingResponse } from "./attach.ts";
import { deletedObject, vectorStoreObject } from "./objects.ts";
import { pollFiles, refresh } from "./processing.ts";
import {
  type FilesContext,
  type VectorStoreFileRecord,
  type VectorStoreRecord,
  getFile,
  getVectorStore,
  getVectorStoreFile,
} from "./store.ts";

const fileIdsOf = (body: JsonObject): string[] =>
  Array.isArray(body["file_ids"]) ? body["file_ids"].filter((id): id is string => typeof id === "string") : [];

function createVectorStore(context: FilesContext, body: JsonObject): VectorStoreRecord {
  const days = readNumber(readObject(body, "expires_after") ?? {}, "days");
  const store = vectorStoreObject(context.newId("vs"), context.clock.now(), {
    name: readString(body, "name") ?? "",
    metadata: readMetadata(body) ?? {},
    ...(days === undefined ? {} : { expiresAfterDays: days }),
  });
  const record: VectorStoreRecord = { store, files: [], batches: [] };
  context.store.vectorStores.set(store.id, record);
  for (const fileId of fileIdsOf(body)) attachFile(context, record, fileId, {});
  refresh(context, record);
  return record;
}

/** `filter` narrows a list of attached files to one status. */
export function filtered(files: readonly VectorStoreFileRecord[], query: URLSearchParams) {
  const status = query.get("filter");
  return files.map((record) => record.file).filter((file) => !status || file.status === status);
}

export const vectorStoreRoutes: Route<FilesContext>[] = [
  route("POST", "/v1/vector_stores", (context, request) => {
    const body = bodyObject(request.body);
    // Check every file first: a failed request must not leave a store behind.
    for (const fileId of fileIdsOf(body)) getFile(context, fileId);
    return processingResponse(context, createVectorStore(context, body).store);
  }),
  route("GET", "/v1/vector_stores", (context, request) =>
    ok(
      listPage(
        [...context.store.vectorStores.values()].map((record) => record.store),
        request.query,
      ),
    ),
  ),
  route("GET", "/v1/vector_stores/{vector_store_id}", (context, _request, param) => {
    const record = getVectorStore(context, param("vector_store_id"));
    pollFiles(context, record, record.files);
    return processingResponse(context, record.store);
  }),
  route("DELETE", "/v1/vector_stores/{vector_store_id}", (context, _request, param) => {
    const { store } = getVectorStore(context, param("vector_store_id"));
    context.store.vectorStores.delete(store.id);
    return ok(deletedObject(store.id, "vector_store.deleted"));
  }),
  route("POST", "/v1/vector_stores/{vector_store_id}/files", (context, request, param) => {
    const record = getVectorStore(context, param("vector_store_id"));
    const body = bodyObject(request.body);
    const attached = attachFile(context, record, readString(body, "file_id") ?? fail(missingParameter("file_id")), body);
    refresh(context, record);
    return processingResponse(context, attached.file);
  }),
  route("GET", "/v1/vector_stores/{vector_store_id}/files", (context, request, param) =>
    ok(listPage(filtered(getVectorStore(context, param("vector_store_id")).files, request.query), request.query)),
  ),
  route("GET", "/v1/vector_stores/{vector_store_id}/files/{file_id}", (context, _request, param) => {
    const record = getVectorStore(context, param("vector_store_id"));
    const attached = getVectorStoreFile(record, param("file_id"));
    pollFiles(context, record, [attached]);
    return processingResponse(context, attached.file);
  }),
  route("DELETE", "/v1/vector_stores/{vector_store_id}/files/{file_id}", (context, _request, param) => {
    const record = getVectorStore(context, param("vector_store_id"));
    const attached = getVectorStoreFile(record, param("file_id"));
    record.files = record.files.filter((candidate) => candidate !== attached);
    refresh(context, record);
    return ok(deletedObject(attached.file.id, "vector_store.file.deleted"));
  }),
];

// /v1/vector_stores/{vector_store_id}/file_batches: several files attached in one request.
import { apiError, fail, missingParameter } from "../core/errors.ts";
import { listPage } from "../core/pagination.ts";
import { bodyObject } from "../core/read-body.ts";
import { type Route, ok, route } from "../core/route-table.ts";
import { attachFile, batchEntries, processingResponse } from "./attach.ts";
import { fileBatchObject } from "./objects.ts";
import { pollFiles, refresh } from "./processing.ts";
import { filtered } from "./routes-vector-stores.ts";
import { type FilesContext, type VectorStoreRecord, getBatch, getFile, getVectorStore } from "./store.ts";

function batchOf(context: FilesContext, param: (name: string) => string) {
  const record: VectorStoreRecord = getVectorStore(context, param("vector_store_id"));
  return { record, batch: getBatch(record, param("batch_id")) };
}

export const fileBatchRoutes: Route<FilesContext>[] = [
  route("POST", "/v1/vector_stores/{vector_store_id}/file_batches", (context, request, param) => {
    const record = getVectorStore(context, param("vector_store_id"));
    const entries = batchEntries(bodyObject(request.body));
    if (entries.length === 0) fail(missingParameter("file_ids"));
    // Check every file first: a failed request must not attach half of them.
    for (const entry of entries) getFile(context, entry.fileId);
    const batch = fileBatchObject(context.newId("vsfb"), record.store.id, context.clock.now());
    record.batches.push(batch);
    for (const entry of entries) attachFile(context, record, entry.fileId, entry.body, batch.id);
    refresh(context, record);
    return processingResponse(context, batch);
  }),
  route("GET", "/v1/vector_stores/{vector_store_id}/file_batches/{batch_id}", (context, _request, param) => {
    const { record, batch } = batchOf(context, param);
    pollFiles(
      context,
      record,
      record.files.filter((file) => file.batchId === batch.id),
    );
    return processingResponse(context, batch);
  }),
  route("POST", "/v1/vector_stores/{vector_store_id}/file_batches/{batch_id}/cancel", (context, _request, param) => {
    const { record, batch } = batchOf(context, param);
    if (batch.status !== "in_progress") fail(apiError(400, `Cannot cancel a file batch with status '${batch.status}'.`));
    for (const attached of record.files)
      if (attached.batchId === batch.id && attached.file.status === "in_progress") attached.file.status = "cancelled";
    batch.status = "cancelled";
    refresh(context, record);
    return ok(batch);
  }),
  route("GET", "/v1/vector_stores/{vector_store_id}/file_batches/{batch_id}/files", (context, request, param) => {
    const { record, batch } = batchOf(context, param);
    return ok(
      listPage(
        filtered(
          record.files.filter((file) => file.batchId === batch.id),
          request.query,
        ),
        request.query,
      ),
    );
  }),
];

// /v1/files: upload (multipart), list, retrieve, download the content, delete.
import { apiError, fail, missingParameter } from "../core/errors.ts";
import { formField, formFile } from "../core/multipart.ts";
import { listPage } from "../core/pagination.ts";
import { type Route, ok, route } from "../core/route-table.ts";
import type { SimRequest, SimResponse } from "../core/types.ts";
import { type FilePurpose, deletedObject, fileObject } from "./objects.ts";
import { refresh } from "./processing.ts";
import { type FilesContext, type StoredFile, getFile } from "./store.ts";

const UPLOAD_PURPOSES: readonly FilePurpose[] = ["assistants", "batch", "fine-tune", "vision", "user_data", "evals"];

/** Purposes whose files the API never handed back: what you uploaded for the assistants stays there. */
const NOT_DOWNLOADABLE: ReadonlySet<FilePurpose> = new Set(["assistants"]);

function readPurpose(request: SimRequest): FilePurpose {
  const purpose = formField(request.form, "purpose") ?? fail(missingParameter("purpose"));
  if ((UPLOAD_PURPOSES as readonly string[]).includes(purpose)) return purpose as FilePurpose;
  const allowed = UPLOAD_PURPOSES.map((p) => `'${p}'`).join(", ");
  return fail(
    apiError(400, `Invalid value for 'purpose': '${purpose}'. Supported values are: ${allowed}.`, {
      param: "purpose",
      code: "invalid_value",
    }),
  );
}

function tooLarge(size: number, limit: number): SimResponse {
  const most = limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${limit} bytes`;
  return apiError(413, `File is too large: it has ${size} bytes, and files can be at most ${most}.`, {
    param: "file",
    code: "file_too_large",
  });
}

/** Stores an upload and returns it; the content type is the one the part declared. */
function upload(context: FilesContext, request: SimRequest): StoredFile {
  const part = formFile(request.form, "file") ?? fail(missingParameter("file"));
  const purpose = readPurpose(request);
  if (part.data.length > context.maxFileBytes) fail(tooLarge(part.data.length, context.maxFileBytes));
  const filename = part.filename || "upload";
  const file = fileObject(context.newId("file"), context.clock.now(), { bytes: part.data.length, filename, purpose });
  const stored = { file, data: new Uint8Array(part.data), contentType: part.contentType ?? "application/octet-stream" };
  context.store.files.set(file.id, stored);
  return stored;
}

export const fileRoutes: Route<FilesContext>[] = [
  route("POST", "/v1/files", (context, request) => ok(upload(context, request).file)),
  route("GET", "/v1/files", (context, request) => {
    const purpose = request.query.get("purpose");
    const files = [...context.store.files.values()].map((stored) => stored.file);
    return ok(listPage(purpose ? files.filter((file) => file.purpose === purpose) : files, request.query));
  }),
  route("GET", "/v1/files/{file_id}", (context, _request, param) => ok(getFile(context, param("file_id")).file)),
  route("GET", "/v1/files/{file_id}/content", (context, _request, param) => {
    const { file, data, contentType } = getFile(context, param("file_id"));
    if (NOT_DOWNLOADABLE.has(file.purpose)) fail(apiError(400, `Not allowed to download files of purpose: ${file.purpose}`));
    return { status: 200, headers: {}, bytes: { data, contentType } };
  }),
  route("DELETE", "/v1/files/{file_id}", (context, _request, param) => {
    const { file } = getFile(context, param("file_id"));
    context.store.files.delete(file.id);
    // Deleting a file also removes it from every vector store.
    for (const record of context.store.vectorStores.values()) {
      record.files = record.files.filter((attached) => attached.file.id !== file.id);
      refresh(context, record);
    }
    return ok(deletedObject(file.id, "file"));
  }),
];

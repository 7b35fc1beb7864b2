// Files and vector stores (/v1/files, /v1/vector_stores): shared by the Assistants and the
// Responses APIs, and not shut down with the Assistants API. What goes wrong here is an upload
// that is too large, a file type file_search cannot read, and a vector store file that is
// still being processed when the lesson moves on (its content cannot be found yet).
import type { Exchange } from "../fixtures/format.ts";
import type { ApiFamily, FamilyProblem } from "./family.ts";

const OWNED = /^\/v1\/(files|vector_stores)(\/|$)/;

const SEARCHABLE = ".pdf, .md, .txt, .docx, .pptx, .html, .json and source files";

type ErrorBody = { error?: { message?: string; code?: string | null } };

const apiError = (exchange: Exchange) => (exchange.response.body as ErrorBody | undefined)?.error;

/** The file name of an upload, from its recorded form. */
const uploadName = (exchange: Exchange) => exchange.request.form?.find((field) => field.file)?.file;

function statusProblem(exchange: Exchange): FamilyProblem | undefined {
  const { status } = exchange.response;
  const error = apiError(exchange);
  const said = error?.message ?? exchange.response.text ?? "";
  const where = `${exchange.request.method} ${exchange.request.path}`;
  if (status === 413 || error?.code === "file_too_large") {
    const file = uploadName(exchange);
    const what = file ? `${file.filename} (${file.size} bytes)` : "the upload";
    return {
      message: `${what} is too large for ${where} (${status}: ${said})`,
      fix: "upload a file of at most 512 MB: split it, or compress its images",
    };
  }
  if (error?.code === "unsupported_file" || /not supported for retrieval/.test(said)) {
    return {
      message: `file_search cannot read this file type (${status} on ${where}: ${said})`,
      fix: `give file_search one of ${SEARCHABLE}, or give the file to the code interpreter instead`,
    };
  }
  if (status === 400 && /^Not allowed to download files of purpose/.test(said)) {
    return {
      message: `${where} refused: ${said}`,
      fix: "only files the API made (purpose assistants_output, such as a chart) can be downloaded; keep your own copy of what you upload",
    };
  }
  return undefined;
}

type Processing = {
  object?: string;
  id?: string;
  vector_store_id?: string;
  status?: string;
  last_error?: { code?: string; message?: string } | null;
};

function objectProblem(value: unknown): FamilyProblem | undefined {
  const item = value as Processing | undefined;
  if (item?.object !== "vector_store.file" && item?.object !== "vector_store.files_batch") return undefined;
  const what = item.object === "vector_store.file" ? `file ${item.id}` : `file batch ${item.id}`;
  const where = `vector store ${item.vector_store_id}`;
  if (item.status === "failed") {
    const lastError = item.last_error ? `: ${item.last_error.code}: ${item.last_error.message}` : "";
    const unsupported = item.last_error?.code === "unsupported_file";
    return {
      message: `${what} failed to process in ${where}${lastError}`,
      fix: unsupported
        ? `give file_search one of ${SEARCHABLE}, or give the file to the code interpreter instead`
        : 'list the failed files with files.list(vectorStoreId, { filter: "failed" }) and add them again',
    };
  }
  if (item.status !== "in_progress") return undefined;
  return {
    message: `${what} in ${where} was still being processed when the cell ended, so file_search cannot find its content yet`,
    fix: "wait for processing before you start a run: use createAndPoll (or poll the file until its status is completed)",
  };
}

export const filesFamily: ApiFamily = {
  name: "files",
  title: "Files and vector stores",
  owns: (path) => OWNED.test(path),
  schemaBundle: "assistants-v2.schemas.json",
  statusProblem,
  objectProblem,
  expectFailureTag: "expect-file-failure",
};

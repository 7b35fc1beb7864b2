// Vector store files are processed (chunked and embedded) in the background. Here processing
// advances when someone looks: each retrieve of the file, of its batch or of its vector store
// counts as one poll, and the n-th poll finishes it. So `createAndPoll` always sees in_progress
// first and then the end, however fast it polls, and replays stay deterministic.
import type { FileCounts, FileError, ProcessingStatus } from "./objects.ts";
import { noFiles } from "./objects.ts";
import type { FilesContext, VectorStoreFileRecord, VectorStoreRecord } from "./store.ts";

/** The file types file_search could read (the Assistants file_search guide). */
const SEARCHABLE = new Set([
  "c",
  "cpp",
  "cs",
  "css",
  "doc",
  "docx",
  "go",
  "html",
  "java",
  "js",
  "json",
  "md",
  "pdf",
  "php",
  "pptx",
  "py",
  "rb",
  "sh",
  "tex",
  "ts",
  "txt",
]);

export const extensionOf = (filename: string): string => /\.([^./]+)$/.exec(filename)?.[1]?.toLowerCase() ?? "";

export const isSearchable = (filename: string): boolean => SEARCHABLE.has(extensionOf(filename));

export function unsupportedFile(filename: string): FileError {
  const extension = extensionOf(filename);
  return {
    code: "unsupported_file",
    message: `Files with extensions [${extension ? `.${extension}` : "none"}] are not supported for retrieval. See https://platform.openai.com/docs/assistants/tools/file-search#supported-files`,
  };
}

/** One poll of one file; the n-th finishes it. */
export function pollFile(context: FilesContext, record: VectorStoreFileRecord, filename: string): void {
  const { file } = record;
  if (file.status !== "in_progress") return;
  record.polls += 1;
  if (record.polls < context.pollsUntilDone) return;
  if (record.outcome === "failed") {
    file.status = "failed";
    file.last_error = unsupportedFile(filename);
    return;
  }
  file.status = "completed";
  file.usage_bytes = context.store.files.get(file.id)?.data.length ?? 0;
}

export function countFiles(records: readonly VectorStoreFileRecord[]): FileCounts {
  const counts = noFiles();
  for (const { file } of records) counts[file.status] += 1;
  counts.total = records.length;
  return counts;
}

/** A batch is done when none of its files is still processing; it failed when any failed. */
function batchStatus(counts: FileCounts, current: ProcessingStatus): ProcessingStatus {
  if (current === "cancelled" || counts.in_progress > 0) return current;
  return counts.failed > 0 ? "failed" : "completed";
}

/** Brings a vector store's counts, status and usage, and those of its batches, up to date. */
export function refresh(context: FilesContext, record: VectorStoreRecord): void {
  const { store } = record;
  store.file_counts = countFiles(record.files);
  store.status = store.file_counts.in_progress > 0 ? "in_progress" : "completed";
  store.usage_bytes = record.files.reduce((sum, { file }) => sum + file.usage_bytes, 0);
  for (const batch of record.batches) {
    batch.file_counts = countFiles(record.files.filter((file) => file.batchId === batch.id));
    batch.status = batchStatus(batch.file_counts, batch.status);
  }
  if (store.expires_at !== null && context.clock.now() >= store.expires_at) store.status = "expired";
}

/** Polls the given files of a vector store once each, then refreshes the store. */
export function pollFiles(context: FilesContext, record: VectorStoreRecord, files: readonly VectorStoreFileRecord[]): void {
  for (const file of files) pollFile(context, file, context.store.files.get(file.file.id)?.file.filename ?? "");
  refresh(context, record);
}

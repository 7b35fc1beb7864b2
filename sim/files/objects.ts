// Files and vector stores as the API sent them. Key order is part of the contract (lessons
// print these objects), so each builder lists its keys in the order of the official examples.
// Fields the spec types as non-null (a file's `expires_at`, a store's `expires_after`) are left
// out rather than sent as null when they do not apply.
type Metadata = Record<string, string>;

export type FilePurpose = "assistants" | "assistants_output" | "batch" | "fine-tune" | "vision" | "user_data" | "evals";
export type ProcessingStatus = "in_progress" | "completed" | "cancelled" | "failed";
export type FileCounts = { in_progress: number; completed: number; failed: number; cancelled: number; total: number };
export type FileError = { code: "server_error" | "unsupported_file" | "invalid_file"; message: string };

export type FileObject = {
  id: string;
  object: "file";
  bytes: number;
  created_at: number;
  filename: string;
  purpose: FilePurpose;
  /** Deprecated in the API but still sent: uploads are "processed" at once. */
  status: "uploaded" | "processed" | "error";
};

export type VectorStoreObject = {
  id: string;
  object: "vector_store";
  created_at: number;
  name: string;
  usage_bytes: number;
  file_counts: FileCounts;
  status: "expired" | "in_progress" | "completed";
  expires_after?: { anchor: "last_active_at"; days: number };
  expires_at: number | null;
  last_active_at: number | null;
  metadata: Metadata;
};

export type VectorStoreFileObject = {
  id: string;
  object: "vector_store.file";
  usage_bytes: number;
  created_at: number;
  vector_store_id: string;
  status: ProcessingStatus;
  last_error: FileError | null;
  chunking_strategy: { type: "static"; static: { max_chunk_size_tokens: number; chunk_overlap_tokens: number } };
  attributes: Record<string, string | number | boolean>;
};

export type FileBatchObject = {
  id: string;
  object: "vector_store.files_batch";
  created_at: number;
  vector_store_id: string;
  status: ProcessingStatus;
  file_counts: FileCounts;
};

export function fileObject(id: string, createdAt: number, fields: { bytes: number; filename: string; purpose: FilePurpose }): FileObject {
  return {
    id,
    object: "file",
    bytes: fields.bytes,
    created_at: createdAt,
    filename: fields.filename,
    purpose: fields.purpose,
    status: "processed",
  };
}

export const noFiles = (): FileCounts => ({ in_progress: 0, completed: 0, failed: 0, cancelled: 0, total: 0 });

export function vectorStoreObject(
  id: string,
  createdAt: number,
  fields: { name: string; metadata: Metadata; expiresAfterDays?: number },
): VectorStoreObject {
  const store: VectorStoreObject = {
    id,
    object: "vector_store",
    created_at: createdAt,
    name: fields.name,
    usage_bytes: 0,
    file_counts: noFiles(),
    status: "completed",
    expires_at: null,
    last_active_at: createdAt,
    metadata: fields.metadata,
  };
  if (fields.expiresAfterDays === undefined) return store;
  // The policy sits between status and expires_at, as the API sent it.
  const { expires_at, last_active_at, metadata, ...head } = store;
  const expiresAt = createdAt + fields.expiresAfterDays * 86_400;
  return {
    ...head,
    expires_after: { anchor: "last_active_at", days: fields.expiresAfterDays },
    expires_at: expiresAt,
    last_active_at,
    metadata,
  };
}

/** The API's default chunking: 800-token chunks overlapping by 400. */
const AUTO_CHUNKS = { type: "static" as const, static: { max_chunk_size_tokens: 800, chunk_overlap_tokens: 400 } };

export function vectorStoreFileObject(
  fileId: string,
  vectorStoreId: string,
  createdAt: number,
  attributes: VectorStoreFileObject["attributes"],
): VectorStoreFileObject {
  return {
    id: fileId,
    object: "vector_store.file",
    usage_bytes: 0,
    created_at: createdAt,
    vector_store_id: vectorStoreId,
    status: "in_progress",
    last_error: null,
    chunking_strategy: structuredClone(AUTO_CHUNKS),
    attributes,
  };
}

export function fileBatchObject(id: string, vectorStoreId: string, createdAt: number): FileBatchObject {
  return {
    id,
    object: "vector_store.files_batch",
    created_at: createdAt,
    vector_store_id: vectorStoreId,
    status: "in_progress",
    file_counts: noFiles(),
  };
}

export function deletedObject(id: string, object: "file" | "vector_store.deleted" | "vector_store.file.deleted") {
  return { id, object, deleted: true };
}

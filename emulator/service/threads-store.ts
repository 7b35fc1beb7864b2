// Thread lookups, and the thread's own vector store: files attached to messages for file_search
// go into a vector store made for the thread (as the Assistants API did), which the thread's
// tool_resources then list.
import { fail } from "../../sim/core/errors.ts";
import { isObject, readArray, readObject, readString } from "../../sim/core/read-body.ts";
import { notFound } from "../core/errors.ts";
import type { Emulator } from "../core/ports.ts";
import type { ThreadRecord } from "../core/records.ts";
import { setTimeout as sleep } from "node:timers/promises";
import { call } from "./upstream-calls.ts";

export function getThread(emu: Emulator, id: string): ThreadRecord {
  return emu.store.thread(id) ?? fail(notFound("thread", id));
}

function fileSearchFiles(attachments: readonly unknown[]): string[] {
  return attachments.filter(isObject).flatMap((attachment) => {
    const tools = readArray(attachment, "tools") ?? [];
    const forSearch = tools.some((tool) => isObject(tool) && tool["type"] === "file_search");
    const fileId = readString(attachment, "file_id");
    return forSearch && fileId ? [fileId] : [];
  });
}

/** Puts files attached for file_search into the thread's vector store, making it on first use. */
export async function addFileSearchAttachments(emu: Emulator, thread: ThreadRecord, attachments: readonly unknown[]): Promise<void> {
  const fileIds = fileSearchFiles(attachments);
  if (fileIds.length === 0) return;
  if (thread.vectorStoreId) {
    const path = `/v1/vector_stores/${encodeURIComponent(thread.vectorStoreId)}/file_batches`;
    await call(emu, "POST", path, { file_ids: fileIds });
  } else {
    const store = await call(emu, "POST", "/v1/vector_stores", { name: `thread ${thread.thread.id}`, file_ids: fileIds });
    thread.vectorStoreId = readString(store, "id") ?? "";
    const resources = thread.thread.tool_resources;
    const ids = (readArray(readObject(resources, "file_search") ?? {}, "vector_store_ids") ?? []).filter((id) => typeof id === "string");
    thread.thread.tool_resources = { ...resources, file_search: { vector_store_ids: [...ids, thread.vectorStoreId] } };
  }
  emu.store.putThread(thread);
}

/** How long a run waits for the thread's own vector store to finish indexing its files. */
const INDEXING_WAIT_MS = 60_000;

/**
 * Files attached for file_search are searchable only once indexed. As the Assistants API did for
 * the vector stores it made for a thread, a run waits for that (bounded; then it runs anyway).
 */
export async function awaitThreadVectorStore(emu: Emulator, thread: ThreadRecord): Promise<void> {
  if (!thread.vectorStoreId) return;
  const interval = Math.max(1, emu.pollAfterMs ?? 500);
  const path = `/v1/vector_stores/${encodeURIComponent(thread.vectorStoreId)}`;
  for (let waited = 0; waited < INDEXING_WAIT_MS; waited += interval) {
    if ((await call(emu, "GET", path))["status"] !== "in_progress") return;
    await sleep(interval);
  }
}

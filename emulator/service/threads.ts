// /v1/threads: each thread is a conversation upstream. The thread object (created_at,
// metadata, tool_resources) is kept here; its messages are the conversation's items.
import { bodyObject, type JsonObject, isObject, readArray, readMetadata, readString } from "../../sim/core/read-body.ts";
import { deletedObject, type ThreadObject, threadObject } from "../core/objects.ts";
import type { Emulator } from "../core/ports.ts";
import type { ThreadRecord } from "../core/records.ts";
import type { EmuRequest } from "../core/types.ts";
import { addMessages, readMessage } from "./messages.ts";
import { getThread } from "./threads-store.ts";
import { toolResources } from "./tool-resources.ts";
import { call, conversationPath, onConversation } from "./upstream-calls.ts";

/** Makes the conversation, then adds the thread's first messages (POST /v1/threads and /v1/threads/runs). */
export async function newThread(emu: Emulator, body: JsonObject): Promise<ThreadRecord> {
  const messages = (readArray(body, "messages") ?? []).filter(isObject).map(readMessage);
  const resources = await toolResources(emu, body);
  const metadata = readMetadata(body) ?? {};
  const conversation = await call(emu, "POST", "/v1/conversations", { metadata });
  const thread = threadObject(emu.newId("thread"), emu.clock.now(), { metadata, ...(resources ? { tool_resources: resources } : {}) });
  const record: ThreadRecord = { thread, conversationId: readString(conversation, "id") ?? "" };
  emu.store.putThread(record);
  if (messages.length > 0) await addMessages(emu, record, messages);
  return record;
}

export async function createThread(emu: Emulator, request: EmuRequest): Promise<ThreadObject> {
  return (await newThread(emu, bodyObject(request.body))).thread;
}

export const retrieveThread = (emu: Emulator, id: string): ThreadObject => getThread(emu, id).thread;

export async function modifyThread(emu: Emulator, id: string, request: EmuRequest): Promise<ThreadObject> {
  const record = getThread(emu, id);
  const body = bodyObject(request.body);
  const metadata = readMetadata(body);
  if (metadata) {
    await onConversation(emu, id, "POST", conversationPath(record.conversationId), { metadata });
    record.thread.metadata = metadata;
  }
  const resources = await toolResources(emu, body);
  if (resources) record.thread.tool_resources = resources;
  emu.store.putThread(record);
  return record.thread;
}

export async function deleteThread(emu: Emulator, id: string) {
  const record = getThread(emu, id);
  await onConversation(emu, id, "DELETE", conversationPath(record.conversationId));
  emu.store.deleteThread(id);
  return deletedObject(id, "thread");
}

// /v1/threads/{thread_id}/messages: conversation items of the thread's conversation, with the
// Assistants fields the items cannot hold kept in each message's meta.
import { apiError, fail, missingParameter } from "../../sim/core/errors.ts";
import { listPage } from "../../sim/core/pagination.ts";
import { bodyObject, type JsonObject, readArray, readMetadata, readString } from "../../sim/core/read-body.ts";
import { messageDuringRun, notFound } from "../core/errors.ts";
import { isThreadMessage, messageFromItem, unknownMeta } from "../core/messages.ts";
import type { MessageObject } from "../core/objects.ts";
import type { Emulator } from "../core/ports.ts";
import type { MessageMeta, ThreadRecord } from "../core/records.ts";
import { messageItem } from "../core/to-responses.ts";
import type { EmuRequest } from "../core/types.ts";
import { syncThread } from "./run-sync.ts";
import { addFileSearchAttachments, getThread } from "./threads-store.ts";
import { addItems, allItems, conversationPath, onConversation } from "./upstream-calls.ts";

export type NewMessage = { item: JsonObject; metadata: MessageMeta["metadata"]; attachments: unknown[] };

function readRole(body: JsonObject): "user" | "assistant" {
  const role = readString(body, "role") ?? fail(missingParameter("role"));
  if (role === "user" || role === "assistant") return role;
  return fail(
    apiError(400, `Invalid value: '${role}'. Supported values are: 'user' and 'assistant'.`, { param: "role", code: "invalid_value" }),
  );
}

/** Checks a message body and translates it; nothing is sent yet. */
export function readMessage(body: JsonObject): NewMessage {
  const role = readRole(body);
  if (body["content"] === undefined) fail(missingParameter("content"));
  return {
    item: messageItem(role, body["content"]),
    metadata: readMetadata(body) ?? {},
    attachments: readArray(body, "attachments") ?? [],
  };
}

/** Adds messages to the thread's conversation and registers their metas. */
export async function addMessages(emu: Emulator, thread: ThreadRecord, messages: NewMessage[]): Promise<MessageObject[]> {
  await addFileSearchAttachments(
    emu,
    thread,
    messages.flatMap((message) => message.attachments),
  );
  const items = await addItems(
    emu,
    thread.thread.id,
    thread.conversationId,
    messages.map((message) => message.item),
  );
  const now = emu.clock.now();
  return items.filter(isThreadMessage).map((item, index) => {
    const given = messages[index];
    const meta: MessageMeta = {
      ...unknownMeta(item.id, thread.thread.id, now),
      metadata: given?.metadata ?? {},
      attachments: given?.attachments ?? [],
    };
    emu.store.putMessage(meta);
    return messageFromItem(item, meta);
  });
}

export async function createMessage(emu: Emulator, threadId: string, request: EmuRequest): Promise<MessageObject> {
  const thread = getThread(emu, threadId);
  const message = readMessage(bodyObject(request.body));
  const active = await syncThread(emu, threadId);
  if (active) fail(messageDuringRun(threadId, active.run.id));
  const [created] = await addMessages(emu, thread, [message]);
  return created ?? fail(apiError(500, "The upstream conversation did not return the new message.", { type: "server_error" }));
}

function metaOf(emu: Emulator, id: string, threadId: string): MessageMeta {
  const known = emu.store.message(id);
  if (known) return known;
  const meta = unknownMeta(id, threadId, emu.clock.now());
  emu.store.putMessage(meta);
  return meta;
}

export async function listMessages(emu: Emulator, threadId: string, request: EmuRequest) {
  const thread = getThread(emu, threadId);
  await syncThread(emu, threadId);
  const items = (await allItems(emu, threadId, thread.conversationId)).filter(isThreadMessage);
  const messages = items.map((item) => messageFromItem(item, metaOf(emu, item.id, threadId)));
  const runId = request.query.get("run_id");
  return listPage(runId ? messages.filter((message) => message.run_id === runId) : messages, request.query);
}

async function getMessageItem(emu: Emulator, thread: ThreadRecord, messageId: string) {
  const path = `${conversationPath(thread.conversationId)}/items/${encodeURIComponent(messageId)}`;
  const item = await onConversation(emu, thread.thread.id, "GET", path, undefined, messageId);
  return isThreadMessage(item) ? item : fail(notFound("message", messageId));
}

export async function retrieveMessage(emu: Emulator, threadId: string, messageId: string): Promise<MessageObject> {
  const thread = getThread(emu, threadId);
  return messageFromItem(await getMessageItem(emu, thread, messageId), metaOf(emu, messageId, threadId));
}

export async function modifyMessage(emu: Emulator, threadId: string, messageId: string, request: EmuRequest): Promise<MessageObject> {
  const thread = getThread(emu, threadId);
  const item = await getMessageItem(emu, thread, messageId);
  const meta = metaOf(emu, messageId, threadId);
  meta.metadata = readMetadata(bodyObject(request.body)) ?? meta.metadata;
  emu.store.putMessage(meta);
  return messageFromItem(item, meta);
}

export async function deleteMessage(emu: Emulator, threadId: string, messageId: string) {
  const thread = getThread(emu, threadId);
  const path = `${conversationPath(thread.conversationId)}/items/${encodeURIComponent(messageId)}`;
  await onConversation(emu, threadId, "DELETE", path, undefined, messageId);
  emu.store.deleteMessage(messageId);
  return { id: messageId, object: "thread.message.deleted", deleted: true };
}

// /v1/threads/{thread_id}/messages. A thread's messages are its conversation's message items,
// then the posted messages still waiting for a run (records.ts). Either way a message keeps the
// id it was first given, with the Assistants fields items cannot hold kept in its meta.
import { apiError, fail, missingParameter } from "../../sim/core/errors.ts";
import { listPage } from "../../sim/core/pagination.ts";
import { bodyObject, type JsonObject, readArray, readMetadata, readString } from "../../sim/core/read-body.ts";
import { messageDuringRun, notFound } from "../core/errors.ts";
import { isThreadMessage, messageFromItem, unknownMeta, waiting, waitingMessage } from "../core/messages.ts";
import type { MessageObject } from "../core/objects.ts";
import type { Emulator } from "../core/ports.ts";
import type { MessageMeta, ThreadRecord } from "../core/records.ts";
import { messageItem } from "../core/to-responses.ts";
import type { EmuRequest } from "../core/types.ts";
import { syncThread } from "./run-sync.ts";
import { addFileSearchAttachments, getThread } from "./threads-store.ts";
import { allItems, conversationPath, onConversation } from "./upstream-calls.ts";

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

/** Posts messages to the thread: kept here until a run sends them (file_search attachments go to the thread's vector store now). */
export async function addMessages(emu: Emulator, thread: ThreadRecord, messages: NewMessage[]): Promise<MessageObject[]> {
  await addFileSearchAttachments(
    emu,
    thread,
    messages.flatMap((message) => message.attachments),
  );
  const now = emu.clock.now();
  return messages.map(({ item, metadata, attachments }) => {
    const id = emu.newId("msg");
    const meta: MessageMeta = { ...unknownMeta(id, thread.thread.id, now), metadata, attachments, itemId: null, item };
    emu.store.putMessage(meta);
    return waitingMessage(meta);
  });
}

export async function createMessage(emu: Emulator, threadId: string, request: EmuRequest): Promise<MessageObject> {
  const thread = getThread(emu, threadId);
  const message = readMessage(bodyObject(request.body));
  const active = await syncThread(emu, threadId);
  if (active) fail(messageDuringRun(threadId, active.run.id));
  const [created] = await addMessages(emu, thread, [message]);
  return created!;
}

function metaOfItem(emu: Emulator, itemId: string, threadId: string): MessageMeta {
  const known = emu.store.message(emu.store.messageIdOf(itemId));
  if (known) return known;
  const meta = unknownMeta(itemId, threadId, emu.clock.now());
  emu.store.putMessage(meta);
  return meta;
}

export async function listMessages(emu: Emulator, threadId: string, request: EmuRequest) {
  const thread = getThread(emu, threadId);
  await syncThread(emu, threadId);
  const items = (await allItems(emu, threadId, thread.conversationId)).filter(isThreadMessage);
  const inConversation = items.map((item) => {
    const meta = metaOfItem(emu, item.id, threadId);
    return messageFromItem({ ...item, id: meta.id }, meta);
  });
  const messages = [...inConversation, ...waiting(emu.store.messages(threadId)).map(waitingMessage)];
  const runId = request.query.get("run_id");
  return listPage(runId ? messages.filter((message) => message.run_id === runId) : messages, request.query);
}

const itemPath = (thread: ThreadRecord, itemId: string) => `${conversationPath(thread.conversationId)}/items/${encodeURIComponent(itemId)}`;

/** The message and its meta: a waiting one from here, any other from its conversation item. */
async function findMessage(emu: Emulator, thread: ThreadRecord, messageId: string): Promise<[MessageObject, MessageMeta]> {
  const known = emu.store.message(messageId);
  if (known?.threadId !== undefined && known.threadId !== thread.thread.id) fail(notFound("message", messageId));
  if (known?.item && known.itemId === null) return [waitingMessage(known), known];
  const itemId = known?.itemId ?? messageId;
  const item = await onConversation(emu, thread.thread.id, "GET", itemPath(thread, itemId), undefined, messageId);
  if (!isThreadMessage(item)) fail(notFound("message", messageId));
  const meta = known ?? metaOfItem(emu, itemId, thread.thread.id);
  return [messageFromItem({ ...item, id: meta.id }, meta), meta];
}

export async function retrieveMessage(emu: Emulator, threadId: string, messageId: string): Promise<MessageObject> {
  return (await findMessage(emu, getThread(emu, threadId), messageId))[0];
}

export async function modifyMessage(emu: Emulator, threadId: string, messageId: string, request: EmuRequest): Promise<MessageObject> {
  const [message, meta] = await findMessage(emu, getThread(emu, threadId), messageId);
  meta.metadata = readMetadata(bodyObject(request.body)) ?? meta.metadata;
  emu.store.putMessage(meta);
  return { ...message, metadata: meta.metadata };
}

export async function deleteMessage(emu: Emulator, threadId: string, messageId: string) {
  const thread = getThread(emu, threadId);
  const [, meta] = await findMessage(emu, thread, messageId);
  if (meta.itemId !== null) {
    await onConversation(emu, threadId, "DELETE", itemPath(thread, meta.itemId), undefined, messageId);
    emu.store.unlinkItem(meta.itemId);
  }
  emu.store.deleteMessage(meta.id);
  return { id: messageId, object: "thread.message.deleted", deleted: true };
}

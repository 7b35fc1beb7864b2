// Conversation items -> Assistants messages. Items hold role, content and status; everything
// else a message has (created_at, metadata, the run that wrote it) comes from its MessageMeta.
import { isObject, type JsonObject, readArray, readString } from "../../sim/core/read-body.ts";
import { type MessageObject, messageObject } from "./objects.ts";
import type { MessageMeta } from "./records.ts";

/** A conversation item that is an Assistants message: a user or assistant turn. */
export function isThreadMessage(item: unknown): item is JsonObject & { id: string } {
  if (!isObject(item) || item["type"] !== "message" || typeof item["id"] !== "string") return false;
  return item["role"] === "user" || item["role"] === "assistant";
}

/**
 * Responses annotations point at a position in the text; Assistants annotations span the
 * marker text they replaced, which Responses text does not contain: the span is empty.
 */
function annotation(raw: unknown): JsonObject[] {
  if (!isObject(raw)) return [];
  const index = typeof raw["index"] === "number" ? raw["index"] : 0;
  const span = { text: "", start_index: raw["start_index"] ?? index, end_index: raw["end_index"] ?? index };
  if (raw["type"] === "file_citation") return [{ type: "file_citation", ...span, file_citation: { file_id: raw["file_id"] } }];
  if (raw["type"] === "container_file_citation" || raw["type"] === "file_path") {
    return [{ type: "file_path", ...span, file_path: { file_id: raw["file_id"] } }];
  }
  return []; // url_citation and others have no Assistants counterpart
}

export function textPart(part: JsonObject): JsonObject {
  const annotations = (readArray(part, "annotations") ?? []).flatMap(annotation);
  return { type: "text", text: { value: readString(part, "text") ?? "", annotations } };
}

function contentPart(raw: unknown): JsonObject[] {
  if (!isObject(raw)) return [];
  const type = raw["type"];
  if (type === "input_text" || type === "output_text") return [textPart(raw)];
  if (type === "refusal") return [{ type: "refusal", refusal: readString(raw, "refusal") ?? "" }];
  if (type === "input_image") {
    const detail = raw["detail"] ?? "auto";
    if (typeof raw["file_id"] === "string") return [{ type: "image_file", image_file: { file_id: raw["file_id"], detail } }];
    return [{ type: "image_url", image_url: { url: raw["image_url"] ?? "", detail } }];
  }
  return []; // input_file and the like: files reach the run as attachments instead
}

export function messageContent(item: JsonObject): JsonObject[] {
  const content = item["content"];
  if (typeof content === "string") return [textPart({ text: content })];
  return (Array.isArray(content) ? content : []).flatMap(contentPart);
}

function messageStatus(item: JsonObject): MessageObject["status"] {
  const status = readString(item, "status");
  return status === "in_progress" || status === "incomplete" ? status : "completed";
}

export function messageFromItem(item: JsonObject & { id: string }, meta: MessageMeta): MessageObject {
  return messageObject({
    id: item.id,
    createdAt: meta.createdAt,
    threadId: meta.threadId,
    role: item["role"] === "assistant" ? "assistant" : "user",
    content: messageContent(item),
    assistantId: meta.assistantId,
    runId: meta.runId,
    attachments: meta.attachments,
    metadata: meta.metadata,
    status: messageStatus(item),
    completedAt: meta.completedAt,
  });
}

/** The meta of a message nobody registered (added upstream directly): seen now, written by no run. */
export function unknownMeta(id: string, threadId: string, now: number): MessageMeta {
  return { id, threadId, createdAt: now, completedAt: null, assistantId: null, runId: null, metadata: {}, attachments: [], itemId: id };
}

/** A posted message, as it is listed while it waits for a run: its input item with its id. */
export function waitingMessage(meta: MessageMeta): MessageObject {
  return messageFromItem({ ...meta.item, id: meta.id, status: "completed" }, meta);
}

/** Posted messages not yet in the conversation, oldest first: the next run's input. */
export function waiting(metas: readonly MessageMeta[]): MessageMeta[] {
  return metas.filter((meta) => meta.item !== undefined && meta.itemId === null);
}

/** File ids a message's attachments hand to the code interpreter. */
export function codeInterpreterFiles(meta: MessageMeta): string[] {
  return meta.attachments.filter(isObject).flatMap((attachment) => {
    const tools = readArray(attachment, "tools") ?? [];
    const forCode = tools.some((tool) => isObject(tool) && tool["type"] === "code_interpreter");
    const fileId = readString(attachment, "file_id");
    return forCode && fileId ? [fileId] : [];
  });
}

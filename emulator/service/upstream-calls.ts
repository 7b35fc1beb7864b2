// The upstream calls the services make, as typed helpers. A 2xx answer is returned; any other
// answer becomes the emulator's answer as it came (status, error body, retry hints), so a
// rejected key or a rate limit reads the same through the emulator as without it.
import { isObject, type JsonObject, readArray } from "../../sim/core/read-body.ts";
import type { SimResponse } from "../../sim/core/types.ts";
import { fail, notFound, upstreamUnavailable } from "../core/errors.ts";
import { type Emulator, UpstreamFailure, type UpstreamReply } from "../core/ports.ts";

const KEPT_HEADERS = ["retry-after", "retry-after-ms", "x-request-id"];

/** An upstream error answer, passed on; a body that is no OpenAI error becomes a 502. */
export function passError(reply: UpstreamReply): SimResponse {
  const headers = Object.fromEntries(KEPT_HEADERS.flatMap((name) => (reply.headers[name] ? [[name, reply.headers[name]]] : [])));
  if (isObject(reply.json) && isObject(reply.json["error"])) return { status: reply.status, headers, json: reply.json };
  return upstreamUnavailable(`it answered ${reply.status} without an error object`);
}

export async function call(emu: Emulator, method: string, path: string, body?: unknown): Promise<JsonObject> {
  let reply: UpstreamReply;
  try {
    reply = await emu.upstream.request(method, path, body);
  } catch (error) {
    if (error instanceof UpstreamFailure) fail(upstreamUnavailable(error.message));
    throw error;
  }
  if (reply.status >= 200 && reply.status < 300 && isObject(reply.json)) return reply.json;
  if (reply.status >= 200 && reply.status < 300) fail(upstreamUnavailable(`it answered ${reply.status} with no JSON object`));
  return fail(passError(reply));
}

/**
 * Calls on a thread's conversation. A 404 reads as the message being gone when the call names
 * one (`messageId`), else as the thread being gone.
 */
export async function onConversation(emu: Emulator, threadId: string, method: string, path: string, body?: unknown, messageId?: string) {
  try {
    return await call(emu, method, path, body);
  } catch (error) {
    if ((error as { response?: SimResponse }).response?.status !== 404) throw error;
    return messageId ? fail(notFound("message", messageId)) : fail(notFound("thread", threadId));
  }
}

export const conversationPath = (conversationId: string) => `/v1/conversations/${encodeURIComponent(conversationId)}`;

/** Every item of a conversation, oldest first. */
export async function allItems(emu: Emulator, threadId: string, conversationId: string): Promise<JsonObject[]> {
  const items: JsonObject[] = [];
  let after: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: "100", order: "asc", ...(after ? { after } : {}) });
    const page = await onConversation(emu, threadId, "GET", `${conversationPath(conversationId)}/items?${query}`);
    const data = (readArray(page, "data") ?? []).filter(isObject);
    items.push(...data);
    const last = data.at(-1)?.["id"];
    if (page["has_more"] !== true || typeof last !== "string") return items;
    after = last;
  }
}

export const responsePath = (responseId: string) => `/v1/responses/${encodeURIComponent(responseId)}`;

// The chat view: the messages a cell's traffic carried, as a conversation per thread (or
// per Responses conversation), user and assistant bubbles beside the raw JSON. Messages
// are collected from every response that holds them (a created message, a message list, a
// streamed message.completed; a response's input and output; conversation items), once
// each by id, oldest first. Text is shown as text, never as Markdown or HTML.
import type { Exchange } from "../fixtures/format.ts";
import { blockText, escapeHtml, inlineText } from "../render/html-escape.ts";
import type { SiteMessages } from "./messages.ts";

export interface ChatMessage {
  readonly id: string;
  readonly role: string;
  readonly text: string;
  /** Seconds, when the API said; 0 when it did not (conversation items). */
  readonly createdAt: number;
}

export interface Conversation {
  readonly thread: string;
  readonly messages: readonly ChatMessage[];
}

type Found = ChatMessage & { readonly thread: string };
type Loose = Record<string, unknown> | null | undefined;

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** A content part's text: Assistants `{ text: { value } }`, Responses `{ text }`, or a bare string. */
function partText(part: unknown): string {
  if (typeof part === "string") return part;
  const p = part as Loose;
  const inner = p?.["text"];
  if (typeof inner === "string") return inner;
  if (isObject(inner) && typeof inner["value"] === "string") return inner["value"];
  return `[${text(p?.["type"]) ?? "content"}]`;
}

const contentText = (content: unknown): string => (Array.isArray(content) ? content.map(partText).join("\n") : partText(content));

/** An Assistants `thread.message`, or a Responses / Conversations item of type "message". */
function asMessage(value: unknown, thread: string | undefined, createdAt = 0): Found | undefined {
  const m = value as Loose;
  const id = text(m?.["id"]);
  const role = text(m?.["role"]);
  if (!id || !role) return undefined;
  if (m?.["object"] === "thread.message") {
    const threadId = text(m["thread_id"]);
    const created = typeof m["created_at"] === "number" ? m["created_at"] : 0;
    return threadId ? { id, role, thread: threadId, text: contentText(m["content"]), createdAt: created } : undefined;
  }
  if (m?.["type"] === "message" && thread) return { id, role, thread, text: contentText(m["content"]), createdAt };
  return undefined;
}

/** Items of a list, oldest first: a GET list comes newest first unless it asked for `asc`. */
function listItems(exchange: Exchange, body: Loose): unknown[] {
  const data = Array.isArray(body?.["data"]) ? (body["data"] as unknown[]) : [];
  const newestFirst = exchange.request.method === "GET" && exchange.request.query?.["order"] !== "asc";
  return newestFirst ? [...data].reverse() : data;
}

/** A Responses call: what was sent as input and what came back as output, in one conversation. */
function responseTurn(exchange: Exchange, body: Loose): Found[] {
  const request = exchange.request.body as Loose;
  const conversation = request?.["conversation"] ?? body?.["conversation"];
  // Responses outside a conversation share one group, named "" (see SiteMessages.thread).
  const thread = text(conversation) ?? text((conversation as Loose)?.["id"]) ?? "";
  const id = text(body?.["id"]) ?? "response";
  const createdAt = typeof body?.["created_at"] === "number" ? body["created_at"] : 0;
  const input = request?.["input"];
  const sent: Found[] =
    typeof input === "string"
      ? [{ id: `${id}:input`, role: "user", thread, text: input, createdAt }]
      : (Array.isArray(input) ? input : []).flatMap((item, i) => {
          const role = text((item as Loose)?.["role"]);
          return role
            ? [
                {
                  id: text((item as Loose)?.["id"]) ?? `${id}:input:${i}`,
                  role,
                  thread,
                  text: contentText((item as Loose)?.["content"]),
                  createdAt,
                },
              ]
            : [];
        });
  const output = Array.isArray(body?.["output"]) ? (body["output"] as unknown[]) : [];
  return [...sent, ...output.flatMap((item) => asMessage(item, thread, createdAt) ?? [])];
}

/** Every message one exchange carried. */
function messagesIn(exchange: Exchange): Found[] {
  const body = exchange.response.body as Loose;
  const conversation = /^\/v1\/conversations\/([^/]+)\/items/.exec(exchange.request.path)?.[1];
  let found: (Found | undefined)[] = [];
  if (body?.["object"] === "response" && exchange.request.method === "POST") found = responseTurn(exchange, body);
  else if (body?.["object"] === "list") found = listItems(exchange, body).map((item) => asMessage(item, conversation));
  else if (body !== undefined) found = [asMessage(body, conversation)];
  for (const frame of exchange.response.events ?? []) {
    if (frame.event === "thread.message.completed") found.push(asMessage(frame.data, undefined));
    if (frame.event === "response.completed" && isObject(frame.data))
      found.push(...responseTurn(exchange, frame.data["response"] as Loose));
  }
  return found.filter((m): m is Found => m !== undefined);
}

/** Conversations with at least one assistant message, by thread in order of first appearance. */
export function conversations(exchanges: readonly Exchange[]): Conversation[] {
  const threads = new Map<string, Map<string, ChatMessage>>();
  for (const message of exchanges.flatMap(messagesIn)) {
    const thread = threads.get(message.thread) ?? new Map<string, ChatMessage>();
    if (!thread.has(message.id)) thread.set(message.id, message);
    threads.set(message.thread, thread);
  }
  const ordered = (list: ChatMessage[]) => (list.every((m) => m.createdAt > 0) ? list.sort((a, b) => a.createdAt - b.createdAt) : list);
  return [...threads]
    .map(([thread, byId]) => ({ thread, messages: ordered([...byId.values()]) }))
    .filter((c) => c.messages.some((m) => m.role === "assistant"));
}

export function chatPanel(list: readonly Conversation[], words: SiteMessages): string {
  if (!list.length) return "";
  const threads = list.map((conversation) => {
    const bubbles = conversation.messages.map((m) => {
      const role = m.role === "user" || m.role === "assistant" ? m.role : "other";
      return `<li class="bubble ${role}"><span class="role">${inlineText(m.role)}</span><p>${blockText(m.text)}</p></li>`;
    });
    return `<figure class="chat"><figcaption>${inlineText(words.thread(conversation.thread))}</figcaption><ol>${bubbles.join("")}</ol></figure>`;
  });
  return `\n<div class="conversations" role="group" aria-label="${escapeHtml(words.conversation)}">\n${threads.join("\n")}\n</div>`;
}

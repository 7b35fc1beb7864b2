// The chat view: the messages a cell's traffic carried, as a conversation per thread, user
// and assistant bubbles beside the raw JSON. Messages are collected from every response
// that holds them (a created message, a message list, a streamed message.completed),
// once each by id, oldest first. Text is shown as text, never as Markdown or HTML.
import type { Exchange } from "../fixtures/format.ts";
import { blockText, escapeHtml, inlineText } from "../render/html-escape.ts";
import type { SiteMessages } from "./messages.ts";

export interface ChatMessage {
  readonly id: string;
  readonly role: string;
  readonly text: string;
  readonly createdAt: number;
}

export interface Conversation {
  readonly thread: string;
  readonly messages: readonly ChatMessage[];
}

type ContentPart = { type?: unknown; text?: { value?: unknown } };
type MessageLike = { object?: unknown; id?: unknown; role?: unknown; thread_id?: unknown; content?: unknown; created_at?: unknown };

function partText(part: ContentPart): string {
  if (part.type === "text" && typeof part.text?.value === "string") return part.text.value;
  return `[${typeof part.type === "string" ? part.type : "content"}]`;
}

function asMessage(value: unknown): (ChatMessage & { thread: string }) | undefined {
  const m = value as MessageLike | null | undefined;
  if (typeof m !== "object" || m === null || m.object !== "thread.message") return undefined;
  if (typeof m.id !== "string" || typeof m.role !== "string" || typeof m.thread_id !== "string") return undefined;
  const parts = Array.isArray(m.content) ? (m.content as ContentPart[]) : [];
  const createdAt = typeof m.created_at === "number" ? m.created_at : 0;
  return { id: m.id, role: m.role, thread: m.thread_id, text: parts.map(partText).join("\n"), createdAt };
}

/** The messages one response holds, oldest first (lists come newest first unless asked for `asc`). */
function messagesIn(exchange: Exchange): unknown[] {
  const body = exchange.response.body as { object?: unknown; data?: unknown } | undefined;
  const found: unknown[] = [];
  if (body?.object === "list" && Array.isArray(body.data)) {
    found.push(...(exchange.request.query?.["order"] === "asc" ? body.data : [...body.data].reverse()));
  } else if (body !== undefined) found.push(body);
  for (const frame of exchange.response.events ?? []) if (frame.event === "thread.message.completed") found.push(frame.data);
  return found;
}

/** Conversations with at least one assistant message, by thread in order of first appearance. */
export function conversations(exchanges: readonly Exchange[]): Conversation[] {
  const threads = new Map<string, Map<string, ChatMessage>>();
  for (const exchange of exchanges) {
    for (const value of messagesIn(exchange)) {
      const message = asMessage(value);
      if (!message) continue;
      const thread = threads.get(message.thread) ?? new Map<string, ChatMessage>();
      if (!thread.has(message.id)) thread.set(message.id, message);
      threads.set(message.thread, thread);
    }
  }
  return [...threads]
    .map(([thread, byId]) => ({ thread, messages: [...byId.values()].sort((a, b) => a.createdAt - b.createdAt) }))
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

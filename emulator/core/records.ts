// What the emulator keeps, and what it keeps it in. Assistants live only here (the Responses API
// has no server-side assistant); a thread remembers its conversation; a message remembers what
// conversation items cannot hold (created_at, metadata, attachments, the run that wrote it); a
// run remembers its upstream responses and the Assistants-only state around them.
//
// A message posted to a thread waits here (`item`, no `itemId`) until a run sends it as its
// response's input: the Responses API takes no response without input, and it adds the input to
// the conversation itself. Once it is there, `itemId` names its conversation item; the message
// keeps the id it was given.
import type { JsonObject } from "./types.ts";
import type { AssistantObject, Metadata, RunObject, ThreadObject, Usage } from "./objects.ts";

export type ThreadRecord = {
  thread: ThreadObject;
  conversationId: string;
  /** The vector store the emulator made for files attached for file_search, as the Assistants API did. */
  vectorStoreId?: string;
};

export type MessageMeta = {
  id: string;
  threadId: string;
  createdAt: number;
  completedAt: number | null;
  assistantId: string | null;
  runId: string | null;
  metadata: Metadata;
  attachments: unknown[];
  /** The conversation item holding the message, once it is in the conversation. */
  itemId: string | null;
  /** A posted message as the input item a run will send (absent for messages the model wrote). */
  item?: JsonObject;
};

/** The last seen state of one upstream response. */
export type ResponseState = {
  id: string;
  status: string;
  output: JsonObject[];
  usage: Usage | null;
  error: { code: string; message: string } | null;
};

export type RunRecord = {
  run: RunObject;
  conversationId: string;
  /** The body every response of this run starts from (model, instructions, tools, …). */
  request: JsonObject;
  responses: ResponseState[];
  /** Outputs submitted for function calls, by call id. */
  toolOutputs: Record<string, string>;
  /** When each step was first seen, and first seen finished. */
  stepTimes: Record<string, { createdAt: number; endedAt: number | null }>;
  /** The waiting messages this run sent as input; `settled` once each one's conversation item is known. */
  inputs: { messageIds: string[]; settled: boolean };
};

/** `item`: a conversation item id -> the id of the message it holds, where the two differ. */
export type Kind = "assistant" | "thread" | "message" | "run" | "item";

/** The persistence port: JSON documents by kind and id, listed in the order they were first put. */
export interface DocTable {
  get(kind: Kind, id: string): unknown;
  put(kind: Kind, id: string, parent: string | null, doc: unknown): void;
  delete(kind: Kind, id: string): void;
  list(kind: Kind, parent?: string): unknown[];
  deleteChildren(kind: Kind, parent: string): void;
}

export type Store = ReturnType<typeof createStore>;

/** Typed access over a DocTable; documents are trusted (only the emulator writes them). */
export function createStore(table: DocTable) {
  return {
    assistant: (id: string) => table.get("assistant", id) as AssistantObject | undefined,
    assistants: () => table.list("assistant") as AssistantObject[],
    putAssistant: (assistant: AssistantObject) => table.put("assistant", assistant.id, null, assistant),
    deleteAssistant: (id: string) => table.delete("assistant", id),
    thread: (id: string) => table.get("thread", id) as ThreadRecord | undefined,
    putThread: (record: ThreadRecord) => table.put("thread", record.thread.id, null, record),
    deleteThread(id: string) {
      table.deleteChildren("message", id);
      table.deleteChildren("item", id);
      table.deleteChildren("run", id);
      table.delete("thread", id);
    },
    message: (id: string) => table.get("message", id) as MessageMeta | undefined,
    messages: (threadId: string) => table.list("message", threadId) as MessageMeta[],
    putMessage: (meta: MessageMeta) => table.put("message", meta.id, meta.threadId, meta),
    deleteMessage: (id: string) => table.delete("message", id),
    /** The message a conversation item holds: its own id, unless it was posted with another. */
    messageIdOf: (itemId: string) => (table.get("item", itemId) as string | undefined) ?? itemId,
    linkItem: (itemId: string, meta: MessageMeta) => table.put("item", itemId, meta.threadId, meta.id),
    unlinkItem: (itemId: string) => table.delete("item", itemId),
    run: (id: string) => table.get("run", id) as RunRecord | undefined,
    runs: (threadId: string) => table.list("run", threadId) as RunRecord[],
    putRun: (record: RunRecord) => table.put("run", record.run.id, record.run.thread_id, record),
  };
}

// The Responses family's state and the lookups every route needs. Records hold the API objects
// themselves (built in key order once, then changed in place) plus what the API keeps behind
// them: a response's input items and the context a follow-up continues from.
import { fail } from "../core/errors.ts";
import type { Scenario } from "../core/types.ts";
import type { FilesService } from "../files/family.ts";
import type { ResponsesAnswerBook } from "./answers.ts";
import { conversationNotFound, itemNotFound, responseNotFound } from "./errors.ts";
import type { ConversationObject, Item, ResponseError, ResponseObject, Usage } from "./objects.ts";

/** What a response will contain once it finishes (background responses finish when polled). */
export type Outcome = { kind: "completed"; output: Item[]; usage: Usage } | { kind: "failed"; error: ResponseError; usage: Usage };

export type ResponseRecord = {
  response: ResponseObject;
  /** This request's own input, as GET /responses/{id}/input_items lists it. */
  inputItems: Item[];
  /** Everything the model saw: the earlier context, then this input (not the instructions). */
  context: Item[];
  outcome: Outcome;
  /** How many times it was retrieved; background responses advance on polling, never on time. */
  retrieves: number;
};

export type ConversationRecord = { conversation: ConversationObject; items: Item[] };

export type Store = { responses: Map<string, ResponseRecord>; conversations: Map<string, ConversationRecord> };

export type ResponsesContext = {
  store: Store;
  newId: (prefix: string) => string;
  /** Simulated unix seconds (see core/clock.ts). */
  clock: { now(): number };
  scenario: Scenario;
  answers: ResponsesAnswerBook;
  pollsUntilDone: number;
  /** Files and vector stores, for the file_search and code_interpreter tools. */
  files: FilesService;
};

export function createStore(): Store {
  return { responses: new Map(), conversations: new Map() };
}

/** Responses made with `store: false` were never kept, so they are as unknown as a wrong id. */
export function findResponse(context: ResponsesContext, id: string): ResponseRecord | undefined {
  const record = context.store.responses.get(id);
  return record?.response.store ? record : undefined;
}

export function getResponse(context: ResponsesContext, id: string): ResponseRecord {
  return findResponse(context, id) ?? fail(responseNotFound(id));
}

export function getConversation(context: ResponsesContext, id: string): ConversationRecord {
  return context.store.conversations.get(id) ?? fail(conversationNotFound(id));
}

export function getItem(conversation: ConversationRecord, id: string): Item {
  return conversation.items.find((item) => item.id === id) ?? fail(itemNotFound(id));
}

export function isTerminal(response: ResponseObject): boolean {
  return response.status !== "queued" && response.status !== "in_progress";
}

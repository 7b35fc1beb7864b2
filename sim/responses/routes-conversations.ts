// /v1/conversations and /v1/conversations/{id}/items.
import { apiError, fail } from "../core/errors.ts";
import { listPage } from "../core/pagination.ts";
import { bodyObject, readArray, readMetadata } from "../core/read-body.ts";
import { type Route, ok, route } from "../core/route-table.ts";
import { readInput } from "./input.ts";
import { conversationObject } from "./objects.ts";
import { type ConversationRecord, type ResponsesContext, getConversation, getItem } from "./store.ts";

/** A conversation starts with at most 20 items, and so does one items.create call. */
const MAX_NEW_ITEMS = 20;

function tooManyItems(count: number) {
  return apiError(
    400,
    `Invalid 'items': array too long. Expected an array with maximum length ${MAX_NEW_ITEMS}, but got an array with length ${count} instead.`,
    {
      param: "items",
      code: "array_above_max_length",
    },
  );
}

function newItems(context: ResponsesContext, raw: unknown[]) {
  if (raw.length > MAX_NEW_ITEMS) fail(tooManyItems(raw.length));
  return readInput(context.newId, raw);
}

const conversationOf = (context: ResponsesContext, param: (name: string) => string): ConversationRecord =>
  getConversation(context, param("conversation_id"));

export const conversationRoutes: Route<ResponsesContext>[] = [
  route("POST", "/v1/conversations", (context, request) => {
    const body = bodyObject(request.body);
    const conversation = conversationObject(context.newId("conv"), context.clock.now(), readMetadata(body) ?? {});
    const record: ConversationRecord = { conversation, items: newItems(context, readArray(body, "items") ?? []) };
    context.store.conversations.set(conversation.id, record);
    return ok(conversation);
  }),
  route("GET", "/v1/conversations/{conversation_id}", (context, _request, param) => ok(conversationOf(context, param).conversation)),
  route("POST", "/v1/conversations/{conversation_id}", (context, request, param) => {
    const { conversation } = conversationOf(context, param);
    conversation.metadata = readMetadata(bodyObject(request.body)) ?? conversation.metadata;
    return ok(conversation);
  }),
  route("DELETE", "/v1/conversations/{conversation_id}", (context, _request, param) => {
    const { conversation } = conversationOf(context, param);
    context.store.conversations.delete(conversation.id);
    return ok({ id: conversation.id, object: "conversation.deleted", deleted: true });
  }),
  route("POST", "/v1/conversations/{conversation_id}/items", (context, request, param) => {
    const record = conversationOf(context, param);
    const items = newItems(context, readArray(bodyObject(request.body), "items") ?? []);
    record.items.push(...items);
    return ok({ object: "list", data: items, first_id: items[0]?.id ?? null, last_id: items.at(-1)?.id ?? null, has_more: false });
  }),
  route("GET", "/v1/conversations/{conversation_id}/items", (context, request, param) =>
    ok(listPage(conversationOf(context, param).items, request.query)),
  ),
  route("GET", "/v1/conversations/{conversation_id}/items/{item_id}", (context, _request, param) =>
    ok(getItem(conversationOf(context, param), param("item_id"))),
  ),
  route("DELETE", "/v1/conversations/{conversation_id}/items/{item_id}", (context, _request, param) => {
    const record = conversationOf(context, param);
    const item = getItem(record, param("item_id"));
    record.items = record.items.filter((candidate) => candidate !== item);
    return ok(record.conversation);
  }),
];

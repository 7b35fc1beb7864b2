// The response lifecycle. A plain response is finished inside the request that made it; a
// background one starts `queued` and advances as it is retrieved (queued -> in_progress ->
// completed on the n-th retrieve), never with real time, so any polling loop sees every status.
import { fail, missingParameter } from "../core/errors.ts";
import { type JsonObject, has, isObject, readArray, readBoolean, readString } from "../core/read-body.ts";
import { alreadyFinished, backgroundNeedsStore, modelNotFound, notCancellable, previousResponseNotFound, stateConflict } from "./errors.ts";
import { readInput } from "./input.ts";
import { respond } from "./model.ts";
import { type Item, responseObject } from "./objects.ts";
import { type ResponseRecord, type ResponsesContext, findResponse, getConversation, isTerminal } from "./store.ts";

/** What the API answers with in `model`: the dated snapshot behind an alias. */
const SNAPSHOTS: Readonly<Record<string, string>> = {
  "gpt-4o-mini": "gpt-4o-mini-2024-07-18",
  "gpt-4o": "gpt-4o-2024-08-06",
  "gpt-4.1": "gpt-4.1-2025-04-14",
  "gpt-4.1-mini": "gpt-4.1-mini-2025-04-14",
  "gpt-4.1-nano": "gpt-4.1-nano-2025-04-14",
  "gpt-5": "gpt-5-2025-08-07",
  "gpt-5-mini": "gpt-5-mini-2025-08-07",
  "gpt-5-nano": "gpt-5-nano-2025-08-07",
};
/** Models the simulator serves: these aliases and their dated snapshots; any other name does not exist. */
const KNOWN_MODEL = /^(gpt-4o-mini|gpt-4o|gpt-4\.1(-mini|-nano)?|gpt-5(\.\d)?(-mini|-nano)?|o3(-mini)?|o4-mini)(-\d{4}-\d{2}-\d{2})?$/;

function resolveModel(body: JsonObject): string {
  const model = readString(body, "model") ?? fail(missingParameter("model"));
  if (!KNOWN_MODEL.test(model)) fail(modelNotFound(model));
  return SNAPSHOTS[model] ?? model;
}

/** `conversation` is an id or `{ id }`. */
function conversationId(body: JsonObject): string | undefined {
  const value = body["conversation"];
  if (typeof value === "string") return value;
  return isObject(value) && typeof value["id"] === "string" ? value["id"] : undefined;
}

/** The items a new response continues from: its previous response's, or its conversation's. */
function history(context: ResponsesContext, body: JsonObject): { items: Item[]; conversationId?: string } {
  if (has(body, "previous_response_id") && has(body, "conversation")) fail(stateConflict());
  const conversation = conversationId(body);
  if (conversation) return { items: [...getConversation(context, conversation).items], conversationId: conversation };
  const previousId = readString(body, "previous_response_id");
  if (!previousId) return { items: [] };
  const previous = findResponse(context, previousId) ?? fail(previousResponseNotFound(previousId));
  return { items: [...previous.context, ...previous.response.output] };
}

/** Validates the request and makes the response; plain responses come back finished. */
export function createResponse(context: ResponsesContext, body: JsonObject): ResponseRecord {
  const model = resolveModel(body);
  const past = history(context, body);
  if (body["input"] === undefined && past.items.length === 0) fail(missingParameter("input"));
  const store = readBoolean(body, "store") ?? true;
  const background = readBoolean(body, "background") ?? false;
  if (background && !store) fail(backgroundNeedsStore());
  const previousResponseId = readString(body, "previous_response_id") ?? null;
  const fields = { id: context.newId("resp"), createdAt: context.clock.now(), model, background, store, previousResponseId };
  const response = responseObject({ ...fields, conversationId: past.conversationId }, body);
  const input = readInput(context.newId, body["input"]);
  const include = (readArray(body, "include") ?? []).filter((entry): entry is string => typeof entry === "string");
  const given = {
    instructions: response.instructions ?? "",
    tools: response.tools,
    include,
    history: past.items,
    input,
    parallelToolCalls: response.parallel_tool_calls,
  };
  const record: ResponseRecord = {
    response,
    inputItems: input,
    context: [...past.items, ...input],
    outcome: respond(context, given),
    retrieves: 0,
  };
  context.store.responses.set(response.id, record);
  return record;
}

/** queued -> in_progress. */
export function startResponse(record: ResponseRecord): void {
  if (record.response.status === "queued") record.response.status = "in_progress";
}

/** Writes the outcome into the response, and a completed turn into its conversation. */
export function finishResponse(context: ResponsesContext, record: ResponseRecord): void {
  const { response, outcome } = record;
  startResponse(record);
  if (outcome.kind === "failed") {
    Object.assign(response, { status: "failed", error: { ...outcome.error }, usage: outcome.usage });
    return;
  }
  Object.assign(response, { status: "completed", completed_at: context.clock.now(), output: outcome.output, usage: outcome.usage });
  const conversation = response.conversation && context.store.conversations.get(response.conversation.id);
  conversation?.items.push(...record.inputItems, ...outcome.output);
}

/** One retrieve of a background response; the n-th one finishes it. */
export function pollResponse(context: ResponsesContext, record: ResponseRecord): void {
  record.retrieves += 1;
  if (isTerminal(record.response)) return;
  startResponse(record);
  if (record.retrieves >= context.pollsUntilDone) finishResponse(context, record);
}

export function cancelResponse(record: ResponseRecord): void {
  const { response } = record;
  if (!response.background) fail(notCancellable());
  if (response.status === "cancelled") return;
  if (isTerminal(response)) fail(alreadyFinished(response.status));
  response.status = "cancelled";
}

// /v1/threads and /v1/threads/{thread_id}/messages.
import { apiError, fail, missingParameter } from "../core/errors.ts";
import { listPage } from "../core/pagination.ts";
import { type JsonObject, bodyObject, isObject, readArray, readMetadata, readString } from "../core/read-body.ts";
import { type Route, ok, route } from "../core/route-table.ts";
import { messageDuringRun } from "./errors.ts";
import { type MessageObject, deletedObject, messageContent, messageObject, threadObject } from "./objects.ts";
import { type AssistantsContext, type ThreadRecord, activeRun, getMessage, getThread } from "./store.ts";

function readRole(body: JsonObject): "user" | "assistant" {
  const role = readString(body, "role") ?? fail(missingParameter("role"));
  if (role === "user" || role === "assistant") return role;
  return fail(
    apiError(400, `Invalid value: '${role}'. Supported values are: 'user' and 'assistant'.`, { param: "role", code: "invalid_value" }),
  );
}

/**
 * Messages posted through the API are stored as finished, with completed_at null.
 * Status: the schema requires one of in_progress/incomplete/completed, while the 2024
 * recordings show `status: None` — but that is how the Python SDK prints a field the API
 * left out (the official JSON examples omit status for such messages). Both agree on
 * completed_at/incomplete_at/incomplete_details being null, and only "completed" is a status
 * that is true for a message nobody is still writing, so we send "completed".
 */
function buildMessage(context: AssistantsContext, thread: ThreadRecord, body: JsonObject): MessageObject {
  const role = readRole(body);
  if (body["content"] === undefined) fail(missingParameter("content"));
  return messageObject({
    id: context.newId("msg"),
    createdAt: context.clock.now(),
    threadId: thread.thread.id,
    role,
    content: messageContent(body["content"]),
    attachments: readArray(body, "attachments") ?? [],
    metadata: readMetadata(body) ?? {},
    status: "completed",
    completedAt: null,
  });
}

export function addMessage(context: AssistantsContext, thread: ThreadRecord, body: JsonObject): MessageObject {
  const active = activeRun(thread);
  if (active) fail(messageDuringRun(thread.thread.id, active.run.id));
  const message = buildMessage(context, thread, body);
  thread.messages.push(message);
  return message;
}

/** Creates a thread with its initial messages (POST /v1/threads and POST /v1/threads/runs). */
export function createThread(context: AssistantsContext, body: JsonObject): ThreadRecord {
  const initialMessages = (readArray(body, "messages") ?? []).filter(isObject);
  const thread: ThreadRecord = { thread: threadObject(context.newId("thread"), context.clock.now(), body), messages: [], runs: [] };
  for (const message of initialMessages) thread.messages.push(buildMessage(context, thread, message));
  context.store.threads.set(thread.thread.id, thread);
  return thread;
}

export const threadRoutes: Route<AssistantsContext>[] = [
  route("POST", "/v1/threads", (context, request) => ok(createThread(context, bodyObject(request.body)).thread)),
  route("GET", "/v1/threads/{thread_id}", (context, _request, param) => ok(getThread(context, param("thread_id")).thread)),
  route("POST", "/v1/threads/{thread_id}", (context, request, param) => {
    const { thread } = getThread(context, param("thread_id"));
    thread.metadata = readMetadata(bodyObject(request.body)) ?? thread.metadata;
    return ok(thread);
  }),
  route("DELETE", "/v1/threads/{thread_id}", (context, _request, param) => {
    const { thread } = getThread(context, param("thread_id"));
    context.store.threads.delete(thread.id);
    return ok(deletedObject(thread.id, "thread"));
  }),
  route("POST", "/v1/threads/{thread_id}/messages", (context, request, param) =>
    ok(addMessage(context, getThread(context, param("thread_id")), bodyObject(request.body))),
  ),
  route("GET", "/v1/threads/{thread_id}/messages", (context, request, param) => {
    const runId = request.query.get("run_id");
    const messages = getThread(context, param("thread_id")).messages;
    return ok(listPage(runId ? messages.filter((message) => message.run_id === runId) : messages, request.query));
  }),
  route("GET", "/v1/threads/{thread_id}/messages/{message_id}", (context, _request, param) =>
    ok(getMessage(getThread(context, param("thread_id")), param("message_id"))),
  ),
  route("POST", "/v1/threads/{thread_id}/messages/{message_id}", (context, request, param) => {
    const message = getMessage(getThread(context, param("thread_id")), param("message_id"));
    message.metadata = readMetadata(bodyObject(request.body)) ?? message.metadata;
    return ok(message);
  }),
  route("DELETE", "/v1/threads/{thread_id}/messages/{message_id}", (context, _request, param) => {
    const thread = getThread(context, param("thread_id"));
    const message = getMessage(thread, param("message_id"));
    thread.messages = thread.messages.filter((candidate) => candidate !== message);
    return ok(deletedObject(message.id, "thread.message"));
  }),
];

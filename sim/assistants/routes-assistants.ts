// /v1/assistants: create, list, retrieve, modify, delete.
import { fail, missingParameter } from "../core/errors.ts";
import { listPage } from "../core/pagination.ts";
import { type JsonObject, bodyObject, has, readString } from "../core/read-body.ts";
import { type Route, ok, route } from "../core/route-table.ts";
import { type AssistantObject, assistantObject, deletedObject } from "./objects.ts";
import { type AssistantsContext, getAssistant } from "./store.ts";

/** The assistant as a create body, so a modify request can be merged over it and rebuilt. */
function asCreateBody(assistant: AssistantObject): JsonObject {
  const { id: _id, object: _object, created_at: _createdAt, ...fields } = assistant;
  return fields;
}

export const assistantRoutes: Route<AssistantsContext>[] = [
  route("POST", "/v1/assistants", (context, request) => {
    const body = bodyObject(request.body);
    if (!readString(body, "model")) fail(missingParameter("model"));
    const assistant = assistantObject(context.newId("asst"), context.clock.now(), body);
    context.store.assistants.set(assistant.id, assistant);
    return ok(assistant);
  }),
  route("GET", "/v1/assistants", (context, request) => ok(listPage([...context.store.assistants.values()], request.query))),
  route("GET", "/v1/assistants/{assistant_id}", (context, _request, param) => ok(getAssistant(context, param("assistant_id")))),
  route("POST", "/v1/assistants/{assistant_id}", (context, request, param) => {
    const current = getAssistant(context, param("assistant_id"));
    const changes = bodyObject(request.body);
    const merged = { ...asCreateBody(current), ...changes };
    // New tools without explicit tool_resources get the default resources of those tools.
    if (has(changes, "tools") && !has(changes, "tool_resources")) delete merged["tool_resources"];
    const updated = assistantObject(current.id, current.created_at, merged);
    context.store.assistants.set(updated.id, updated);
    return ok(updated);
  }),
  route("DELETE", "/v1/assistants/{assistant_id}", (context, _request, param) => {
    const assistant = getAssistant(context, param("assistant_id"));
    context.store.assistants.delete(assistant.id);
    return ok(deletedObject(assistant.id, "assistant"));
  }),
];

// /v1/responses: create (plain, background or streamed), retrieve, delete, cancel, input items.
import { listPage } from "../core/pagination.ts";
import { bodyObject } from "../core/read-body.ts";
import { type Route, ok, route } from "../core/route-table.ts";
import { cancelResponse, createResponse, finishResponse, pollResponse } from "./responses.ts";
import { type ResponsesContext, getResponse } from "./store.ts";
import { streamResponse } from "./streaming.ts";

export const responseRoutes: Route<ResponsesContext>[] = [
  route("POST", "/v1/responses", (context, request) => {
    const body = bodyObject(request.body);
    const record = createResponse(context, body);
    if (body["stream"] === true) return { status: 200, headers: {}, events: streamResponse(context, record) };
    if (!record.response.background) finishResponse(context, record);
    return ok(record.response);
  }),
  route("GET", "/v1/responses/{response_id}", (context, _request, param) => {
    const record = getResponse(context, param("response_id"));
    pollResponse(context, record);
    return ok(record.response);
  }),
  route("DELETE", "/v1/responses/{response_id}", (context, _request, param) => {
    const { response } = getResponse(context, param("response_id"));
    context.store.responses.delete(response.id);
    return ok({ id: response.id, object: "response", deleted: true });
  }),
  route("POST", "/v1/responses/{response_id}/cancel", (context, _request, param) => {
    const record = getResponse(context, param("response_id"));
    cancelResponse(record);
    return ok(record.response);
  }),
  route("GET", "/v1/responses/{response_id}/input_items", (context, request, param) =>
    ok(listPage(getResponse(context, param("response_id")).inputItems, request.query)),
  ),
];

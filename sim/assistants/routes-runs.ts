// /v1/threads/runs and /v1/threads/{thread_id}/runs/... including run steps.
import { fail, missingParameter } from "../core/errors.ts";
import { listPage } from "../core/pagination.ts";
import { type JsonObject, bodyObject, readMetadata, readObject, readString } from "../core/read-body.ts";
import { type Route, ok, route } from "../core/route-table.ts";
import { snapshot } from "../core/simulator.ts";
import type { SimResponse, SseEvent } from "../core/types.ts";
import { cancelRun, createRun, pollRun, submitToolOutputs } from "./runs.ts";
import { type AssistantsContext, type RunRecord, type ThreadRecord, getAssistant, getRun, getStep, getThread } from "./store.ts";
import { streamRun, streamSubmittedRun } from "./streaming.ts";
import { createThread } from "./routes-threads.ts";

/** Answers a run creation: the queued run as JSON, or the whole run as an event stream. */
function startedRun(
  context: AssistantsContext,
  thread: ThreadRecord,
  record: RunRecord,
  body: JsonObject,
  prelude: SseEvent[],
): SimResponse {
  if (body["stream"] !== true) return runResponse(context, record.run);
  return { status: 200, headers: {}, events: streamRun(context, thread, record, prelude) };
}

function runOf(context: AssistantsContext, param: (name: string) => string): { thread: ThreadRecord; record: RunRecord } {
  const thread = getThread(context, param("thread_id"));
  return { thread, record: getRun(thread, param("run_id")) };
}

/** Run responses carry openai-poll-after-ms when the simulator was asked to pace SDK poll helpers. */
function runResponse(context: AssistantsContext, run: unknown): SimResponse {
  const headers: Record<string, string> = {};
  if (context.pollAfterMs !== undefined) headers["openai-poll-after-ms"] = String(context.pollAfterMs);
  return ok(run, headers);
}

export const runRoutes: Route<AssistantsContext>[] = [
  route("POST", "/v1/threads/runs", (context, request) => {
    const body = bodyObject(request.body);
    // Check the assistant first: a failed request must not leave a thread behind.
    getAssistant(context, readString(body, "assistant_id") ?? fail(missingParameter("assistant_id")));
    const thread = createThread(context, readObject(body, "thread") ?? {});
    const record = createRun(context, thread, body);
    return startedRun(context, thread, record, body, [{ event: "thread.created", data: snapshot(thread.thread) }]);
  }),
  route("POST", "/v1/threads/{thread_id}/runs", (context, request, param) => {
    const body = bodyObject(request.body);
    const thread = getThread(context, param("thread_id"));
    return startedRun(context, thread, createRun(context, thread, body), body, []);
  }),
  route("GET", "/v1/threads/{thread_id}/runs", (context, request, param) =>
    ok(
      listPage(
        getThread(context, param("thread_id")).runs.map((record) => record.run),
        request.query,
      ),
    ),
  ),
  route("GET", "/v1/threads/{thread_id}/runs/{run_id}", (context, _request, param) => {
    const { thread, record } = runOf(context, param);
    pollRun(context, thread, record);
    return runResponse(context, record.run);
  }),
  route("POST", "/v1/threads/{thread_id}/runs/{run_id}", (context, request, param) => {
    const { record } = runOf(context, param);
    record.run.metadata = readMetadata(bodyObject(request.body)) ?? record.run.metadata;
    return runResponse(context, record.run);
  }),
  route("POST", "/v1/threads/{thread_id}/runs/{run_id}/cancel", (context, _request, param) => {
    const { record } = runOf(context, param);
    cancelRun(record);
    return runResponse(context, record.run);
  }),
  route("POST", "/v1/threads/{thread_id}/runs/{run_id}/submit_tool_outputs", (context, request, param) => {
    const { thread, record } = runOf(context, param);
    const body = bodyObject(request.body);
    const results = submitToolOutputs(context, thread, record, body);
    if (body["stream"] !== true) return runResponse(context, record.run);
    return { status: 200, headers: {}, events: streamSubmittedRun(context, thread, record, results) };
  }),
  route("GET", "/v1/threads/{thread_id}/runs/{run_id}/steps", (context, request, param) =>
    ok(listPage(runOf(context, param).record.steps, request.query)),
  ),
  route("GET", "/v1/threads/{thread_id}/runs/{run_id}/steps/{step_id}", (context, _request, param) =>
    ok(getStep(runOf(context, param).record, param("step_id"))),
  ),
];

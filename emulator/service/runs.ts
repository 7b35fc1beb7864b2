// /v1/threads/{thread_id}/runs and /v1/threads/runs: a run is a background response on the
// thread's conversation, made with the assistant's (or the run's) model, instructions and tools.
import { fail, missingParameter } from "../../sim/core/errors.ts";
import { listPage } from "../../sim/core/pagination.ts";
import { bodyObject, type JsonObject, isObject, readArray, readMetadata, readObject, readString } from "../../sim/core/read-body.ts";
import { activeRunConflict, notFound } from "../core/errors.ts";
import { waiting } from "../core/messages.ts";
import { runObject } from "../core/objects.ts";
import type { Emulator } from "../core/ports.ts";
import type { RunRecord, ThreadRecord } from "../core/records.ts";
import { checkRunBody, checkTools, emptyThreadStart, responseRequest } from "../core/to-responses.ts";
import type { EmuRequest, EmuResponse, SseEvent } from "../core/types.ts";
import { getAssistant } from "./assistants.ts";
import { addMessages, readMessage } from "./messages.ts";
import { streamRun } from "./run-stream.ts";
import { syncRun, syncThread, takeResponse } from "./run-sync.ts";
import { newThread } from "./threads.ts";
import { awaitThreadVectorStore, getThread } from "./threads-store.ts";
import { runResources } from "./tool-resources.ts";
import { call } from "./upstream-calls.ts";

/** Run answers carry the poll hint, so SDK poll helpers pace themselves by it. */
export function runAnswer(emu: Emulator, run: unknown): EmuResponse {
  const headers: Record<string, string> = emu.pollAfterMs === undefined ? {} : { "openai-poll-after-ms": String(emu.pollAfterMs) };
  return { status: 200, headers, json: run };
}

export function getRun(emu: Emulator, threadId: string, runId: string): RunRecord {
  getThread(emu, threadId);
  const record = emu.store.run(runId);
  return record && record.run.thread_id === threadId ? record : fail(notFound("run", runId));
}

/** Checks everything a new run needs before anything is sent upstream. */
function assistantFor(emu: Emulator, body: JsonObject) {
  const assistant = getAssistant(emu, readString(body, "assistant_id") ?? fail(missingParameter("assistant_id")));
  checkRunBody(body);
  return assistant;
}

async function startRun(emu: Emulator, thread: ThreadRecord, request: EmuRequest, prelude: SseEvent[] = []): Promise<EmuResponse> {
  const body = bodyObject(request.body);
  const assistant = assistantFor(emu, body);
  const extra = (readArray(body, "additional_messages") ?? []).filter(isObject).map(readMessage);
  const active = await syncThread(emu, thread.thread.id);
  if (active) fail(activeRunConflict(thread.thread.id, active.run.id));
  const run = runObject({ id: emu.newId("run"), threadId: thread.thread.id, createdAt: emu.clock.now() }, assistant, body);
  checkTools(run.tools);
  if (extra.length > 0) await addMessages(emu, thread, extra);
  await awaitThreadVectorStore(emu, thread);
  const metas = emu.store.messages(thread.thread.id);
  const include = request.query.getAll("include[]");
  const template = responseRequest(run, thread.conversationId, runResources(assistant, thread, metas), body, include);
  // The messages posted since the last run are this run's input; the upstream adds them to the conversation.
  const input = waiting(metas);
  const start = metas.length === 0 ? emptyThreadStart(template) : { request: template, input: input.map((meta) => meta.item) };
  const inputs = { messageIds: input.map((meta) => meta.id), settled: false };
  const record: RunRecord = {
    run,
    conversationId: thread.conversationId,
    request: start.request,
    responses: [],
    toolOutputs: {},
    stepTimes: {},
    inputs,
  };
  const first = start.input.length > 0 ? { ...start.request, input: start.input } : start.request;
  if (body["stream"] === true) return streamRun(emu, record, first, { prelude });
  takeResponse(emu, record, await call(emu, "POST", "/v1/responses", first));
  return runAnswer(emu, record.run);
}

export async function createRun(emu: Emulator, threadId: string, request: EmuRequest): Promise<EmuResponse> {
  return startRun(emu, getThread(emu, threadId), request);
}

export async function createThreadAndRun(emu: Emulator, request: EmuRequest): Promise<EmuResponse> {
  const body = bodyObject(request.body);
  assistantFor(emu, body); // a request that will fail must not leave a thread behind
  const thread = await newThread(emu, readObject(body, "thread") ?? {});
  return startRun(emu, thread, request, [{ event: "thread.created", data: structuredClone(thread.thread) }]);
}

export async function retrieveRun(emu: Emulator, threadId: string, runId: string): Promise<EmuResponse> {
  return runAnswer(emu, (await syncRun(emu, getRun(emu, threadId, runId))).run);
}

export async function listRuns(emu: Emulator, threadId: string, request: EmuRequest) {
  getThread(emu, threadId);
  await syncThread(emu, threadId);
  return listPage(
    emu.store.runs(threadId).map((record) => record.run),
    request.query,
  );
}

export function modifyRun(emu: Emulator, threadId: string, runId: string, request: EmuRequest): EmuResponse {
  const record = getRun(emu, threadId, runId);
  record.run.metadata = readMetadata(bodyObject(request.body)) ?? record.run.metadata;
  emu.store.putRun(record);
  return runAnswer(emu, record.run);
}

// What is done to a run once it exists: cancel it, submit outputs for its function calls (a new
// background response on the same conversation, carrying function_call_output items), and read
// its steps (derived from the output items of its responses).
import { fail } from "../../sim/core/errors.ts";
import { listPage } from "../../sim/core/pagination.ts";
import { bodyObject, isObject, readArray, readString } from "../../sim/core/read-body.ts";
import { cannotCancel, noToolOutputsExpected, notFound, toolOutputsMismatch } from "../core/errors.ts";
import type { Emulator } from "../core/ports.ts";
import type { RunRecord } from "../core/records.ts";
import { cancelWaitingRun, expireIfDue, pendingCalls, runSteps } from "../core/run-state.ts";
import { event } from "../core/stream-events.ts";
import type { EmuRequest, EmuResponse } from "../core/types.ts";
import { streamRun } from "./run-stream.ts";
import { syncRun, takeResponse } from "./run-sync.ts";
import { getRun, runAnswer } from "./runs.ts";
import { call, responsePath } from "./upstream-calls.ts";

/**
 * Like the Assistants API, cancelling answers `cancelling`; the next retrieve shows `cancelled`
 * (the upstream response is cancelled at once, the run reports it on its next sync).
 */
export async function cancelRun(emu: Emulator, threadId: string, runId: string): Promise<EmuResponse> {
  // No sync first: a run cancelled while queued never started, and a retrieve might start it.
  const record = getRun(emu, threadId, runId);
  expireIfDue(record, emu.clock.now());
  const { run } = record;
  if (run.status === "requires_action") cancelWaitingRun(record, emu.clock.now());
  else if (run.status === "queued" || run.status === "in_progress") {
    const latest = record.responses.at(-1)!;
    try {
      await call(emu, "POST", `${responsePath(latest.id)}/cancel`);
    } catch (error) {
      // It finished in the meantime: say so in the Assistants API's words.
      await syncRun(emu, record);
      if (run.status !== "queued" && run.status !== "in_progress") fail(cannotCancel(run.status));
      throw error;
    }
    run.status = "cancelling";
  } else fail(cannotCancel(run.status));
  emu.store.putRun(record);
  return runAnswer(emu, run);
}

function readToolOutputs(request: EmuRequest, record: RunRecord): { callId: string; output: string }[] {
  const outputs = (readArray(bodyObject(request.body), "tool_outputs") ?? []).filter(isObject).map((entry) => ({
    callId: readString(entry, "tool_call_id") ?? "",
    output: readString(entry, "output") ?? "",
  }));
  const expected = pendingCalls(record).map((call) => call.id);
  const given = outputs.map((entry) => entry.callId);
  if (expected.length !== given.length || expected.some((id) => !given.includes(id))) fail(toolOutputsMismatch(expected, given));
  return outputs;
}

/** The steps whose function calls these outputs answer. */
function answeredSteps(record: RunRecord, now: number, outputs: { callId: string }[]) {
  const answered = new Set(outputs.map((output) => output.callId));
  return runSteps(record, now).filter(
    (step) => step.step_details.type === "tool_calls" && step.step_details.tool_calls.some((call) => answered.has(String(call["id"]))),
  );
}

export async function submitToolOutputs(emu: Emulator, threadId: string, runId: string, request: EmuRequest): Promise<EmuResponse> {
  const record = await syncRun(emu, getRun(emu, threadId, runId));
  if (record.run.status !== "requires_action") fail(noToolOutputsExpected(record.run.status));
  const outputs = readToolOutputs(request, record);
  for (const { callId, output } of outputs) record.toolOutputs[callId] = output;
  Object.assign(record.run, { status: "queued", required_action: null });
  const input = outputs.map(({ callId, output }) => ({ type: "function_call_output", call_id: callId, output }));
  const body = { ...record.request, input };
  if (bodyObject(request.body)["stream"] === true) {
    // The outputs finished the calls' step: the new stream says so first, as the Assistants API's did.
    const prelude = answeredSteps(record, emu.clock.now(), outputs).map((step) => event("thread.run.step.completed", step));
    return streamRun(emu, record, body, { prelude, continuation: true });
  }
  takeResponse(emu, record, await call(emu, "POST", "/v1/responses", body));
  return runAnswer(emu, record.run);
}

async function stepsOf(emu: Emulator, threadId: string, runId: string) {
  const record = await syncRun(emu, getRun(emu, threadId, runId));
  const steps = runSteps(record, emu.clock.now());
  emu.store.putRun(record);
  return steps;
}

export async function listSteps(emu: Emulator, threadId: string, runId: string, request: EmuRequest) {
  return listPage(await stepsOf(emu, threadId, runId), request.query);
}

export async function retrieveStep(emu: Emulator, threadId: string, runId: string, stepId: string) {
  const step = (await stepsOf(emu, threadId, runId)).find((candidate) => candidate.id === stepId);
  return step ?? fail(notFound("run step", stepId));
}

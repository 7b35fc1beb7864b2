// The run state machine. A run is queued until its first retrieve shows it in_progress; it is
// done at its n-th retrieve (pollsUntilDone), so a `wait_on_run` loop sees queued ->
// in_progress -> completed however fast it polls, or else `runWorkMs` after it was created
// (when set), as a real run works on whether anyone is polling it or not. Timestamps follow the session
// clock: a run starts when it is created, and ends at the poll that finished it or at the
// moment it was done, whichever came first. So runs created together overlap, and one that
// is first polled long after it was done shows the time it really finished.
import { apiError, fail, missingParameter } from "../core/errors.ts";
import { type JsonObject, readString } from "../core/read-body.ts";
import type { FunctionResultsPart } from "./parts.ts";
import { activeRunConflict } from "./errors.ts";
import { type AssistantObject, type RunObject, runObject } from "./objects.ts";
import { plannedFailure } from "./replies.ts";
import type { OutputPart } from "./parts.ts";
import { lastUserText, produceOutput } from "./run-output.ts";
import { completeFunctionCalls, readToolOutputs } from "./tool-steps.ts";
import { createUsageMeter, runUsage } from "./usage.ts";
import { type AssistantsContext, type RunRecord, type ThreadRecord, activeRun, getAssistant } from "./store.ts";

function newRun(context: AssistantsContext, threadId: string, assistant: AssistantObject, body: JsonObject): RunObject {
  const createdAt = context.clock.now();
  return runObject({ id: context.newId("run"), threadId, createdAt }, assistant, body);
}

/** Validates and queues a new run on `thread`. */
export function createRun(context: AssistantsContext, thread: ThreadRecord, body: JsonObject): RunRecord {
  const assistantId = readString(body, "assistant_id") ?? fail(missingParameter("assistant_id"));
  const assistant = getAssistant(context, assistantId);
  const active = activeRun(thread);
  if (active) fail(activeRunConflict(thread.thread.id, active.run.id));
  const run = newRun(context, thread.thread.id, assistant, body);
  const record: RunRecord = { run, steps: [], retrieves: 0, createdMs: context.clock.elapsedMs() };
  thread.runs.push(record);
  return record;
}

/** queued -> in_progress. */
export function startRun(record: RunRecord): void {
  if (record.run.status !== "queued") return;
  record.run.status = "in_progress";
  // Only now does a poll show it, but the run began when it was created.
  record.run.started_at = record.run.created_at;
}

// Terminal runs report usage (the spec: null only while not terminal); these wrote nothing.
const NO_USAGE = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };

/** Changes fields in place, so the run keeps its key order. */
function update(run: RunObject, changes: Partial<RunObject>): void {
  Object.assign(run, changes);
}

const SCENARIO_ERROR = { code: "server_error", message: "Sorry, something went wrong." } as const;

/**
 * Ends an in-progress run the way the scenario (or, for a few questions, the answer table)
 * says; returns what it wrote (nothing unless completed).
 */
export function finishRun(context: AssistantsContext, thread: ThreadRecord, record: RunRecord): OutputPart[] {
  const { run } = record;
  const outcome = context.scenario.runOutcome;
  const failure = outcome === "failed" ? { ...SCENARIO_ERROR } : plannedFailure(context.answers, lastUserText(thread));
  if (failure) {
    update(run, { status: "failed", failed_at: context.clock.now(), expires_at: null, usage: { ...NO_USAGE } });
    run.last_error = failure;
    return [];
  }
  if (outcome === "expired") {
    // An expired run keeps its expires_at: that is the moment it expired.
    update(run, { status: "expired", usage: { ...NO_USAGE } });
    return [];
  }
  const parts = produceOutput(context, thread, record);
  // A function turn stopped the run for outputs: it is not over yet.
  if (run.status === "requires_action") return parts;
  update(run, { status: "completed", completed_at: context.clock.now(), expires_at: null, usage: runUsage(record) });
  return parts;
}

/** The context as of an earlier moment of the session: what a run wrote then is dated then. */
function asOf(context: AssistantsContext, elapsedMs: number): AssistantsContext {
  const clock = { now: () => context.clock.secondsAt(elapsedMs), elapsedMs: () => elapsedMs, secondsAt: context.clock.secondsAt };
  return { ...context, clock };
}

/** Hands the outputs to the waiting function calls; the run is queued again and finishes on later polls. */
export function submitToolOutputs(
  context: AssistantsContext,
  thread: ThreadRecord,
  record: RunRecord,
  body: JsonObject,
): FunctionResultsPart {
  const { run } = record;
  if (run.status !== "requires_action" || !run.required_action) {
    fail(apiError(400, `Runs in status "${run.status}" do not accept tool outputs.`));
  }
  const outputs = readToolOutputs(body, run.required_action.submit_tool_outputs.tool_calls);
  return completeFunctionCalls(context, record, outputs, createUsageMeter(record, thread));
}

/** One poll: cancelling -> cancelled; queued -> in_progress; the n-th poll, or one after the run's work is done, finishes it. */
export function pollRun(context: AssistantsContext, thread: ThreadRecord, record: RunRecord): void {
  const { run } = record;
  record.retrieves += 1;
  if (run.status === "cancelling") {
    update(run, { status: "cancelled", cancelled_at: context.clock.now(), expires_at: null, usage: { ...NO_USAGE } });
    return;
  }
  if (run.status !== "queued" && run.status !== "in_progress") return;
  startRun(record);
  const doneAt = record.createdMs + context.runWorkMs;
  if (context.clock.elapsedMs() >= doneAt) finishRun(asOf(context, doneAt), thread, record);
  else if (record.retrieves >= context.pollsUntilDone) finishRun(context, thread, record);
}

export function cancelRun(record: RunRecord): void {
  const { run } = record;
  if (run.status !== "queued" && run.status !== "in_progress" && run.status !== "requires_action") {
    fail(apiError(400, `Cannot cancel run with status '${run.status}'.`));
  }
  run.status = "cancelling";
}

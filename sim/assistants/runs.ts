// The run state machine. Runs advance when they are retrieved (polled), never with real time,
// so a `wait_on_run` loop always sees queued -> in_progress -> completed, however fast it polls.
// Timestamps: a run starts when it is created (real runs left the queue within a second, whoever
// was polling them) and ends at the poll that finishes it, so its lifetime is the time its
// caller spent polling; runs created together by concurrent callers start together.
import { apiError, fail, missingParameter } from "../core/errors.ts";
import { type JsonObject, has, readBoolean, readMetadata, readNumber, readString } from "../core/read-body.ts";
import type { FunctionResultsPart } from "./parts.ts";
import { activeRunConflict } from "./errors.ts";
import { type AssistantObject, type RunObject, readTools } from "./objects.ts";
import { plannedFailure } from "./replies.ts";
import type { OutputPart } from "./parts.ts";
import { lastUserText, produceOutput } from "./run-output.ts";
import { completeFunctionCalls, readToolOutputs } from "./tool-steps.ts";
import { createUsageMeter, runUsage } from "./usage.ts";
import { type AssistantsContext, type RunRecord, type ThreadRecord, activeRun, getAssistant } from "./store.ts";

/** Real runs expire ten minutes after creation unless they finish first. */
const RUN_LIFETIME_SECONDS = 600;

/** Per-run instructions replace the assistant's; additional_instructions are appended after a blank line. */
function runInstructions(assistant: AssistantObject, body: JsonObject): string {
  const base = readString(body, "instructions") ?? assistant.instructions ?? "";
  const extra = readString(body, "additional_instructions");
  if (!extra) return base;
  return base ? `${base}\n\n${extra}` : extra;
}

function runObject(context: AssistantsContext, threadId: string, assistant: AssistantObject, body: JsonObject): RunObject {
  const createdAt = context.clock.now();
  return {
    id: context.newId("run"),
    object: "thread.run",
    created_at: createdAt,
    assistant_id: assistant.id,
    thread_id: threadId,
    status: "queued",
    started_at: null,
    expires_at: createdAt + RUN_LIFETIME_SECONDS,
    cancelled_at: null,
    failed_at: null,
    completed_at: null,
    required_action: null,
    last_error: null,
    model: readString(body, "model") ?? assistant.model,
    instructions: runInstructions(assistant, body),
    tools: readTools(body) ?? assistant.tools,
    tool_resources: {},
    metadata: readMetadata(body) ?? {},
    temperature: readNumber(body, "temperature") ?? assistant.temperature,
    top_p: readNumber(body, "top_p") ?? assistant.top_p,
    max_completion_tokens: readNumber(body, "max_completion_tokens") ?? null,
    max_prompt_tokens: readNumber(body, "max_prompt_tokens") ?? null,
    truncation_strategy: has(body, "truncation_strategy") ? body["truncation_strategy"] : { type: "auto", last_messages: null },
    incomplete_details: null,
    usage: null,
    response_format: has(body, "response_format") ? body["response_format"] : assistant.response_format,
    tool_choice: has(body, "tool_choice") ? body["tool_choice"] : "auto",
    parallel_tool_calls: readBoolean(body, "parallel_tool_calls") ?? true,
  };
}

/** Validates and queues a new run on `thread`. */
export function createRun(context: AssistantsContext, thread: ThreadRecord, body: JsonObject): RunRecord {
  const assistantId = readString(body, "assistant_id") ?? fail(missingParameter("assistant_id"));
  const assistant = getAssistant(context, assistantId);
  const active = activeRun(thread);
  if (active) fail(activeRunConflict(thread.thread.id, active.run.id));
  const record: RunRecord = { run: runObject(context, thread.thread.id, assistant, body), steps: [], retrieves: 0 };
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

/** One poll: cancelling -> cancelled; queued -> in_progress; the n-th poll finishes the run. */
export function pollRun(context: AssistantsContext, thread: ThreadRecord, record: RunRecord): void {
  const { run } = record;
  record.retrieves += 1;
  if (run.status === "cancelling") {
    update(run, { status: "cancelled", cancelled_at: context.clock.now(), expires_at: null, usage: { ...NO_USAGE } });
    return;
  }
  if (run.status !== "queued" && run.status !== "in_progress") return;
  startRun(record);
  if (record.retrieves >= context.pollsUntilDone) finishRun(context, thread, record);
}

export function cancelRun(record: RunRecord): void {
  const { run } = record;
  if (run.status !== "queued" && run.status !== "in_progress" && run.status !== "requires_action") {
    fail(apiError(400, `Cannot cancel run with status '${run.status}'.`));
  }
  run.status = "cancelling";
}

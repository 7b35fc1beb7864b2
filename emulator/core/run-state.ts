// A run's status follows its latest upstream response: queued and in_progress as they are,
// completed becomes requires_action while function calls wait for outputs, failed carries
// last_error, cancelled and incomplete end the run. Timestamps are the emulator's own clock,
// stamped when the emulator first sees each change.
import { isObject, type JsonObject, readArray, readNumber, readObject, readString } from "../../sim/core/read-body.ts";
import type { FunctionToolCall, RunError, RunObject, RunStepObject, RunStatus, Usage } from "./objects.ts";
import { stepObject } from "./objects.ts";
import type { ResponseState, RunRecord } from "./records.ts";
import { stepSources } from "./steps.ts";

const TERMINAL: ReadonlySet<RunStatus> = new Set(["completed", "failed", "cancelled", "expired", "incomplete"]);

export const isTerminal = (status: RunStatus): boolean => TERMINAL.has(status);
export const isActive = (status: RunStatus): boolean => !TERMINAL.has(status);

function usageOf(raw: JsonObject | undefined): Usage | null {
  if (!raw) return null;
  const prompt = readNumber(raw, "input_tokens") ?? 0;
  const completion = readNumber(raw, "output_tokens") ?? 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: readNumber(raw, "total_tokens") ?? prompt + completion };
}

/** The fields of an upstream response object the emulator uses; anything missing reads as empty. */
export function responseState(raw: unknown): ResponseState {
  const body = isObject(raw) ? raw : {};
  const error = readObject(body, "error");
  return {
    id: readString(body, "id") ?? "",
    status: readString(body, "status") ?? "in_progress",
    output: (readArray(body, "output") ?? []).filter(isObject),
    usage: usageOf(readObject(body, "usage")),
    error: error ? { code: readString(error, "code") ?? "server_error", message: readString(error, "message") ?? "" } : null,
  };
}

const RUN_ERROR_CODES: ReadonlySet<string> = new Set(["server_error", "rate_limit_exceeded", "invalid_prompt"]);

/** A response error as a run's last_error, whose code is one of three; others keep their code in the message. */
function lastError(error: { code: string; message: string } | null): RunError {
  if (error && RUN_ERROR_CODES.has(error.code)) return { code: error.code as RunError["code"], message: error.message };
  return { code: "server_error", message: error ? `${error.code}: ${error.message}` : "The response failed." };
}

/** Function calls of the latest response that still wait for an output. */
export function pendingCalls(record: RunRecord): FunctionToolCall[] {
  const latest = record.responses.at(-1);
  return (latest?.output ?? [])
    .filter((item) => item["type"] === "function_call" && !(String(item["call_id"]) in record.toolOutputs))
    .map((item) => ({
      id: String(item["call_id"]),
      type: "function" as const,
      function: { name: readString(item, "name") ?? "", arguments: readString(item, "arguments") ?? "" },
    }));
}

function totalUsage(record: RunRecord): Usage {
  const total = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
  for (const { usage } of record.responses) {
    if (!usage) continue;
    total.prompt_tokens += usage.prompt_tokens;
    total.completion_tokens += usage.completion_tokens;
    total.total_tokens += usage.total_tokens;
  }
  return total;
}

function end(run: RunObject, record: RunRecord, changes: Partial<RunObject>): void {
  Object.assign(run, { expires_at: null, required_action: null, ...changes, usage: totalUsage(record) });
}

/** Moves the run on from its latest response (already the last entry of `record.responses`). */
export function advanceRun(record: RunRecord, now: number): void {
  const { run } = record;
  const latest = record.responses.at(-1);
  if (!latest || isTerminal(run.status)) return;
  const status = latest.status;
  if (status !== "queued" && status !== "cancelled") run.started_at ??= now;
  if (status === "queued" || status === "in_progress") {
    if (run.status !== "cancelling") run.status = status;
  } else if (status === "completed") {
    const calls = pendingCalls(record);
    if (calls.length > 0) Object.assign(run, { status: "requires_action", required_action: requiredAction(calls) });
    else end(run, record, { status: "completed", completed_at: now });
  } else if (status === "failed") end(run, record, { status: "failed", failed_at: now, last_error: lastError(latest.error) });
  else if (status === "cancelled") end(run, record, { status: "cancelled", cancelled_at: now });
  else if (status === "incomplete") {
    // Assistants knew two reasons, both token caps; every Responses reason reads as the output cap.
    end(run, record, { status: "incomplete", incomplete_details: { reason: "max_completion_tokens" } });
  }
}

function requiredAction(calls: FunctionToolCall[]) {
  return { type: "submit_tool_outputs" as const, submit_tool_outputs: { tool_calls: calls } };
}

/** A run left waiting for tool outputs past its expires_at expires, as Assistants runs did. */
export function expireIfDue(record: RunRecord, now: number): void {
  const { run } = record;
  if (run.status === "requires_action" && run.expires_at !== null && now >= run.expires_at) {
    Object.assign(run, { status: "expired", required_action: null, usage: totalUsage(record) });
  }
}

/** When a step was first seen (now, if this is the first time), and first seen finished. */
export function stepTimes(record: RunRecord, stepId: string, now: number): { createdAt: number; endedAt: number | null } {
  const known = record.stepTimes[stepId];
  if (known) return known;
  const times = { createdAt: now, endedAt: null };
  record.stepTimes[stepId] = times;
  return times;
}

/** The run's steps, stamping each one's first sight and end on the record. */
export function runSteps(record: RunRecord, now: number): RunStepObject[] {
  const outputs = record.responses.map((response) => response.output);
  return stepSources(outputs, record.toolOutputs, record.run.status).map((source) => {
    const times = stepTimes(record, source.id, now);
    if (source.status !== "in_progress") times.endedAt ??= now;
    return stepObject({ ...source, createdAt: times.createdAt, run: record.run, endedAt: times.endedAt });
  });
}

/** A run waiting for tool outputs has no response running upstream: cancelling it ends it here. */
export function cancelWaitingRun(record: RunRecord, now: number): void {
  end(record.run, record, { status: "cancelled", cancelled_at: now });
}

// Builders for the thread.* events of a streamed run, in the shapes AssistantStream accumulates:
// a step or message is announced empty (created, in_progress), grows by deltas that carry an
// `index` per content part or tool call, and is repeated whole when it ends.
import type { JsonObject, SseEvent } from "./types.ts";
import type { MessageObject, RunObject, RunStepObject, StepDetails } from "./objects.ts";
import { stepObject } from "./objects.ts";

export const DONE: SseEvent = { event: "done", data: "[DONE]" };

export function event(name: string, data: unknown): SseEvent {
  return { event: name, data: structuredClone(data) };
}

/** The step as announced: running, and a tool_calls step with no calls yet. */
export function startedStep(id: string, run: RunObject, details: StepDetails, createdAt: number): RunStepObject {
  const empty: StepDetails = details.type === "tool_calls" ? { type: "tool_calls", tool_calls: [] } : details;
  return stepObject({ id, createdAt, run, details: empty, status: "in_progress", endedAt: null });
}

export function stepStartEvents(step: RunStepObject): SseEvent[] {
  return [event("thread.run.step.created", step), event("thread.run.step.in_progress", step)];
}

export function toolCallDelta(stepId: string, toolCall: JsonObject): SseEvent {
  const delta = { step_details: { type: "tool_calls", tool_calls: [toolCall] } };
  return event("thread.run.step.delta", { id: stepId, object: "thread.run.step.delta", delta });
}

export function messageStartEvents(message: MessageObject): SseEvent[] {
  const started = { ...message, content: [], status: "in_progress", completed_at: null };
  return [event("thread.message.created", started), event("thread.message.in_progress", started)];
}

export function messageDelta(messageId: string, part: JsonObject): SseEvent {
  return event("thread.message.delta", { id: messageId, object: "thread.message.delta", delta: { content: [part] } });
}

/** The `error` event: the Assistants stream's ErrorObject. */
export function errorEvent(code: string | null, message: string, param: string | null = null): SseEvent {
  return event("error", { code, message, param, type: "server_error" });
}

// Server-sent events for `stream: true` runs, in the real API's order (see the official
// "Streaming" examples): run created/queued/in_progress, then per step created/in_progress,
// message created/in_progress/deltas/completed or tool-call deltas, step completed, the run's
// terminal event, and finally `done`. The SDK's AssistantStream rejects overlapping steps or
// messages, so each step finishes before the next one starts.
import type { RunStepObject } from "./objects.ts";
import type { MessagePart, OutputPart, ToolCallPart } from "./run-output.ts";
import { finishRun, startRun } from "./runs.ts";
import { snapshot } from "../core/simulator.ts";
import type { SseEvent } from "../core/types.ts";
import { deltaChunks } from "../core/model-text.ts";
import type { AssistantsContext, RunRecord, ThreadRecord } from "./store.ts";

export { deltaChunks };

function event(name: string, data: unknown): SseEvent {
  return { event: name, data: snapshot(data) };
}

/** The step as it looked when it started: no completion, no usage, no tool calls yet. */
function startedStep(step: RunStepObject): RunStepObject {
  const details = step.step_details.type === "tool_calls" ? { type: "tool_calls" as const, tool_calls: [] } : step.step_details;
  return { ...step, status: "in_progress", completed_at: null, usage: null, step_details: details };
}

function stepDelta(stepId: string, toolCall: object): SseEvent {
  const delta = { step_details: { type: "tool_calls", tool_calls: [toolCall] } };
  return event("thread.run.step.delta", { id: stepId, object: "thread.run.step.delta", delta });
}

function messageEvents(part: MessagePart): SseEvent[] {
  const { message } = part;
  const started = { ...message, content: [], status: "in_progress", completed_at: null };
  const text = message.content.map((content) => (content as { text?: { value?: string } }).text?.value ?? "").join("");
  const deltas = deltaChunks(text).map((value, i) => {
    // Only the first delta of a text part carries the (empty) annotations list.
    const textDelta = i === 0 ? { value, annotations: [] } : { value };
    const delta = { content: [{ index: 0, type: "text", text: textDelta }] };
    return event("thread.message.delta", { id: message.id, object: "thread.message.delta", delta });
  });
  return [
    event("thread.message.created", started),
    event("thread.message.in_progress", started),
    ...deltas,
    event("thread.message.completed", message),
  ];
}

function toolCallEvents(part: ToolCallPart): SseEvent[] {
  const stepId = part.step.id;
  const opening = { index: 0, id: part.callId, type: "code_interpreter", code_interpreter: { input: "", outputs: [] } };
  const inputs = deltaChunks(part.code).map((input) =>
    stepDelta(stepId, { index: 0, type: "code_interpreter", code_interpreter: { input } }),
  );
  const outputs = [{ index: 0, type: "logs", logs: part.logs }];
  return [stepDelta(stepId, opening), ...inputs, stepDelta(stepId, { index: 0, type: "code_interpreter", code_interpreter: { outputs } })];
}

function partEvents(part: OutputPart): SseEvent[] {
  const started = startedStep(part.step);
  return [
    event("thread.run.step.created", started),
    event("thread.run.step.in_progress", started),
    ...(part.kind === "message" ? messageEvents(part) : toolCallEvents(part)),
    event("thread.run.step.completed", part.step),
  ];
}

/**
 * Runs a freshly created run to its end and returns the whole event stream. `prelude` holds
 * events sent before the run's own (thread.created for POST /v1/threads/runs).
 */
export function streamRun(context: AssistantsContext, thread: ThreadRecord, record: RunRecord, prelude: SseEvent[] = []): SseEvent[] {
  const events = [...prelude, event("thread.run.created", record.run), event("thread.run.queued", record.run)];
  startRun(record);
  events.push(event("thread.run.in_progress", record.run));
  for (const part of finishRun(context, thread, record)) events.push(...partEvents(part));
  events.push(event(`thread.run.${record.run.status}`, record.run));
  events.push({ event: "done", data: "[DONE]" });
  return events;
}

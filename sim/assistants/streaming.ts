// Server-sent events for `stream: true` runs, in the real API's order (see the official
// "Streaming" examples): run created/queued/in_progress, then per step created/in_progress,
// message created/in_progress/deltas/completed or tool-call deltas, step completed, the run's
// terminal event, and finally `done`. A run that stops for function calls ends its stream with
// `thread.run.requires_action` (the calls' step still in progress); submitting the outputs with
// `stream: true` opens a new stream that starts with that step completed. The SDK's
// AssistantStream rejects overlapping steps or messages, so each step finishes before the next.
import { snapshot } from "../core/simulator.ts";
import type { SseEvent } from "../core/types.ts";
import type { FileSearchPart, FunctionCallsPart, FunctionResultsPart, MessagePart, OutputPart, ToolCallPart } from "./parts.ts";
import { finishRun, startRun } from "./runs.ts";
import type { RunStepObject } from "./step-objects.ts";
import type { AssistantsContext, RunRecord, ThreadRecord } from "./store.ts";
import { deltaChunks } from "../core/model-text.ts";

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

function messageDelta(messageId: string, content: object): SseEvent {
  return event("thread.message.delta", { id: messageId, object: "thread.message.delta", delta: { content: [content] } });
}

/** One content part as deltas: an image at once; text a word at a time, then its citations. */
function contentDeltas(messageId: string, part: unknown, index: number): SseEvent[] {
  const typed = part as { type: string; image_file?: object; text?: { value: string; annotations: object[] } };
  if (typed.type !== "text" || !typed.text) return [messageDelta(messageId, { index, type: typed.type, image_file: typed.image_file })];
  const { value, annotations } = typed.text;
  // Only the first delta of a text part carries the (empty) annotations list.
  const words = deltaChunks(value).map((chunk, i) =>
    messageDelta(messageId, { index, type: "text", text: i === 0 ? { value: chunk, annotations: [] } : { value: chunk } }),
  );
  const cited = annotations.map((annotation, i) =>
    messageDelta(messageId, { index, type: "text", text: { annotations: [{ index: i, ...annotation }] } }),
  );
  return [...words, ...cited];
}

function messageEvents({ message }: MessagePart): SseEvent[] {
  const started = { ...message, content: [], status: "in_progress", completed_at: null };
  return [
    event("thread.message.created", started),
    event("thread.message.in_progress", started),
    ...message.content.flatMap((part, index) => contentDeltas(message.id, part, index)),
    event("thread.message.completed", message),
  ];
}

function codeCallEvents(part: ToolCallPart): SseEvent[] {
  const stepId = part.step.id;
  const opening = { index: 0, id: part.callId, type: "code_interpreter", code_interpreter: { input: "", outputs: [] } };
  const inputs = deltaChunks(part.code).map((input) =>
    stepDelta(stepId, { index: 0, type: "code_interpreter", code_interpreter: { input } }),
  );
  const outputs: object[] = [{ index: 0, type: "logs", logs: part.logs }];
  if (part.imageFileId) outputs.push({ index: 1, type: "image", image: { file_id: part.imageFileId } });
  return [stepDelta(stepId, opening), ...inputs, stepDelta(stepId, { index: 0, type: "code_interpreter", code_interpreter: { outputs } })];
}

/** Each call opens with its id and name; its arguments follow in pieces. */
function functionCallEvents(part: FunctionCallsPart): SseEvent[] {
  return part.calls.flatMap((call, index) => [
    stepDelta(part.step.id, { index, id: call.id, type: "function", function: { name: call.function.name, arguments: "", output: null } }),
    ...deltaChunks(call.function.arguments).map((piece) =>
      stepDelta(part.step.id, { index, type: "function", function: { arguments: piece } }),
    ),
  ]);
}

function fileSearchEvents(part: FileSearchPart): SseEvent[] {
  return [stepDelta(part.step.id, { index: 0, id: part.callId, type: "file_search", file_search: {} })];
}

function partEvents(part: OutputPart): SseEvent[] {
  if (part.kind === "function_results") return [event("thread.run.step.completed", part.step)];
  const started = startedStep(part.step);
  const opening = [event("thread.run.step.created", started), event("thread.run.step.in_progress", started)];
  if (part.kind === "function_calls") return [...opening, ...functionCallEvents(part)];
  const body = part.kind === "message" ? messageEvents(part) : part.kind === "file_search" ? fileSearchEvents(part) : codeCallEvents(part);
  return [...opening, ...body, event("thread.run.step.completed", part.step)];
}

/** Starts a queued run and streams it to its end (or to its stop for tool outputs). */
function runEvents(context: AssistantsContext, thread: ThreadRecord, record: RunRecord): SseEvent[] {
  const events = [event("thread.run.queued", record.run)];
  startRun(record);
  events.push(event("thread.run.in_progress", record.run));
  for (const part of finishRun(context, thread, record)) events.push(...partEvents(part));
  events.push(event(`thread.run.${record.run.status}`, record.run));
  events.push({ event: "done", data: "[DONE]" });
  return events;
}

/**
 * Runs a freshly created run to its end and returns the whole event stream. `prelude` holds
 * events sent before the run's own (thread.created for POST /v1/threads/runs).
 */
export function streamRun(context: AssistantsContext, thread: ThreadRecord, record: RunRecord, prelude: SseEvent[] = []): SseEvent[] {
  return [...prelude, event("thread.run.created", record.run), ...runEvents(context, thread, record)];
}

/** The stream after tool outputs: the calls' step completed, then the run goes on. */
export function streamSubmittedRun(
  context: AssistantsContext,
  thread: ThreadRecord,
  record: RunRecord,
  results: FunctionResultsPart,
): SseEvent[] {
  return [...partEvents(results), ...runEvents(context, thread, record)];
}

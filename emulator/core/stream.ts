// response.* events in, thread.* events out: a streamed background response becomes the event
// sequence of a streamed run. Each output item opens a run step (and a message for message
// items), its deltas become message or step deltas, and its done event closes them. Consecutive
// function calls share one step, left open when the run stops for their outputs.
import { isObject, type JsonObject, readNumber, readObject, readString } from "../../sim/core/read-body.ts";
import type { MessageObject, RunObject, StepDetails } from "./objects.ts";
import { stepObject } from "./objects.ts";
import type { MessageMeta, RunRecord } from "./records.ts";
import { messageFromItem, textPart } from "./messages.ts";
import { stepTimes } from "./run-state.ts";
import { codeInterpreterCall, fileSearchCall, stepIdOf } from "./steps.ts";
import { DONE, errorEvent, event, messageDelta, messageStartEvents, startedStep, stepStartEvents, toolCallDelta } from "./stream-events.ts";
import type { SseEvent } from "./types.ts";

export type StreamHooks = {
  /** Applies an upstream response snapshot to the run and returns the run as it now is. */
  response(raw: unknown): RunObject;
  /** The meta of an output message of this run (registered on first call), updated when `done`. */
  message(itemId: string, done: boolean): MessageMeta;
  now(): number;
};

/** Events that carry the whole response: its status changes. */
const LIFECYCLE: ReadonlySet<string> = new Set(
  ["created", "queued", "in_progress", "completed", "failed", "incomplete", "cancelled"].map((status) => `response.${status}`),
);

type Open = { stepId: string; kind: string; messageId?: string; textIndexes: Set<number>; calls: Map<string, number> };

export type StreamTranslator = { translate(upstream: SseEvent): SseEvent[]; finish(): SseEvent[] };

/** `continuation`: the stream after submitted tool outputs, whose run already exists (no thread.run.created). */
export function createStreamTranslator(record: RunRecord, hooks: StreamHooks, continuation = false): StreamTranslator {
  let open: Open | undefined;
  let ended = false;
  const announced = new Set<string>();

  const runEvent = (status: string, run: RunObject): SseEvent[] => {
    if (announced.has(status)) return [];
    announced.add(status);
    return [event(`thread.run.${status}`, run)];
  };

  const openStep = (item: JsonObject & { id: string }, details: StepDetails): SseEvent[] => {
    const stepId = stepIdOf(item.id);
    const times = stepTimes(record, stepId, hooks.now());
    open = { stepId, kind: String(item["type"]), textIndexes: new Set(), calls: new Map() };
    return stepStartEvents(startedStep(stepId, record.run, details, times.createdAt));
  };

  const closeStep = (details: StepDetails): SseEvent[] => {
    if (!open) return [];
    const times = stepTimes(record, open.stepId, hooks.now());
    times.endedAt ??= hooks.now();
    const step = stepObject({
      id: open.stepId,
      createdAt: times.createdAt,
      run: record.run,
      details,
      status: "completed",
      endedAt: times.endedAt,
    });
    open = undefined;
    return [event("thread.run.step.completed", step)];
  };

  const message = (item: JsonObject & { id: string }, done: boolean): MessageObject => messageFromItem(item, hooks.message(item.id, done));

  function itemAdded(item: JsonObject & { id: string }): SseEvent[] {
    const type = item["type"];
    if (type === "function_call") return functionCallAdded(item);
    if (open?.kind === "function_call") open = undefined; // calls after text: the earlier step waits for outputs
    if (type === "message") {
      const events = openStep(item, { type: "message_creation", message_creation: { message_id: item.id } });
      open!.messageId = item.id;
      return [...events, ...messageStartEvents(message(item, false))];
    }
    if (type === "code_interpreter_call") {
      const first = { index: 0, id: item.id, type: "code_interpreter", code_interpreter: { input: "", outputs: [] } };
      return [...openStep(item, { type: "tool_calls", tool_calls: [] }), toolCallDelta(stepIdOf(item.id), first)];
    }
    if (type === "file_search_call") {
      const first = { index: 0, id: item.id, type: "file_search", file_search: {} };
      return [...openStep(item, { type: "tool_calls", tool_calls: [] }), toolCallDelta(stepIdOf(item.id), first)];
    }
    return []; // reasoning and other items make no step
  }

  function functionCallAdded(item: JsonObject & { id: string }): SseEvent[] {
    const events = open?.kind === "function_call" ? [] : openStep(item, { type: "tool_calls", tool_calls: [] });
    const index = open!.calls.size;
    open!.calls.set(item.id, index);
    const fn = { name: readString(item, "name") ?? "", arguments: "", output: null };
    return [...events, toolCallDelta(open!.stepId, { index, id: item["call_id"], type: "function", function: fn })];
  }

  function itemDone(item: JsonObject & { id: string }): SseEvent[] {
    if (!open || open.kind === "function_call") return [];
    if (item["type"] === "message") {
      const finished = message(item, true);
      const name = finished.status === "incomplete" ? "thread.message.incomplete" : "thread.message.completed";
      return [event(name, finished), ...closeStep({ type: "message_creation", message_creation: { message_id: item.id } })];
    }
    const call = item["type"] === "code_interpreter_call" ? codeInterpreterCall(item) : fileSearchCall(item);
    const events: SseEvent[] = [];
    const code = isObject(call["code_interpreter"]) ? call["code_interpreter"] : undefined;
    const outputs = Array.isArray(code?.["outputs"]) ? code["outputs"] : [];
    if (outputs.length > 0) {
      const indexed = outputs.map((output, index) => ({ index, ...(output as JsonObject) }));
      events.push(toolCallDelta(open.stepId, { index: 0, type: "code_interpreter", code_interpreter: { outputs: indexed } }));
    }
    return [...events, ...closeStep({ type: "tool_calls", tool_calls: [call] })];
  }

  function delta(type: string, data: JsonObject): SseEvent[] {
    if (!open) return [];
    const piece = readString(data, "delta") ?? "";
    const index = readNumber(data, "content_index") ?? 0;
    if (type === "response.output_text.delta" && open.messageId) {
      const text = open.textIndexes.has(index) ? { value: piece } : { value: piece, annotations: [] };
      open.textIndexes.add(index);
      return [messageDelta(open.messageId, { index, type: "text", text })];
    }
    if (type === "response.output_text.annotation.added" && open.messageId) {
      const [annotation] = (textPart({ annotations: [data["annotation"]] })["text"] as { annotations: JsonObject[] }).annotations;
      if (!annotation) return [];
      const indexed = { index: readNumber(data, "annotation_index") ?? 0, ...annotation };
      return [messageDelta(open.messageId, { index, type: "text", text: { annotations: [indexed] } })];
    }
    if (type === "response.refusal.delta" && open.messageId)
      return [messageDelta(open.messageId, { index, type: "refusal", refusal: piece })];
    if (type === "response.code_interpreter_call_code.delta") {
      return [toolCallDelta(open.stepId, { index: 0, type: "code_interpreter", code_interpreter: { input: piece } })];
    }
    const callIndex = open.calls.get(readString(data, "item_id") ?? "");
    if (type === "response.function_call_arguments.delta" && callIndex !== undefined) {
      return [toolCallDelta(open.stepId, { index: callIndex, type: "function", function: { arguments: piece } })];
    }
    return [];
  }

  function responseEvent(type: string, data: JsonObject): SseEvent[] {
    const run = hooks.response(data["response"]);
    if (type === "response.created") {
      return continuation
        ? runEvent("queued", run)
        : [...runEvent("created", run), ...(run.status === "queued" ? runEvent("queued", run) : [])];
    }
    if (type === "response.queued") return runEvent("queued", run);
    if (type === "response.in_progress") return runEvent("in_progress", run);
    ended = true;
    return [...runEvent(run.status, run), DONE];
  }

  function translate({ event: name, data }: SseEvent): SseEvent[] {
    if (ended || !isObject(data)) return [];
    const type = readString(data, "type") ?? name;
    if (type === "error") {
      ended = true;
      return [errorEvent(readString(data, "code") ?? null, readString(data, "message") ?? "The upstream stream failed."), DONE];
    }
    if (LIFECYCLE.has(type) && isObject(data["response"])) return responseEvent(type, data);
    const item = readObject(data, "item");
    const withId = item && typeof item["id"] === "string" ? (item as JsonObject & { id: string }) : undefined;
    if (type === "response.output_item.added" && withId) return itemAdded(withId);
    if (type === "response.output_item.done" && withId) return itemDone(withId);
    return delta(type, data);
  }

  return {
    translate,
    finish: () => (ended ? [] : [errorEvent("stream_ended", "The upstream stream ended before the response finished."), DONE]),
  };
}

// response.* events in, thread.* events out: a streamed background response becomes the event
// sequence of a streamed run. Each output item opens a run step (and a message for message
// items), its deltas become message or step deltas, and its done event closes them. Consecutive
// function calls share one step, left open when the run stops for their outputs.
import { isObject, type JsonObject, readNumber, readObject, readString } from "../../sim/core/read-body.ts";
import { messageFromItem, textPart } from "./messages.ts";
import type { MessageObject, RunObject, StepDetails } from "./objects.ts";
import { stepObject } from "./objects.ts";
import type { MessageMeta, RunRecord } from "./records.ts";
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

type Item = JsonObject & { id: string };
type Open = { stepId: string; kind: string; messageId?: string; textIndexes: Set<number>; calls: Map<string, number> };

export type StreamTranslator = { translate(upstream: SseEvent): SseEvent[]; finish(): SseEvent[] };

class RunStreamTranslator implements StreamTranslator {
  readonly #record: RunRecord;
  readonly #hooks: StreamHooks;
  readonly #continuation: boolean;
  readonly #announced = new Set<string>();
  #open: Open | undefined;
  #ended = false;

  constructor(record: RunRecord, hooks: StreamHooks, continuation: boolean) {
    this.#record = record;
    this.#hooks = hooks;
    this.#continuation = continuation;
  }

  translate = ({ event: name, data }: SseEvent): SseEvent[] => {
    if (this.#ended || !isObject(data)) return [];
    const type = readString(data, "type") ?? name;
    if (type === "error") {
      this.#ended = true;
      return [errorEvent(readString(data, "code") ?? null, readString(data, "message") ?? "The upstream stream failed."), DONE];
    }
    if (LIFECYCLE.has(type) && isObject(data["response"])) return this.#lifecycle(type, data["response"]);
    const item = readObject(data, "item");
    const withId = item && typeof item["id"] === "string" ? (item as Item) : undefined;
    if (type === "response.output_item.added" && withId) return this.#itemAdded(withId);
    if (type === "response.output_item.done" && withId) return this.#itemDone(withId);
    return this.#open?.messageId ? this.#textDelta(type, data, this.#open.messageId) : this.#toolDelta(type, data);
  };

  finish = (): SseEvent[] =>
    this.#ended ? [] : [errorEvent("stream_ended", "The upstream stream ended before the response finished."), DONE];

  #runEvent(status: string, run: RunObject): SseEvent[] {
    if (this.#announced.has(status)) return [];
    this.#announced.add(status);
    return [event(`thread.run.${status}`, run)];
  }

  #lifecycle(type: string, response: unknown): SseEvent[] {
    const run = this.#hooks.response(response);
    if (type === "response.created") {
      if (this.#continuation) return this.#runEvent("queued", run);
      return [...this.#runEvent("created", run), ...(run.status === "queued" ? this.#runEvent("queued", run) : [])];
    }
    if (type === "response.queued") return this.#runEvent("queued", run);
    if (type === "response.in_progress") return this.#runEvent("in_progress", run);
    this.#ended = true;
    return [...this.#runEvent(run.status, run), DONE];
  }

  #openStep(item: Item, details: StepDetails): SseEvent[] {
    const stepId = stepIdOf(item.id);
    const times = stepTimes(this.#record, stepId, this.#hooks.now());
    this.#open = { stepId, kind: String(item["type"]), textIndexes: new Set(), calls: new Map() };
    return stepStartEvents(startedStep(stepId, this.#record.run, details, times.createdAt));
  }

  #closeStep(stepId: string, details: StepDetails): SseEvent[] {
    const times = stepTimes(this.#record, stepId, this.#hooks.now());
    times.endedAt ??= this.#hooks.now();
    const { createdAt, endedAt } = times;
    this.#open = undefined;
    return [
      event(
        "thread.run.step.completed",
        stepObject({ id: stepId, createdAt, run: this.#record.run, details, status: "completed", endedAt }),
      ),
    ];
  }

  #message(item: Item, done: boolean): MessageObject {
    return messageFromItem(item, this.#hooks.message(item.id, done));
  }

  #itemAdded(item: Item): SseEvent[] {
    const type = item["type"];
    if (type === "function_call") return this.#functionCallAdded(item);
    if (this.#open?.kind === "function_call") this.#open = undefined; // the earlier calls wait for outputs
    if (type === "message") {
      const events = this.#openStep(item, { type: "message_creation", message_creation: { message_id: item.id } });
      this.#open!.messageId = item.id;
      return [...events, ...messageStartEvents(this.#message(item, false))];
    }
    const first =
      type === "code_interpreter_call"
        ? { index: 0, id: item.id, type: "code_interpreter", code_interpreter: { input: "", outputs: [] } }
        : type === "file_search_call"
          ? { index: 0, id: item.id, type: "file_search", file_search: {} }
          : undefined;
    if (!first) return []; // reasoning and other items make no step
    return [...this.#openStep(item, { type: "tool_calls", tool_calls: [] }), toolCallDelta(stepIdOf(item.id), first)];
  }

  #functionCallAdded(item: Item): SseEvent[] {
    const events = this.#open?.kind === "function_call" ? [] : this.#openStep(item, { type: "tool_calls", tool_calls: [] });
    const open = this.#open!;
    const index = open.calls.size;
    open.calls.set(item.id, index);
    const fn = { name: readString(item, "name") ?? "", arguments: "", output: null };
    return [...events, toolCallDelta(open.stepId, { index, id: item["call_id"], type: "function", function: fn })];
  }

  #itemDone(item: Item): SseEvent[] {
    const open = this.#open;
    if (!open || open.kind === "function_call") return [];
    if (item["type"] === "message") {
      const finished = this.#message(item, true);
      const name = finished.status === "incomplete" ? "thread.message.incomplete" : "thread.message.completed";
      return [
        event(name, finished),
        ...this.#closeStep(open.stepId, { type: "message_creation", message_creation: { message_id: item.id } }),
      ];
    }
    const call = item["type"] === "code_interpreter_call" ? codeInterpreterCall(item) : fileSearchCall(item);
    const code = isObject(call["code_interpreter"]) ? call["code_interpreter"] : undefined;
    const outputs = (Array.isArray(code?.["outputs"]) ? code["outputs"] : []).filter(isObject);
    const logs = outputs.map((output, index) => ({ index, ...output }));
    const events =
      logs.length > 0 ? [toolCallDelta(open.stepId, { index: 0, type: "code_interpreter", code_interpreter: { outputs: logs } })] : [];
    return [...events, ...this.#closeStep(open.stepId, { type: "tool_calls", tool_calls: [call] })];
  }

  #textDelta(type: string, data: JsonObject, messageId: string): SseEvent[] {
    const open = this.#open!;
    const piece = readString(data, "delta") ?? "";
    const index = readNumber(data, "content_index") ?? 0;
    if (type === "response.output_text.delta") {
      // Only the first delta of a text part carries the (empty) annotations list.
      const text = open.textIndexes.has(index) ? { value: piece } : { value: piece, annotations: [] };
      open.textIndexes.add(index);
      return [messageDelta(messageId, { index, type: "text", text })];
    }
    if (type === "response.output_text.annotation.added") {
      const [annotation] = (textPart({ annotations: [data["annotation"]] })["text"] as { annotations: JsonObject[] }).annotations;
      if (!annotation) return [];
      const indexed = { index: readNumber(data, "annotation_index") ?? 0, ...annotation };
      return [messageDelta(messageId, { index, type: "text", text: { annotations: [indexed] } })];
    }
    if (type === "response.refusal.delta") return [messageDelta(messageId, { index, type: "refusal", refusal: piece })];
    return [];
  }

  #toolDelta(type: string, data: JsonObject): SseEvent[] {
    const open = this.#open;
    if (!open) return [];
    const piece = readString(data, "delta") ?? "";
    if (type === "response.code_interpreter_call_code.delta") {
      return [toolCallDelta(open.stepId, { index: 0, type: "code_interpreter", code_interpreter: { input: piece } })];
    }
    const callIndex = open.calls.get(readString(data, "item_id") ?? "");
    if (type === "response.function_call_arguments.delta" && callIndex !== undefined) {
      return [toolCallDelta(open.stepId, { index: callIndex, type: "function", function: { arguments: piece } })];
    }
    return [];
  }
}

/** `continuation`: the stream after submitted tool outputs, whose run already exists (no thread.run.created). */
export function createStreamTranslator(record: RunRecord, hooks: StreamHooks, continuation = false): StreamTranslator {
  return new RunStreamTranslator(record, hooks, continuation);
}

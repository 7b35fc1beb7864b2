// Server-sent events for `stream: true`, in the real API's order (the official streaming
// example): response.created (and response.queued for background ones), response.in_progress,
// then per output item: output_item.added, its content part or arguments as deltas, the done
// events, output_item.done; finally response.completed or response.failed. Every event
// carries its type and a sequence_number counting from 0. No `[DONE]` follows.
import { deltaChunks } from "../core/model-text.ts";
import { snapshot } from "../core/simulator.ts";
import type { SseEvent } from "../core/types.ts";
import { type Item, outputText } from "./objects.ts";
import { finishResponse, startResponse } from "./responses.ts";
import type { ResponseRecord, ResponsesContext } from "./store.ts";

type Emit = (type: string, fields: Record<string, unknown>) => void;

function messageEvents(emit: Emit, item: Item, index: number): void {
  const parts = (item["content"] as { text?: string }[]) ?? [];
  emit("response.output_item.added", { output_index: index, item: { ...item, status: "in_progress", content: [] } });
  for (const [contentIndex, part] of parts.entries()) {
    const text = part.text ?? "";
    const at = { item_id: item.id, output_index: index, content_index: contentIndex };
    emit("response.content_part.added", { ...at, part: outputText("") });
    for (const delta of deltaChunks(text)) emit("response.output_text.delta", { ...at, delta, logprobs: [] });
    const annotations = (part as { annotations?: unknown[] }).annotations ?? [];
    for (const [annotationIndex, annotation] of annotations.entries())
      emit("response.output_text.annotation.added", { ...at, annotation_index: annotationIndex, annotation });
    emit("response.output_text.done", { ...at, text, logprobs: [] });
    emit("response.content_part.done", { ...at, part });
  }
}

function functionCallEvents(emit: Emit, item: Item, index: number): void {
  const args = String(item["arguments"] ?? "");
  emit("response.output_item.added", { output_index: index, item: { ...item, status: "in_progress", arguments: "" } });
  for (const delta of deltaChunks(args)) emit("response.function_call_arguments.delta", { item_id: item.id, output_index: index, delta });
  emit("response.function_call_arguments.done", { item_id: item.id, name: item["name"], output_index: index, arguments: args });
}

/** A hosted tool call: added in progress, its own progress events, then done. */
function toolCallEvents(emit: Emit, item: Item, index: number): void {
  const at = { output_index: index, item_id: item.id };
  if (item.type === "file_search_call") {
    emit("response.output_item.added", { output_index: index, item: { ...item, status: "in_progress", results: null } });
    emit("response.file_search_call.in_progress", at);
    emit("response.file_search_call.searching", at);
    emit("response.file_search_call.completed", at);
    return;
  }
  const code = String(item["code"] ?? "");
  emit("response.output_item.added", { output_index: index, item: { ...item, status: "in_progress", code: "", outputs: null } });
  emit("response.code_interpreter_call.in_progress", at);
  for (const delta of deltaChunks(code)) emit("response.code_interpreter_call_code.delta", { ...at, delta });
  emit("response.code_interpreter_call_code.done", { ...at, code });
  emit("response.code_interpreter_call.interpreting", at);
  emit("response.code_interpreter_call.completed", at);
}

function itemEvents(emit: Emit, item: Item, index: number): void {
  if (item.type === "function_call") functionCallEvents(emit, item, index);
  else if (item.type === "message") messageEvents(emit, item, index);
  else if (item.type === "file_search_call" || item.type === "code_interpreter_call") toolCallEvents(emit, item, index);
  else emit("response.output_item.added", { output_index: index, item });
  emit("response.output_item.done", { output_index: index, item });
}

/** Runs a freshly created response to its end and returns the whole event stream. */
export function streamResponse(context: ResponsesContext, record: ResponseRecord): SseEvent[] {
  const events: SseEvent[] = [];
  const emit: Emit = (type, fields) => {
    events.push({ event: type, data: snapshot({ type, sequence_number: events.length, ...fields }) });
  };
  const { response } = record;
  emit("response.created", { response });
  if (response.status === "queued") emit("response.queued", { response });
  startResponse(record);
  emit("response.in_progress", { response });
  const { outcome } = record;
  if (outcome.kind === "completed") for (const [index, item] of outcome.output.entries()) itemEvents(emit, item, index);
  finishResponse(context, record);
  emit(`response.${response.status}`, { response });
  return events;
}

// Response output items -> run steps. A message item is a message_creation step; a code
// interpreter or file search call is a tool_calls step of its own; consecutive function calls
// of one response (one model turn) share one tool_calls step, finished once their outputs are submitted.
// Reasoning and other items have no Assistants counterpart and make no step.
import { isObject, type JsonObject, readArray, readString } from "../../sim/core/read-body.ts";
import type { RunStatus, StepDetails, StepStatus } from "./objects.ts";

export type StepSource = { id: string; details: StepDetails; status: StepStatus };

/**
 * One id per step, derived from its first item's id, so it is the same in streams and lists;
 * the item's kind stays in it (msg_x -> step_msgx, ci_x -> step_cix), so steps never share an id.
 */
export function stepIdOf(itemId: string): string {
  return `step_${itemId.replace("_", "")}`;
}

function itemStatus(item: JsonObject): StepStatus {
  const status = readString(item, "status");
  if (status === "failed") return "failed";
  return status === "completed" || status === "incomplete" ? "completed" : "in_progress";
}

function codeOutputs(item: JsonObject): JsonObject[] {
  return (readArray(item, "outputs") ?? []).filter(isObject).flatMap((output) => {
    if (output["type"] === "logs") return [{ type: "logs", logs: readString(output, "logs") ?? "" }];
    return []; // image outputs are URLs in a container, not files: no Assistants counterpart
  });
}

export function codeInterpreterCall(item: JsonObject): JsonObject {
  return {
    id: item["id"],
    type: "code_interpreter",
    code_interpreter: { input: readString(item, "code") ?? "", outputs: codeOutputs(item) },
  };
}

export function fileSearchCall(item: JsonObject): JsonObject {
  const results = readArray(item, "results");
  const mapped = results?.filter(isObject).map((result) => ({
    file_id: result["file_id"],
    file_name: result["filename"],
    score: result["score"],
    ...(typeof result["text"] === "string" ? { content: [{ type: "text", text: result["text"] }] } : {}),
  }));
  return { id: item["id"], type: "file_search", file_search: mapped ? { results: mapped } : {} };
}

export function functionCall(item: JsonObject, output: string | undefined): JsonObject {
  const fn = { name: readString(item, "name") ?? "", arguments: readString(item, "arguments") ?? "", output: output ?? null };
  return { id: item["call_id"], type: "function", function: fn };
}

/** A step still running when its run ended ends the way the run did. */
function endedWithRun(status: StepStatus, run: RunStatus): StepStatus {
  if (status !== "in_progress") return status;
  if (run === "cancelled" || run === "expired" || run === "failed") return run;
  if (run === "incomplete" || run === "completed") return "completed";
  return status;
}

function toolStep(item: JsonObject & { id: string }, call: JsonObject): StepSource {
  return { id: stepIdOf(item.id), details: { type: "tool_calls", tool_calls: [call] }, status: itemStatus(item) };
}

/** The step of one output item, or the calls it adds to the open function step. */
function addItem(steps: StepSource[], open: { calls?: JsonObject[] }, item: JsonObject, toolOutputs: Record<string, string>): void {
  const id = readString(item, "id");
  if (!id) return;
  if (item["type"] === "function_call") {
    const call = functionCall(item, toolOutputs[readString(item, "call_id") ?? ""]);
    if (open.calls) open.calls.push(call);
    else {
      open.calls = [call];
      steps.push({ id: stepIdOf(id), details: { type: "tool_calls", tool_calls: open.calls }, status: "in_progress" });
    }
    return;
  }
  open.calls = undefined;
  const withId = item as JsonObject & { id: string };
  if (item["type"] === "message") {
    const details: StepDetails = { type: "message_creation", message_creation: { message_id: id } };
    steps.push({ id: stepIdOf(id), details, status: itemStatus(item) });
  } else if (item["type"] === "code_interpreter_call") steps.push(toolStep(withId, codeInterpreterCall(item)));
  else if (item["type"] === "file_search_call") steps.push(toolStep(withId, fileSearchCall(item)));
}

/**
 * The steps of a run's responses' outputs (one list per response), in order. Consecutive
 * function calls share a step only within one response: each requires_action round has its own.
 */
export function stepSources(
  outputs: readonly (readonly JsonObject[])[],
  toolOutputs: Record<string, string>,
  run: RunStatus,
): StepSource[] {
  const steps: StepSource[] = [];
  for (const output of outputs) {
    const open: { calls?: JsonObject[] } = {};
    for (const item of output) addItem(steps, open, item, toolOutputs);
  }
  return steps.map((step) => ({ ...step, status: endedWithRun(functionStepStatus(step), run) }));
}

/** A function step is done once every one of its calls has an output. */
function functionStepStatus(step: StepSource): StepStatus {
  if (step.details.type !== "tool_calls") return step.status;
  const fns = step.details.tool_calls.filter((call) => call["type"] === "function");
  if (fns.length === 0) return step.status;
  return fns.every((call) => isObject(call["function"]) && call["function"]["output"] !== null) ? "completed" : "in_progress";
}

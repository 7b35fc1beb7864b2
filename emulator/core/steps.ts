// Response output items -> run steps. A message item is a message_creation step; a code
// interpreter or file search call is a tool_calls step of its own; consecutive function calls
// (one model turn) share one tool_calls step, finished once their outputs are submitted.
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

/** The steps of a run's responses' outputs, in order. */
export function stepSources(outputs: readonly JsonObject[], toolOutputs: Record<string, string>, run: RunStatus): StepSource[] {
  const steps: StepSource[] = [];
  let calls: JsonObject[] | undefined;
  for (const item of outputs) {
    const id = readString(item, "id");
    if (!id) continue;
    const withId = item as JsonObject & { id: string };
    if (item["type"] === "function_call") {
      const callId = readString(item, "call_id") ?? "";
      const call = functionCall(item, toolOutputs[callId]);
      if (calls) calls.push(call);
      else {
        calls = [call];
        steps.push({ id: stepIdOf(id), details: { type: "tool_calls", tool_calls: calls }, status: "in_progress" });
      }
      continue;
    }
    calls = undefined;
    if (item["type"] === "message") {
      steps.push({
        id: stepIdOf(id),
        details: { type: "message_creation", message_creation: { message_id: id } },
        status: itemStatus(item),
      });
    } else if (item["type"] === "code_interpreter_call") steps.push(toolStep(withId, codeInterpreterCall(item)));
    else if (item["type"] === "file_search_call") steps.push(toolStep(withId, fileSearchCall(item)));
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

// The tool_calls steps a run writes: a code interpreter call (with its chart saved as a file),
// function calls that wait for the lesson's outputs, and a file search.
import { apiError, fail, missingParameter } from "../core/errors.ts";
import { type JsonObject, isObject, readArray } from "../core/read-body.ts";
import { barChartPng } from "./chart.ts";
import type { FunctionCall } from "./objects.ts";
import type { FileSearchPart, FunctionCallsPart, FunctionResultsPart, ToolCallPart } from "./parts.ts";
import type { CodeTurn, FunctionCallPlan } from "./replies.ts";
import { stepObject } from "./step-objects.ts";
import type { AssistantsContext, RunRecord } from "./store.ts";
import type { UsageMeter } from "./usage.ts";

/** A tool_calls step; `stepId` is made before the calls' ids, as the API numbered them. */
function toolStep(
  context: AssistantsContext,
  record: RunRecord,
  stepId: string,
  calls: unknown[],
  meter: UsageMeter | undefined,
  charged: string,
) {
  const now = context.clock.now();
  const details = { type: "tool_calls" as const, tool_calls: calls };
  const done = meter !== undefined;
  const step = stepObject({
    id: stepId,
    createdAt: now,
    run: record.run,
    details,
    completedAt: done ? now : null,
    usage: meter?.charge(charged) ?? null,
  });
  record.steps.push(step);
  return step;
}

/** `{file}` in the code stands for the attached file the code reads. */
export function writeCodeCall(
  context: AssistantsContext,
  record: RunRecord,
  turn: CodeTurn,
  fileId: string | undefined,
  meter: UsageMeter,
): ToolCallPart {
  const stepId = context.newId("step");
  const callId = context.newId("call");
  const code = turn.code.replaceAll("{file}", fileId ?? "file");
  const outputs: unknown[] = [{ type: "logs", logs: turn.logs }];
  const image = turn.chart && context.files.addOutput(barChartPng(turn.chart.values), turn.chart.filename, "image/png");
  if (image) outputs.push({ type: "image", image: { file_id: image.id } });
  const step = toolStep(
    context,
    record,
    stepId,
    [{ id: callId, type: "code_interpreter", code_interpreter: { input: code, outputs } }],
    meter,
    code,
  );
  return { kind: "tool_call", step, callId, code, logs: turn.logs, ...(image ? { imageFileId: image.id } : {}) };
}

/** Stops the run: the calls wait in an in-progress step and in the run's required_action. */
export function writeFunctionCalls(context: AssistantsContext, record: RunRecord, plans: readonly FunctionCallPlan[]): FunctionCallsPart {
  const stepId = context.newId("step");
  const calls: FunctionCall[] = plans.map((plan) => ({
    id: context.newId("call"),
    type: "function",
    function: { name: plan.name, arguments: JSON.stringify(plan.arguments) },
  }));
  const step = toolStep(
    context,
    record,
    stepId,
    calls.map((call) => ({ ...call, function: { ...call.function, output: null } })),
    undefined,
    "",
  );
  record.awaiting = step;
  record.run.status = "requires_action";
  record.run.required_action = { type: "submit_tool_outputs", submit_tool_outputs: { tool_calls: calls } };
  return { kind: "function_calls", step, calls };
}

const quoted = (ids: readonly string[]) => `[${ids.map((id) => `'${id}'`).join(", ")}]`;

/** The outputs for the waiting calls, in call order; every call needs exactly one. */
export function readToolOutputs(body: JsonObject, calls: readonly FunctionCall[]): string[] {
  const given = (readArray(body, "tool_outputs") ?? fail(missingParameter("tool_outputs"))).filter(isObject);
  const byId = new Map(
    given.map((output) => [String(output["tool_call_id"]), typeof output["output"] === "string" ? output["output"] : ""]),
  );
  const expected = calls.map((call) => call.id);
  if (byId.size !== expected.length || expected.some((id) => !byId.has(id))) {
    fail(
      apiError(400, `Expected tool outputs for call_ids ${quoted(expected)}, got ${quoted([...byId.keys()])}`, { param: "tool_outputs" }),
    );
  }
  return expected.map((id) => byId.get(id)!);
}

/** Completes the waiting step with the outputs and lets the run go on. */
export function completeFunctionCalls(
  context: AssistantsContext,
  record: RunRecord,
  outputs: readonly string[],
  meter: UsageMeter,
): FunctionResultsPart {
  const step = record.awaiting!;
  type Waiting = { function: { arguments: string; output: string | null } };
  const calls = step.step_details.type === "tool_calls" ? (step.step_details.tool_calls as Waiting[]) : [];
  calls.forEach((call, i) => {
    call.function.output = outputs[i] ?? "";
  });
  Object.assign(step, {
    status: "completed",
    completed_at: context.clock.now(),
    usage: meter.charge(calls.map((call) => call.function.arguments).join("")),
  });
  record.awaiting = undefined;
  record.toolOutputs = [...outputs];
  Object.assign(record.run, { status: "queued", required_action: null });
  record.retrieves = 0;
  return { kind: "function_results", step };
}

/** The ranking the API reported for a search it ran with default options. */
const RANKING = { ranker: "default_2024_08_21", score_threshold: 0.0 };

export function writeFileSearch(context: AssistantsContext, record: RunRecord, query: string, meter: UsageMeter): FileSearchPart {
  const stepId = context.newId("step");
  const callId = context.newId("call");
  // Results are listed only when a request asks to include them; by default the list is empty.
  const step = toolStep(
    context,
    record,
    stepId,
    [{ id: callId, type: "file_search", file_search: { ranking_options: RANKING, results: [] } }],
    meter,
    query,
  );
  return { kind: "file_search", step, callId };
}

// Function calling in the simulated model: a turn's calls go out together (or one per response
// with `parallel_tool_calls: false`), and once every call has its output the turn's reply is
// written with them. Calls made since the question count, so a follow-up knows what is left.
import { fail } from "../core/errors.ts";
import { type FunctionCallPlan, type FunctionCallTurn, fillOutput } from "./answers.ts";
import { unknownToolOutput } from "./errors.ts";
import { type NewId, isUserMessage } from "./input.ts";
import { type Item, functionCallItem } from "./objects.ts";

export function plannedCalls(turn: FunctionCallTurn): FunctionCallPlan[] {
  return [{ name: turn.name, arguments: turn.arguments }, ...(turn.also ?? [])];
}

/** The turn's calls are used only when the request offers every function they call. */
export function offersCalls(tools: readonly { [key: string]: unknown }[], turn: FunctionCallTurn): boolean {
  return plannedCalls(turn).every((call) => tools.some((tool) => tool["type"] === "function" && tool["name"] === call.name));
}

/** The next calls of the turn after `made` of them: all the rest, or one when calls may not run in parallel. */
export function nextCalls(newId: NewId, turn: FunctionCallTurn, made: number, parallel: boolean): Item[] {
  const rest = plannedCalls(turn).slice(made);
  return (parallel ? rest : rest.slice(0, 1)).map((call) =>
    functionCallItem(newId("fc"), newId("call"), call.name, JSON.stringify(call.arguments)),
  );
}

/** Where the function outputs of a request lead back to: the question that asked, and the calls made since. */
export type CallsSoFar = { questionIndex: number; calls: Item[]; outputs: Map<unknown, unknown> };

export function callsSoFar(seen: readonly Item[], outputs: readonly Item[]): CallsSoFar {
  const callIndex = (callId: unknown) => seen.findIndex((item) => item.type === "function_call" && item["call_id"] === callId);
  for (const output of outputs) if (callIndex(output["call_id"]) < 0) fail(unknownToolOutput(String(output["call_id"])));
  const lastCall = callIndex(outputs[outputs.length - 1]?.["call_id"]);
  const questionIndex = seen.slice(0, lastCall).findLastIndex(isUserMessage);
  const since = seen.slice(questionIndex + 1);
  const answered = since.filter((item) => item.type === "function_call_output");
  return {
    questionIndex,
    calls: since.filter((item) => item.type === "function_call"),
    outputs: new Map(answered.map((item) => [item["call_id"], item["output"]])),
  };
}

/** The reply once every call made has its output, filled with them in call order. */
export function replyWithOutputs(turn: FunctionCallTurn, soFar: CallsSoFar): string {
  return fillOutput(turn.reply, ...soFar.calls.map((call) => soFar.outputs.get(call["call_id"])));
}

// The simulated model: reads what it was given (earlier context, this input, instructions and
// tools) and decides what the response contains: a message, a call to one of the caller's
// functions, or, for a few scripted questions, a failure.
import { addressUser, estimateTokens } from "../core/model-text.ts";
import { type JsonObject, isObject } from "../core/read-body.ts";
import { type AnsweredEntry, type FunctionCallTurn, answerFor, fallbackReply } from "./answers.ts";
import { callsSoFar, nextCalls, offersCalls, plannedCalls, replyWithOutputs } from "./functions.ts";
import { isUserMessage, itemText } from "./input.ts";
import { type Item, assistantMessage, emptyUsage, outputText, usageOf } from "./objects.ts";
import type { Outcome, ResponsesContext } from "./store.ts";
import { codeInterpreterOutput, fileSearchOutput } from "./tools.ts";

/** Fixed prompt overhead (system framing, role markers) the real models also charge. */
const PROMPT_OVERHEAD_TOKENS = 20;
const TOKENS_PER_ITEM = 4;

export type ModelInput = {
  instructions: string;
  tools: readonly JsonObject[];
  /** What the request asked to `include`, such as "file_search_call.results". */
  include: readonly string[];
  history: readonly Item[];
  input: readonly Item[];
  /** false: one function call per response. */
  parallelToolCalls: boolean;
};

function itemTokens(item: Item): number {
  const text = item.type === "message" ? itemText(item) : JSON.stringify(item["arguments"] ?? item["output"] ?? "");
  return estimateTokens(text) + TOKENS_PER_ITEM;
}

function inputTokens(given: ModelInput): number {
  const items = [...given.history, ...given.input];
  return PROMPT_OVERHEAD_TOKENS + estimateTokens(given.instructions) + items.reduce((sum, item) => sum + itemTokens(item), 0);
}

/** What the model is told to do: the instructions, and the developer and system messages it was given. */
function guidance(given: ModelInput): string {
  const told = [...given.history, ...given.input].filter(
    (item) => item.type === "message" && (item["role"] === "developer" || item["role"] === "system"),
  );
  return [given.instructions, ...told.map(itemText)].filter((text) => text !== "").join("\n");
}

function lastQuestion(items: readonly Item[]): string | undefined {
  const item = items.findLast(isUserMessage);
  return item && itemText(item);
}

const toolOfType = (tools: readonly JsonObject[], type: string) => tools.find((tool) => tool["type"] === type);

/** What the output items say, for the output side of usage. */
function writtenText(items: readonly Item[]): string {
  return items.map((item) => (item.type === "message" ? itemText(item) : String(item["code"] ?? item["queries"] ?? ""))).join("\n");
}

/** An answer that used a hosted tool; the files it read count as input. */
function toolOutcome(given: ModelInput, output: Item[], readText = ""): Outcome {
  const usage = usageOf(inputTokens(given) + estimateTokens(readText), estimateTokens(writtenText(output)) + output.length);
  return { kind: "completed", output, usage };
}

/** The container a code_interpreter tool names, or a new one when it asks for `{ type: "auto" }`. */
function containerOf(context: ResponsesContext, tool: JsonObject): string {
  const container = tool["container"];
  return typeof container === "string" ? container : context.newId("cntr");
}

/** The hosted tool this answer uses, when the request offers it. */
function hostedToolOutcome(context: ResponsesContext, given: ModelInput, entry: AnsweredEntry): Outcome | undefined {
  const tools = { newId: context.newId, files: context.files, include: given.include };
  const search = toolOfType(given.tools, "file_search");
  if (entry.fileSearch && search) {
    const output = fileSearchOutput(tools, entry.fileSearch, search);
    const read = (output[0]?.["results"] as { text: string }[] | null) ?? [];
    return toolOutcome(given, output, read.map((result) => result.text).join("\n"));
  }
  const interpreter = toolOfType(given.tools, "code_interpreter");
  if (entry.codeInterpreter && isObject(interpreter)) {
    const turn = { ...entry.codeInterpreter, reply: addressUser(entry.codeInterpreter.reply, guidance(given)) };
    // The model reads its code and what it printed before it answers.
    return toolOutcome(given, codeInterpreterOutput(tools, turn, containerOf(context, interpreter)), `${turn.code}\n${turn.logs}`);
  }
  return undefined;
}

/** The answer to function outputs: the turn's next calls, or once all are answered its reply, filled with the outputs. */
function afterOutputs(context: ResponsesContext, given: ModelInput, outputs: Item[]): Outcome {
  const seen = [...given.history, ...given.input];
  const soFar = callsSoFar(seen, outputs);
  const question = soFar.questionIndex < 0 ? undefined : itemText(seen[soFar.questionIndex]!);
  const entry = answerFor(context.answers, question);
  const turn = entry && "reply" in entry ? entry.functionCall : undefined;
  if (!turn) return message(context, fallbackReply(question?.trim()), given);
  if (soFar.calls.length < plannedCalls(turn).length) return callOutcome(context, given, turn, soFar.calls.length);
  return message(context, replyWithOutputs(turn, soFar), given);
}

function callOutcome(context: ResponsesContext, given: ModelInput, turn: FunctionCallTurn, made: number): Outcome {
  const output = nextCalls(context.newId, turn, made, given.parallelToolCalls);
  const args = output.map((item) => String(item["arguments"])).join("");
  return { kind: "completed", output, usage: usageOf(inputTokens(given), estimateTokens(args) + output.length) };
}

function message(context: ResponsesContext, text: string, given: ModelInput): Outcome {
  const reply = addressUser(text, guidance(given));
  const output = [assistantMessage(context.newId("msg"), [outputText(reply)])];
  return { kind: "completed", output, usage: usageOf(inputTokens(given), estimateTokens(reply) + 1) };
}

/** What the response will hold once it finishes; ids are drawn now, in the request that made it. */
export function respond(context: ResponsesContext, given: ModelInput): Outcome {
  const outputs = given.input.filter((item) => item.type === "function_call_output");
  if (outputs.length > 0) return afterOutputs(context, given, outputs);
  const question = lastQuestion(given.input) ?? lastQuestion(given.history);
  const entry = answerFor(context.answers, question);
  if (entry && "outcome" in entry) return { kind: "failed", error: { ...entry.error }, usage: emptyUsage() };
  const answered: AnsweredEntry | undefined = entry;
  const hosted = answered && hostedToolOutcome(context, given, answered);
  if (hosted) return hosted;
  const turn = answered?.functionCall;
  if (turn && offersCalls(given.tools, turn)) return callOutcome(context, given, turn, 0);
  return message(context, answered?.reply ?? fallbackReply(question?.trim()), given);
}

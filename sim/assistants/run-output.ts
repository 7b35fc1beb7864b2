// What a run writes when it completes: run steps, the assistant messages and token usage.
// The polling path stores these at once; the streaming path replays the same parts as events.
import { planReply } from "./replies.ts";
import { type MessageObject, type RunStepObject, type Usage, messageObject, stepObject, textContent } from "./objects.ts";
import type { AssistantsContext, RunRecord, ThreadRecord } from "./store.ts";
import { estimateTokens } from "../core/model-text.ts";

export type MessagePart = { kind: "message"; step: RunStepObject; message: MessageObject };
export type ToolCallPart = { kind: "tool_call"; step: RunStepObject; callId: string; code: string; logs: string };
export type OutputPart = MessagePart | ToolCallPart;

/** Fixed prompt overhead (system framing, role markers) the real models also charge. */
const PROMPT_OVERHEAD_TOKENS = 20;
const TOKENS_PER_MESSAGE = 4;

export { estimateTokens };

export function messageText(message: MessageObject): string {
  return message.content
    .map((part) => part as { type?: string; text?: { value?: string } })
    .filter((part) => part.type === "text")
    .map((part) => part.text?.value ?? "")
    .join("\n");
}

export function lastUserText(thread: ThreadRecord): string | undefined {
  const lastUser = thread.messages.findLast((message) => message.role === "user");
  return lastUser ? messageText(lastUser) : undefined;
}

/** Charges each step the prompt so far (which grows with earlier output) plus its own output. */
function createUsageMeter(promptTokens: number) {
  let produced = 0;
  const total: Usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
  return {
    charge(output: string): Usage {
      const completion = estimateTokens(output) + 1;
      const usage = { prompt_tokens: promptTokens + produced, completion_tokens: completion, total_tokens: 0 };
      usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
      produced += completion;
      total.prompt_tokens += usage.prompt_tokens;
      total.completion_tokens += usage.completion_tokens;
      total.total_tokens += usage.total_tokens;
      return usage;
    },
    total: () => ({ ...total }),
  };
}
type UsageMeter = ReturnType<typeof createUsageMeter>;

function promptTokens(record: RunRecord, thread: ThreadRecord): number {
  const history = thread.messages.reduce((sum, message) => sum + estimateTokens(messageText(message)) + TOKENS_PER_MESSAGE, 0);
  return PROMPT_OVERHEAD_TOKENS + estimateTokens(record.run.instructions) + history;
}

function writeMessage(context: AssistantsContext, thread: ThreadRecord, record: RunRecord, text: string, meter: UsageMeter): MessagePart {
  const { run } = record;
  const stepId = context.newId("step");
  const messageId = context.newId("msg");
  // The whole answer is written in the moment of the request that finished the run.
  const createdAt = context.clock.now();
  const completedAt = createdAt;
  const message = messageObject({
    id: messageId,
    createdAt,
    threadId: thread.thread.id,
    role: "assistant",
    content: [textContent(text)],
    assistantId: run.assistant_id,
    runId: run.id,
    status: "completed",
    completedAt,
  });
  const details = { type: "message_creation" as const, message_creation: { message_id: messageId } };
  const step = stepObject({ id: stepId, createdAt, run, details, completedAt, usage: meter.charge(text) });
  thread.messages.push(message);
  record.steps.push(step);
  return { kind: "message", step, message };
}

function writeToolCall(context: AssistantsContext, record: RunRecord, code: string, logs: string, meter: UsageMeter): ToolCallPart {
  const stepId = context.newId("step");
  const callId = context.newId("call");
  const createdAt = context.clock.now();
  const completedAt = createdAt;
  const call = { id: callId, type: "code_interpreter", code_interpreter: { input: code, outputs: [{ type: "logs", logs }] } };
  const details = { type: "tool_calls" as const, tool_calls: [call] };
  const step = stepObject({ id: stepId, createdAt, run: record.run, details, completedAt, usage: meter.charge(code) });
  record.steps.push(step);
  return { kind: "tool_call", step, callId, code, logs };
}

/** Writes the run's answer into the thread and returns the parts in the order they happened. */
export function produceOutput(context: AssistantsContext, thread: ThreadRecord, record: RunRecord): OutputPart[] {
  const { run } = record;
  const codeInterpreter = run.tools.some((tool) => tool.type === "code_interpreter");
  const plan = planReply(context.answers, lastUserText(thread), { instructions: run.instructions, codeInterpreter });
  const meter = createUsageMeter(promptTokens(record, thread));
  const parts: OutputPart[] =
    plan.kind === "text"
      ? [writeMessage(context, thread, record, plan.text, meter)]
      : [
          writeMessage(context, thread, record, plan.intro, meter),
          writeToolCall(context, record, plan.code, plan.logs, meter),
          writeMessage(context, thread, record, plan.conclusion, meter),
        ];
  run.usage = meter.total();
  return parts;
}

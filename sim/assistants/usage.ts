// Token usage of simulated runs: plausible, deterministic counts (about four characters per
// token). Each step is charged the prompt so far, which grows with what the run already wrote.
import type { Usage } from "./objects.ts";
import type { RunRecord, ThreadRecord } from "./store.ts";
import type { MessageObject } from "./objects.ts";
import { estimateTokens } from "../core/model-text.ts";

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

function promptTokens(record: RunRecord, thread: ThreadRecord): number {
  const history = thread.messages.reduce((sum, message) => sum + estimateTokens(messageText(message)) + TOKENS_PER_MESSAGE, 0);
  return PROMPT_OVERHEAD_TOKENS + estimateTokens(record.run.instructions) + history;
}

export type UsageMeter = { charge(output: string): Usage };

/**
 * A meter for the steps a run writes next. Steps it wrote before (a function call that waited
 * for its output) already count as produced, so the prompt keeps growing across the pause.
 */
export function createUsageMeter(record: RunRecord, thread: ThreadRecord): UsageMeter {
  const prompt = promptTokens(record, thread);
  let produced = record.steps.reduce((sum, step) => sum + (step.usage?.completion_tokens ?? 0), 0);
  return {
    charge(output) {
      const completion = estimateTokens(output) + 1;
      const usage = { prompt_tokens: prompt + produced, completion_tokens: completion, total_tokens: prompt + produced + completion };
      produced += completion;
      return usage;
    },
  };
}

/** A finished run's usage: the sum over its steps. */
export function runUsage(record: RunRecord): Usage {
  const total: Usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
  for (const { usage } of record.steps) {
    if (!usage) continue;
    total.prompt_tokens += usage.prompt_tokens;
    total.completion_tokens += usage.completion_tokens;
    total.total_tokens += usage.total_tokens;
  }
  return total;
}

// What the simulated assistant says. The replies themselves are course content, handed in as
// an AnswerBook (the course's is lessons/answers/assistants.ts) keyed by the last user message
// (exact match after trim); a question the book does not know gets a fallback that quotes it.
import { addressUser } from "../core/model-text.ts";

export { addressUser };

/** A code_interpreter turn: a short message, one tool call with its logs, then a conclusion. */
export type CodeTurn = { intro: string; code: string; logs: string; conclusion: string };

/** A run's `last_error`; these are the codes the v2 API used for failed runs. */
export type RunError = { code: "server_error" | "rate_limit_exceeded" | "invalid_prompt"; message: string };

export type AnsweredEntry = {
  /** The reply when the run has no code_interpreter tool (or the entry has no code turn). */
  reply: string;
  /** Used instead of `reply` when the run's tools include code_interpreter. */
  withCodeInterpreter?: CodeTurn;
};

/** A question whose runs end `failed` (with this `last_error`) and write nothing, as real runs occasionally did. */
export type FailedEntry = { outcome: "failed"; last_error: RunError };

export type AnswerEntry = AnsweredEntry | FailedEntry;

/** Scripted answers keyed by the user's question. */
export type AnswerBook = ReadonlyMap<string, AnswerEntry>;

export type ReplyPlan = { kind: "text"; text: string } | ({ kind: "code" } & CodeTurn);

export type ReplyContext = { instructions: string; codeInterpreter: boolean };

function fallbackReply(question: string | undefined): string {
  if (question === undefined || question === "") {
    return "Hello! I'm the local test assistant. How can I help you with math today?";
  }
  return `I'm the local test assistant; I can answer the course's questions. You asked: "${question}"`;
}

function entryFor(answers: AnswerBook, question: string | undefined): AnswerEntry | undefined {
  return question === undefined ? undefined : answers.get(question.trim());
}

/** The `last_error` a run must fail with when the answer book says so for its last user message. */
export function plannedFailure(answers: AnswerBook, question: string | undefined): RunError | undefined {
  const entry = entryFor(answers, question);
  return entry && "outcome" in entry ? { ...entry.last_error } : undefined;
}

/** Chooses what the assistant says to the last user message of a run's thread. */
export function planReply(answers: AnswerBook, question: string | undefined, context: ReplyContext): ReplyPlan {
  const found = entryFor(answers, question);
  const entry = found && "reply" in found ? found : undefined;
  const codeTurn = context.codeInterpreter ? entry?.withCodeInterpreter : undefined;
  if (codeTurn) return { kind: "code", ...codeTurn, intro: addressUser(codeTurn.intro, context.instructions) };
  const text = entry?.reply ?? fallbackReply(question?.trim());
  return { kind: "text", text: addressUser(text, context.instructions) };
}

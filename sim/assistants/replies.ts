// What the simulated assistant says. The replies themselves are course content, handed in as
// an AnswerBook (the course's is lessons/answers/assistants.ts) keyed by the last user message
// (exact match after trim); a question the book does not know gets a fallback that quotes it.
import { addressUser } from "../core/model-text.ts";

export { addressUser };

/** A bar chart the code draws, one bar per value, in the order given. */
export type ChartSpec = { values: readonly number[]; filename: string };

/**
 * A code_interpreter turn: a short message, one tool call with its logs (and a chart when it
 * draws one), then a conclusion. `{file}` in the code stands for the first attached file's id.
 */
export type CodeTurn = { intro: string; code: string; logs: string; chart?: ChartSpec; conclusion: string };

/** One call the model makes to a function the lesson defined: its name and JSON arguments. */
export type FunctionCallPlan = { name: string; arguments: Record<string, unknown> };

/** A turn that needs the lesson's functions: the run stops for their outputs, then answers with them. */
export type FunctionTurn = { calls: readonly FunctionCallPlan[]; answer: (outputs: readonly string[]) => string };

/**
 * A turn answered from attached files: text pieces, and citations of a file by name (each
 * becomes a 【…†name】 marker with a file_citation annotation). When no attached, processed file
 * has that name, the model found nothing and says `notFound` instead.
 */
export type FileSearchTurn = { answer: readonly (string | { cite: string })[]; notFound: string };

/** A run's `last_error`; these are the codes the v2 API used for failed runs. */
export type RunError = { code: "server_error" | "rate_limit_exceeded" | "invalid_prompt"; message: string };

export type AnsweredEntry = {
  /** The reply when the run has none of the tools below (or the entry has no turn for them). */
  reply: string;
  /** Used instead of `reply` when the run's tools include code_interpreter. */
  withCodeInterpreter?: CodeTurn;
  /** Used when the run's tools include every function the turn calls. */
  withFunctions?: FunctionTurn;
  /** Used when the run's tools include file_search. */
  withFileSearch?: FileSearchTurn;
};

/** A question whose runs end `failed` (with this `last_error`) and write nothing, as real runs occasionally did. */
export type FailedEntry = { outcome: "failed"; last_error: RunError };

export type AnswerEntry = AnsweredEntry | FailedEntry;

/** Scripted answers keyed by the user's question. */
export type AnswerBook = ReadonlyMap<string, AnswerEntry>;

export type ReplyPlan =
  | { kind: "text"; text: string }
  | ({ kind: "code" } & CodeTurn)
  | ({ kind: "functions" } & FunctionTurn)
  | ({ kind: "file_search" } & FileSearchTurn);

export type ReplyContext = {
  instructions: string;
  codeInterpreter: boolean;
  fileSearch?: boolean;
  /** Names of the run's function tools. */
  functions?: readonly string[];
};

function fallbackReply(question: string | undefined): string {
  if (question === undefined || question === "") {
    return "Hello! I'm the local test assistant. How can I help you with math today?";
  }
  return `I'm the local test assistant; I can answer the course's questions. You asked: "${question}"`;
}

/** A thread without a user message asks the empty question (the book may greet). */
function entryFor(answers: AnswerBook, question: string | undefined): AnswerEntry | undefined {
  return answers.get((question ?? "").trim());
}

/** The `last_error` a run must fail with when the answer book says so for its last user message. */
export function plannedFailure(answers: AnswerBook, question: string | undefined): RunError | undefined {
  const entry = entryFor(answers, question);
  return entry && "outcome" in entry ? { ...entry.last_error } : undefined;
}

/** Chooses what the assistant says to the last user message of a run's thread: functions, then files, then code. */
export function planReply(answers: AnswerBook, question: string | undefined, context: ReplyContext): ReplyPlan {
  const found = entryFor(answers, question);
  const entry = found && "reply" in found ? found : undefined;
  const functions = entry?.withFunctions;
  if (functions?.calls.every((call) => context.functions?.includes(call.name))) return { kind: "functions", ...functions };
  if (context.fileSearch && entry?.withFileSearch) return { kind: "file_search", ...entry.withFileSearch };
  const codeTurn = context.codeInterpreter ? entry?.withCodeInterpreter : undefined;
  if (codeTurn) return { kind: "code", ...codeTurn, intro: addressUser(codeTurn.intro, context.instructions) };
  const text = entry?.reply ?? fallbackReply(question?.trim());
  return { kind: "text", text: addressUser(text, context.instructions) };
}

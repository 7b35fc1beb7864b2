// What the simulated model answers. The answers are course content, handed in as a
// ResponsesAnswerBook (the course's is lessons/answers/responses.ts) keyed by the user's
// question (exact match after trim); a question the book does not know gets a reply quoting it.
import type { ResponseError } from "./objects.ts";

/** One call the model makes to one of the caller's functions. */
export type FunctionCallPlan = { name: string; arguments: Record<string, unknown> };

/** The model calls the caller's functions first, then answers from their outputs. */
export type FunctionCallTurn = FunctionCallPlan & {
  /** Further calls of the same turn, made together with the first (parallel tool calls). */
  also?: readonly FunctionCallPlan[];
  /** The answer once the outputs are back: `{output}` stands for the first call's output, `{output2}`, `{output3}`… for the next ones'. */
  reply: string;
};

/** An answer from the caller's files: text pieces, and citations of a file by its name. */
export type FileSearchTurn = {
  /** What the model searched for. */
  queries: string[];
  answer: (string | { cite: string })[];
  /** The answer when no cited file is searchable (not attached, or still processing). */
  notFound: string;
};

/** The model writes and runs code in a container, then answers from what it printed. */
export type CodeInterpreterTurn = { code: string; logs: string; reply: string };

export type AnsweredEntry = {
  reply: string;
  /** Used when the request offers a function tool with this turn's name. */
  functionCall?: FunctionCallTurn;
  /** Used when the request offers the file_search tool. */
  fileSearch?: FileSearchTurn;
  /** Used when the request offers the code_interpreter tool. */
  codeInterpreter?: CodeInterpreterTurn;
};

/** A question whose responses end `failed` with this error, as real ones occasionally do. */
export type FailedEntry = { outcome: "failed"; error: ResponseError };

export type ResponsesAnswer = AnsweredEntry | FailedEntry;

export type ResponsesAnswerBook = ReadonlyMap<string, ResponsesAnswer>;

export function fallbackReply(question: string | undefined): string {
  if (question === undefined || question === "") return "Hello! I'm the local test model. How can I help you with math today?";
  return `I'm the local test model; I can answer the course's questions. You asked: "${question}"`;
}

/** A request with no user message asks the empty question (the book may greet). */
export function answerFor(answers: ResponsesAnswerBook, question: string | undefined): ResponsesAnswer | undefined {
  return answers.get((question ?? "").trim());
}

/** `{output}` in a reply stands for the first function's output, `{output2}` for the second's, and so on. */
export function fillOutput(reply: string, ...outputs: unknown[]): string {
  return reply.replace(/\{output(\d*)\}/g, (marker, n: string) => {
    const output = outputs[n === "" ? 0 : Number(n) - 1];
    if (output === undefined) return marker;
    return typeof output === "string" ? output : JSON.stringify(output);
  });
}

// The Math Tutor's answers in the Responses simulator: course content, keyed by the user's
// question (exact match after trim). Part 2 asks part 1's questions, so the answers are part 1's
// (lessons/answers/assistants.ts), plus the turns only part 2 has, such as function calls.
// (Not a lesson: the catalog lists only lessons/NN-slug.ts.)
import type { ResponsesAnswer, ResponsesAnswerBook } from "../../sim/responses/answers.ts";
import { ASSISTANTS_ANSWERS } from "./assistants.ts";

/** Part 1's answers as Responses answers: the same replies, and the same scripted failure. */
function fromPartOne(): [string, ResponsesAnswer][] {
  return [...ASSISTANTS_ANSWERS].map(([question, entry]) => [
    question,
    "outcome" in entry ? { outcome: "failed", error: { ...entry.last_error } } : { reply: entry.reply },
  ]);
}

export const RESPONSES_ANSWERS: ResponsesAnswerBook = new Map<string, ResponsesAnswer>([
  ...fromPartOne(),
  ["Is x = 1 a solution of `3x + 11 = 14`? Check it with the checker.", {
    reply: "Substituting x = 1 gives 3 · 1 + 11 = 14, so yes, x = 1 is a solution.",
    functionCall: {
      name: "check_solution",
      arguments: { equation: "3x + 11 = 14", x: 1 },
      reply:
        "Yes. The checker substituted x = 1: the left side is 3 · 1 + 11 = 14, the same as the right side, " +
        "so x = 1 is a solution of `3x + 11 = 14`.",
    },
  }],
]);

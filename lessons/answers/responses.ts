// The Math Tutor's answers in the Responses simulator: course content, keyed by the user's
// question (exact match after trim). Part 2 asks part 1's questions, so the answers are part 1's
// (lessons/answers/assistants.ts), plus the turns only part 2 has, such as function calls.
// (Not a lesson: the catalog lists only lessons/NN-slug.ts.)
import type { FunctionTurn } from "../../sim/assistants/replies.ts";
import type { FunctionCallTurn, ResponsesAnswer, ResponsesAnswerBook } from "../../sim/responses/answers.ts";
import { ASSISTANTS_ANSWERS } from "./assistants.ts";

/** A part-1 function turn as a Responses one: the same calls, the reply with `{output}`, `{output2}`… markers. */
function functionCallOf(turn: FunctionTurn): FunctionCallTurn | undefined {
  const [first, ...also] = turn.calls;
  if (!first) return undefined;
  const markers = turn.calls.map((_, index) => (index === 0 ? "{output}" : `{output${index + 1}}`));
  return { ...first, ...(also.length > 0 ? { also } : {}), reply: turn.answer(markers) };
}

/**
 * Part 1's answers as Responses answers: the same replies, the same scripted failure, the same
 * function calls (lesson 13, through the Assistants emulator), and the same code for questions
 * part 1 answered with the code interpreter (its conclusion is the reply).
 */
function fromPartOne(): [string, ResponsesAnswer][] {
  return [...ASSISTANTS_ANSWERS].map(([question, entry]) => {
    if ("outcome" in entry) return [question, { outcome: "failed", error: { ...entry.last_error } }];
    const code = entry.withCodeInterpreter;
    const codeInterpreter = code && { code: code.code, logs: code.logs, reply: code.conclusion };
    const functionCall = entry.withFunctions && functionCallOf(entry.withFunctions);
    return [question, { reply: entry.reply, ...(codeInterpreter ? { codeInterpreter } : {}), ...(functionCall ? { functionCall } : {}) }];
  });
}

const HANDOUT = "course-handout.md";

// Lesson 31: lessons/files/quiz-scores.csv. Quiz averages 73.8, 77.0, 81.7, 85.3, 89.0; Daniel's
// average is 91.4 (the best); Sora gained 27 points from quiz 1 to quiz 5 (the most).
const QUIZ_SUMMARY_CODE = [
  "import pandas as pd",
  "",
  "df = pd.read_csv('/mnt/data/quiz-scores.csv')",
  "quizzes = [column for column in df.columns if column.startswith('quiz')]",
  "print(df[quizzes].mean().round(1).to_string())",
  "",
  "df['average'] = df[quizzes].mean(axis=1)",
  "best = df.loc[df['average'].idxmax()]",
  "print('Best average:', best['student'], round(best['average'], 1))",
  "df['gain'] = df['quiz_5'] - df['quiz_1']",
  "improved = df.loc[df['gain'].idxmax()]",
  "print('Most improved:', improved['student'], improved['gain'])",
].join("\n");

export const RESPONSES_ANSWERS: ResponsesAnswerBook = new Map<string, ResponsesAnswer>([
  ...fromPartOne(),
  // Lesson 30: answers from lessons/files/course-handout.md, citing it.
  ["When is the final exam, and how much of the grade does it count for?", {
    reply: "I don't have the course handout, so I can't tell you the exam date.",
    fileSearch: {
      queries: ["final exam date", "final exam weight in grade"],
      answer: [
        "The final exam is on Thursday, 18 December, from 10:00 to 12:00 in Hall B.",
        { cite: HANDOUT },
        " It counts for 40% of the final grade; homework and the midterm count for 30% each.",
        { cite: HANDOUT },
      ],
      notFound: "I couldn't find the final exam in the files I can search.",
    },
  }],
  ["숙제를 늦게 내면 어떻게 되나요?", {
    reply: "과정 안내문이 없어서 지각 제출 규정을 알려 드릴 수 없습니다.",
    fileSearch: {
      queries: ["late homework policy", "숙제 지각 제출"],
      answer: ["숙제는 하루 늦을 때마다 10%씩 감점되고, 3일이 지나면 받지 않습니다.", { cite: HANDOUT }],
      notFound: "검색할 수 있는 파일에서 지각 제출 규정을 찾지 못했습니다.",
    },
  }],
  // Lesson 31: a summary of the uploaded CSV file, computed in the code interpreter's container.
  ["Summarise the quiz scores in the attached CSV file: the class average of each quiz, the best average, and who improved the most.", {
    reply: "Please attach the CSV file with the quiz scores, and I will summarise it.",
    codeInterpreter: {
      code: QUIZ_SUMMARY_CODE,
      logs: "quiz_1    73.8\nquiz_2    77.0\nquiz_3    81.7\nquiz_4    85.3\nquiz_5    89.0\nBest average: Daniel 91.4\nMost improved: Sora 27\n",
      reply: "The class average rose with every quiz, from 73.8 on quiz 1 to 89.0 on quiz 5. Daniel has the best " +
        "average (91.4), and Sora improved the most: 27 points from quiz 1 to quiz 5.",
    },
  }],
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

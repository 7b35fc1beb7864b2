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
const QUIZ_SUMMARY_LOGS =
  "quiz_1    73.8\nquiz_2    77.0\nquiz_3    81.7\nquiz_4    85.3\nquiz_5    89.0\nBest average: Daniel 91.4\nMost improved: Sora 27\n";

// The Korean course's part-2 questions that part 1 does not ask (lessons/ko/29-31): the same
// turns as the English ones below, asked and answered in Korean.
const KOREAN_ANSWERS: [string, ResponsesAnswer][] = [
  ["기말고사는 언제이고, 성적에서 얼마나 반영되나요?", {
    reply: "과정 안내문이 없어서 기말고사 날짜를 알려 드릴 수 없습니다.",
    fileSearch: {
      queries: ["기말고사 날짜", "기말고사 성적 반영 비율"],
      answer: [
        "기말고사는 12월 18일 목요일 10:00–12:00에 B홀에서 봅니다.",
        { cite: HANDOUT },
        " 최종 성적의 40%가 반영되고, 과제와 중간고사는 각각 30%입니다.",
        { cite: HANDOUT },
      ],
      notFound: "검색할 수 있는 파일에서 기말고사 정보를 찾지 못했습니다.",
    },
  }],
  ["첨부한 CSV 파일의 퀴즈 점수를 요약해 주세요. 퀴즈마다 반 평균, 가장 높은 평균, 그리고 가장 많이 오른 학생을 알려 주세요.", {
    reply: "퀴즈 점수가 담긴 CSV 파일을 첨부해 주시면 요약해 드리겠습니다.",
    codeInterpreter: {
      code: QUIZ_SUMMARY_CODE,
      logs: QUIZ_SUMMARY_LOGS,
      reply: "반 평균은 퀴즈마다 올라서 퀴즈 1의 73.8점에서 퀴즈 5의 89.0점이 되었습니다. 평균이 가장 높은 학생은 " +
        "Daniel(91.4점)이고, 가장 많이 오른 학생은 퀴즈 1에서 퀴즈 5까지 27점이 오른 Sora입니다.",
    },
  }],
  ["x = 1이 `3x + 11 = 14`의 해인가요? 검사기로 확인해 주세요.", {
    reply: "x = 1을 대입하면 3 · 1 + 11 = 14이므로, 네, x = 1은 해입니다.",
    functionCall: {
      name: "check_solution",
      arguments: { equation: "3x + 11 = 14", x: 1 },
      reply: "네. 검사기로 x = 1을 대입해 보니 좌변이 3 · 1 + 11 = 14로 우변과 같으므로, x = 1은 `3x + 11 = 14`의 해입니다.",
    },
  }],
];

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
      logs: QUIZ_SUMMARY_LOGS,
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
  ...KOREAN_ANSWERS,
]);

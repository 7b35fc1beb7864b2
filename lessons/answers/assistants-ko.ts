// The Math Tutor's replies to the Korean course's questions (see lessons/ko/): the source
// tutorials' own Korean questions, and the tool lessons' (13–17) in Korean, answered in Korean,
// so Hangul goes through the simulator, the fixtures and the stream. Keyed like assistants.ts
// (the last user message, exact after trim); every answer must be mathematically correct.
import type { AnswerBook, AnswerEntry } from "../../sim/assistants/replies.ts";

const HANDOUT = "course-handout.md";

// Lesson 15 in Korean: the same analysis as in English (averages 73.8, 77.0, 81.7, 85.3, 89.0;
// Daniel 91.4; Sora +27), with Korean labels in what it prints; the chart keeps English labels,
// as the sandbox's matplotlib had no Korean font.
const QUIZ_CODE_KO = [
  "import pandas as pd",
  "import matplotlib.pyplot as plt",
  "",
  "df = pd.read_csv('/mnt/data/{file}')",
  "quizzes = [column for column in df.columns if column.startswith('quiz')]",
  "averages = df[quizzes].mean().round(1)",
  "print(averages.to_string())",
  "",
  "df['average'] = df[quizzes].mean(axis=1)",
  "best = df.loc[df['average'].idxmax()]",
  "print('최고 평균:', best['student'], round(best['average'], 1))",
  "df['gain'] = df['quiz_5'] - df['quiz_1']",
  "improved = df.loc[df['gain'].idxmax()]",
  "print('가장 많이 오른 학생:', improved['student'], improved['gain'])",
  "",
  "# 샌드박스의 matplotlib에는 한글 글꼴이 없으므로 그래프의 글자는 영어로 씁니다",
  "plt.bar(quizzes, averages)",
  "plt.title('Class average per quiz')",
  "plt.ylabel('Average score')",
  "plt.show()",
].join("\n");

// The per-run instructions of lessons 4, 8 and 11 stay in English, as in the source tutorial.
const JANE_DOE = "Please address the user as Jane Doe. The user has a premium account.";

// √241 ≈ 15.5242, x₁ = (-11 + √241)/6 ≈ 0.7540, x₂ = (-11 - √241)/6 ≈ -4.4207.
const QUADRATIC_IN_DETAIL = [
  "물론입니다! `3x^2 + 11x - 10 = 0`을 한 단계씩 풀어 보겠습니다.",
  "**1. 계수 확인하기.** 이 방정식은 ax^2 + bx + c = 0 꼴이고, a = 3, b = 11, c = -10입니다.",
  "**2. 근의 공식 쓰기.**\n\nx = (-b ± √(b^2 - 4ac)) / (2a)",
  "**3. 판별식 계산하기.**\n\nb^2 - 4ac = 11^2 - 4 · 3 · (-10) = 121 + 120 = 241\n\n" +
    "판별식이 양수이므로 서로 다른 실근이 두 개 있습니다. 241은 완전제곱수가 아니어서 두 근은 무리수이고, √241 ≈ 15.524입니다.",
  "**4. 공식에 대입하기.** 2a = 6이므로\n\nx = (-11 ± √241) / 6",
  "**5. 두 근 구하기.**\n\n" +
    "- x₁ = (-11 + √241) / 6 ≈ (-11 + 15.524) / 6 ≈ 0.754\n" +
    "- x₂ = (-11 - √241) / 6 ≈ (-11 - 15.524) / 6 ≈ -4.421",
  "**6. 대입해서 검산하기.** x₁이면 3(0.754)^2 + 11(0.754) - 10 ≈ 1.706 + 8.294 - 10 = 0, " +
    "x₂이면 3(-4.421)^2 + 11(-4.421) - 10 ≈ 58.628 - 48.628 - 10 = 0입니다. " +
    "두 근의 합이 -b/a = -11/3 ≈ -3.667, 곱이 c/a = -10/3 ≈ -3.333인 것으로도 확인할 수 있습니다.",
  "따라서 해는 x = (-11 + √241) / 6 ≈ 0.754와 x = (-11 - √241) / 6 ≈ -4.421입니다. 이해가 더 잘 되셨나요?",
].join("\n\n");

export const KOREAN_ANSWERS: AnswerBook = new Map<string, AnswerEntry>([
  // Lessons 3-8: the quadratic question as the Korean notebook tutorial asks it.
  ["다음의 방정식을 풀고 싶습니다. `3x**2 + 11x - 10 = 0`. 수학선생님 도와주실 수 있나요?", {
    reply: "네, 근의 공식으로 풀면 x = (-11 ± √241) / 6, 즉 x ≈ 0.754 또는 x ≈ -4.421입니다.",
    underInstructions: {
      [JANE_DOE]:
        "안녕하세요, Jane Doe님! 프리미엄 회원으로 함께해 주셔서 감사합니다. 오늘은 무엇을 도와드릴까요? " +
        "궁금한 점이나 필요한 것이 있으면 언제든지 말씀해 주세요.",
    },
  }],
  ["설명이 잘 이해가 가지 않습니다. 좀 더 자세히 설명해 주실 수 있나요?", { reply: QUADRATIC_IN_DETAIL }],
  ["y = x^2 그래프를 그려 줄 수 있나요?", {
    outcome: "failed",
    last_error: { code: "server_error", message: "Sorry, something went wrong." },
  }],
  // Lessons 9 and 10: the several-users tutorial's questions, and its "thank you" turn.
  ["방정식 '3x + 11 = 14'를 풀어줘", { reply: "x = 1입니다." }],
  ["선형대수에 대해 설명해줘", {
    reply: "선형대수는 벡터와 행렬, 연립일차방정식, 그리고 벡터 공간 사이의 선형 변환을 다루는 수학 분야로, " +
      "컴퓨터 그래픽스와 데이터 과학, 머신러닝을 떠받치는 기본 도구입니다.",
  }],
  ["나는 수학을 싫어해. 어떻게 하면 좋을까?", {
    reply: "그런 마음은 흔하고, 충분히 바뀔 수 있어요. 자기 수준에 맞는 문제를 매일 조금씩 풀고, 모르는 게 생기면 바로 물어보세요. " +
      "작은 성공이 쌓이면 수학이 답답한 과목이 아니라 풀어 볼 만한 퍼즐처럼 느껴질 거예요.",
  }],
  ["고마워", { reply: "천만에요! 수학 질문이 더 있으면 언제든지 물어보세요." }],
  ["2의 10제곱은 얼마인가요?", { reply: "2^10 = 1024입니다." }],
  // Lesson 11: the streaming tutorial's question, answered with the code interpreter.
  ["방정식 `3x + 11 = 14`를 풀어야 하는데, 도와주실 수 있나요?", {
    reply: "양변에서 11을 빼면 3x = 3이고, 양변을 3으로 나누면 x = 1입니다.",
    withCodeInterpreter: {
      intro: "물론이죠! x만 남기려면 양변에서 11을 빼서 3x = 3을 만든 다음, 양변을 3으로 나누면 됩니다. " +
        "확실히 하기 위해 코드로도 풀어 볼게요.",
      code: "from sympy import symbols, Eq, solve\n\nx = symbols('x')\nsolution = solve(Eq(3*x + 11, 14), x)\nprint(solution)",
      logs: "[1]\n",
      // Opens with a word, so lesson 31's reply under the Jane Doe instructions says "Jane Doe님, …".
      conclusion: "계산 결과 `3x + 11 = 14`의 해는 x = 1입니다. 검산: 3 · 1 + 11 = 14.",
    },
  }],
  // Lesson 12: the chat program is the coding tutor of the first Korean tutorial, asked its
  // dynamic-programming question and then, relying on the thread, to explain.
  ["다이나믹 프로그래밍에 대해서 설명해줘", {
    reply: "다이나믹 프로그래밍(동적 계획법)은 큰 문제를 서로 겹치는 작은 하위 문제로 나누어 각 하위 문제를 한 번만 풀고, " +
      "그 결과를 저장해 두었다가 다시 쓰는 알고리즘 설계 기법입니다.",
  }],
  ["설명해 주시겠어요?", {
    reply: "예를 들어 피보나치 수 fib(n)을 단순한 재귀로 구하면 fib(n-2) 같은 값을 몇 번이고 다시 계산하지만, " +
      "한 번 구한 fib(k)를 표에 저장해 두면 각 값을 한 번씩만 계산하므로 지수 시간이 걸리던 계산이 선형 시간으로 줄어듭니다.",
  }],
  // Lesson 13: the lesson's convert_units function answers; its outputs are the numbers in the reply.
  ["마라톤은 26.2마일입니다. 몇 킬로미터인가요?", {
    reply: "26.2마일은 약 42.16킬로미터입니다(1마일 = 1.609344 km).",
    withFunctions: {
      calls: [{ name: "convert_units", arguments: { value: 26.2, from: "mi", to: "km" } }],
      answer: ([km]) => `마라톤 26.2마일은 약 ${km}킬로미터입니다.`,
    },
  }],
  ["오늘 아침에 10 km를 달렸고, 몸무게는 70 kg입니다. 각각 마일과 파운드로 얼마인가요?", {
    reply: "10 km는 약 6.21마일이고, 70 kg은 약 154.32파운드입니다.",
    withFunctions: {
      calls: [
        { name: "convert_units", arguments: { value: 10, from: "km", to: "mi" } },
        { name: "convert_units", arguments: { value: 70, from: "kg", to: "lb" } },
      ],
      answer: ([miles, pounds]) => `오늘 아침에 약 ${miles}마일을 달리셨고, 70 kg은 약 ${pounds}파운드입니다.`,
    },
  }],
  ["물은 100 °C에서 끓습니다. 화씨로는 몇 도인가요?", {
    reply: "100 °C는 212 °F입니다.",
    withFunctions: {
      calls: [{ name: "convert_units", arguments: { value: 100, from: "C", to: "F" } }],
      answer: ([fahrenheit]) => `물은 해수면에서 ${fahrenheit} °F에 끓습니다. 섭씨로는 100 °C입니다.`,
    },
  }],
  // Lesson 14: answers from lessons/files/course-handout.md, citing it. The Korean course asks its
  // second question in English, the handout's other language (the English course asks it in Korean).
  ["기말고사는 언제이고, 성적에서 얼마나 차지하나요?", {
    reply: "과정 안내문이 없어서 기말고사 날짜를 알려 드릴 수 없습니다.",
    withFileSearch: {
      answer: [
        "기말고사는 12월 18일 목요일 10:00–12:00에 B홀에서 봅니다",
        { cite: HANDOUT },
        ". 최종 성적의 40%를 차지하고, 과제와 중간고사는 각각 30%입니다",
        { cite: HANDOUT },
        ".",
      ],
      notFound: "검색할 수 있는 파일에서 기말고사 정보를 찾지 못했습니다.",
    },
  }],
  ["What happens if I hand in homework late?", {
    reply: "I don't have the course handout, so I can't tell you the late-homework policy.",
    withFileSearch: {
      answer: ["Late homework loses 10% for each day it is late, and it is not accepted after 3 days", { cite: HANDOUT }, "."],
      notFound: "I couldn't find a late-homework policy in the files I can search.",
    },
  }],
  // Lesson 15: a summary and a chart of lessons/files/quiz-scores.csv.
  ["첨부한 CSV 파일의 퀴즈 점수를 요약하고, 퀴즈별 반 평균을 막대그래프로 그려 주세요.", {
    reply: "퀴즈 점수가 담긴 CSV 파일을 첨부해 주시면 요약해 드릴게요.",
    withCodeInterpreter: {
      intro: "CSV 파일을 읽어서 퀴즈별 반 평균을 계산하고, 평균이 가장 높은 학생과 가장 많이 오른 학생을 찾은 다음, " +
        "평균을 막대그래프로 그리겠습니다.",
      code: QUIZ_CODE_KO,
      logs: "quiz_1    73.8\nquiz_2    77.0\nquiz_3    81.7\nquiz_4    85.3\nquiz_5    89.0\n최고 평균: Daniel 91.4\n가장 많이 오른 학생: Sora 27\n",
      chart: { values: [73.8, 77.0, 81.7, 85.3, 89.0], filename: "quiz_averages.png" },
      conclusion: "반 평균은 퀴즈를 볼 때마다 올라, 퀴즈 1의 73.8에서 퀴즈 5의 89.0이 되었습니다. 평균이 가장 높은 " +
        "학생은 Daniel(91.4)이고, 가장 많이 오른 학생은 Sora로 퀴즈 1에서 퀴즈 5까지 27점이 올랐습니다. 그래프는 " +
        "퀴즈별 반 평균을 보여 줍니다.",
    },
  }],
]);

// The Math Tutor's replies to the Korean course's questions (see lessons/ko/): the source
// tutorials' own Korean questions, answered in Korean, so Hangul goes through the simulator,
// the fixtures and the stream. Keyed like assistants.ts (the last user message, exact after
// trim); every answer must be mathematically correct.
import type { AnswerBook, AnswerEntry } from "../../sim/assistants/replies.ts";

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
]);

// The Math Tutor's replies in the Assistants simulator: course content, keyed by the last user
// message (exact match after trim). The reconstructed fixtures are recorded from these, so every
// answer must be mathematically correct. Add entries here; keep them short unless the question
// asks for detail. (Not a lesson: the catalog lists only lessons/NN-slug.ts.) The Korean
// course's questions are answered in assistants-ko.ts; both books are served together.
import type { AnswerBook, AnswerEntry } from "../../sim/assistants/replies.ts";
import { KOREAN_ANSWERS } from "./assistants-ko.ts";

/** Lessons 4, 8 and 11 replace the tutor's instructions for one run with this text. */
const JANE_DOE = "Please address the user as Jane Doe. The user has a premium account.";

// √241 ≈ 15.5242, x₁ = (-11 + √241)/6 ≈ 0.7540, x₂ = (-11 - √241)/6 ≈ -4.4207.
const QUADRATIC_IN_DETAIL = [
  "Of course! Let's solve `3x^2 + 11x - 10 = 0` step by step.",
  "**1. Identify the coefficients.** The equation has the form ax^2 + bx + c = 0 with a = 3, b = 11 and c = -10.",
  "**2. Write down the quadratic formula.**\n\nx = (-b ± √(b^2 - 4ac)) / (2a)",
  "**3. Compute the discriminant.**\n\nb^2 - 4ac = 11^2 - 4 · 3 · (-10) = 121 + 120 = 241\n\n" +
    "The discriminant is positive, so there are two different real solutions. 241 is not a perfect square, " +
    "so they are irrational; √241 ≈ 15.524.",
  "**4. Substitute into the formula.** With 2a = 6:\n\nx = (-11 ± √241) / 6",
  "**5. Work out the two solutions.**\n\n" +
    "- x₁ = (-11 + √241) / 6 ≈ (-11 + 15.524) / 6 ≈ 0.754\n" +
    "- x₂ = (-11 - √241) / 6 ≈ (-11 - 15.524) / 6 ≈ -4.421",
  "**6. Check by substitution.** For x₁: 3(0.754)^2 + 11(0.754) - 10 ≈ 1.706 + 8.294 - 10 = 0. " +
    "For x₂: 3(-4.421)^2 + 11(-4.421) - 10 ≈ 58.628 - 48.628 - 10 = 0. " +
    "As a quick extra check, the roots add up to -b/a = -11/3 ≈ -3.667 and multiply to c/a = -10/3 ≈ -3.333.",
  "So the solutions are x = (-11 + √241) / 6 ≈ 0.754 and x = (-11 - √241) / 6 ≈ -4.421.",
].join("\n\n");

const ENGLISH_ANSWERS: AnswerBook = new Map<string, AnswerEntry>([
  ["I need to solve the equation `3x^2 + 11x - 10 = 0`. Can you help me?", {
    reply: "Yes: by the quadratic formula, x = (-11 ± √241) / 6, so x ≈ 0.754 or x ≈ -4.421.",
    // Lesson 8: instructions that only say who the user is leave no tutor behind. The source
    // tutorial's real run greeted Jane Doe like a generic assistant and did not solve anything.
    underInstructions: {
      [JANE_DOE]:
        "Hello Jane Doe! Thank you for being a premium member. How can I help you today? " +
        "If you have a question or need a hand with anything, just let me know.",
    },
  }],
  ["I don't quite follow. Could you explain it in more detail?", { reply: QUADRATIC_IN_DETAIL }],
  ["Solve the equation `3x + 11 = 14`.", { reply: "x = 1." }],
  ["Explain linear algebra to me.", {
    reply: "Linear algebra is the branch of mathematics that studies vectors, matrices and systems of linear " +
      "equations, and the linear maps between vector spaces. It is the toolkit behind computer graphics, " +
      "data science and machine learning.",
  }],
  ["I hate math. What can I do about it?", {
    reply: "That feeling is common and it can change: practise a little every day with problems at your level " +
      "and ask for help as soon as something is unclear. Each small success makes math feel less frustrating " +
      "and more like a puzzle you can solve.",
  }],
  ["Thank you!", { reply: "You're welcome! Let me know if you have any other math questions." }],
  ["I need to solve the equation `3x + 11 = 14`. Can you help me?", {
    reply: "Subtract 11 from both sides to get 3x = 3, then divide by 3: x = 1.",
    withCodeInterpreter: {
      intro: "Sure! To isolate x, subtract 11 from both sides (3x = 3), then divide both sides by 3. " +
        "Let me solve it with code to be sure.",
      code: "from sympy import symbols, Eq, solve\n\nx = symbols('x')\nsolution = solve(Eq(3*x + 11, 14), x)\nprint(solution)",
      logs: "[1]\n",
      conclusion: "The solution to `3x + 11 = 14` is x = 1. Check: 3 · 1 + 11 = 14.",
    },
  }],
  ["What is 2 to the power of 10?", { reply: "2^10 = 1024." }],
  ["And what is the square root of 1024?", { reply: "√1024 = 32, because 32 × 32 = 1024." }],
  // Lesson 8 shows a failed run: this question's runs end `failed` with a server_error.
  ["Can you graph y = x^2 for me?", {
    outcome: "failed",
    last_error: { code: "server_error", message: "Sorry, something went wrong." },
  }],
]);

export const ASSISTANTS_ANSWERS: AnswerBook = new Map([...ENGLISH_ANSWERS, ...KOREAN_ANSWERS]);

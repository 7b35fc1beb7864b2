// The assistant's replies: course content, keyed by the last user message (exact match after
// trim). Fixtures are rebuilt from these, so every answer must be mathematically correct.
// Add entries to ANSWERS; keep them short unless the question asks for detail.

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

export const ANSWERS: ReadonlyMap<string, AnswerEntry> = new Map<string, AnswerEntry>([
  ["I need to solve the equation `3x^2 + 11x - 10 = 0`. Can you help me?", {
    reply: "Yes: by the quadratic formula, x = (-11 ± √241) / 6, so x ≈ 0.754 or x ≈ -4.421.",
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

export type ReplyPlan = { kind: "text"; text: string } | ({ kind: "code" } & CodeTurn);

export type ReplyContext = { instructions: string; codeInterpreter: boolean };

function fallbackReply(question: string | undefined): string {
  if (question === undefined || question === "") {
    return "Hello! I'm the local test assistant. How can I help you with math today?";
  }
  return `I'm the local test assistant; I can answer the course's questions. You asked: "${question}"`;
}

/** Openings the name slots into: "Sure! …" becomes "Sure, Jane Doe! …". */
const INTERJECTION = /^(Sure|Of course|Certainly|Yes|No|Hello|Hi|Great question|Good question)([!:.,])/;

/**
 * Run instructions like "Please address the user as Jane Doe." make the real model use the
 * name: after an opening interjection ("Sure, Jane Doe! …"), else in front ("Jane Doe, x = 1."),
 * lower-casing the first letter unless it starts the pronoun "I" (I, I'm, I'd, ...).
 */
export function addressUser(text: string, instructions: string): string {
  if (!instructions.includes("Jane Doe")) return text;
  const interjection = INTERJECTION.exec(text);
  if (interjection) {
    const [whole, word, mark] = interjection;
    return `${word}, Jane Doe${mark}${text.slice(whole.length)}`;
  }
  const keepCapital = /^I(\b|')/.test(text);
  const opening = keepCapital ? text : text.charAt(0).toLowerCase() + text.slice(1);
  return `Jane Doe, ${opening}`;
}

function entryFor(question: string | undefined): AnswerEntry | undefined {
  return question === undefined ? undefined : ANSWERS.get(question.trim());
}

/** The `last_error` a run must fail with when the answer table says so for its last user message. */
export function plannedFailure(question: string | undefined): RunError | undefined {
  const entry = entryFor(question);
  return entry && "outcome" in entry ? { ...entry.last_error } : undefined;
}

/** Chooses what the assistant says to the last user message of a run's thread. */
export function planReply(question: string | undefined, context: ReplyContext): ReplyPlan {
  const found = entryFor(question);
  const entry = found && "reply" in found ? found : undefined;
  const codeTurn = context.codeInterpreter ? entry?.withCodeInterpreter : undefined;
  if (codeTurn) return { kind: "code", ...codeTurn, intro: addressUser(codeTurn.intro, context.instructions) };
  const text = entry?.reply ?? fallbackReply(question?.trim());
  return { kind: "text", text: addressUser(text, context.instructions) };
}

// The Math Tutor's replies in the Assistants simulator: course content, keyed by the last user
// message (exact match after trim). The reconstructed fixtures are recorded from these, so every
// answer must be mathematically correct. Add entries here; keep them short unless the question
// asks for detail. (Not a lesson: the catalog lists only lessons/NN-slug.ts.)
import type { AnswerBook, AnswerEntry } from "../../sim/assistants/replies.ts";

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

// Lesson 15's chart: the class average of each quiz in lessons/files/quiz-scores.csv
// (73.83, 77.00, 81.67, 85.33, 89.00); Daniel's average is 91.4, Sora gained 27 points.
const QUIZ_CODE = [
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
  "print('Best average:', best['student'], round(best['average'], 1))",
  "df['gain'] = df['quiz_5'] - df['quiz_1']",
  "improved = df.loc[df['gain'].idxmax()]",
  "print('Most improved:', improved['student'], improved['gain'])",
  "",
  "plt.bar(quizzes, averages)",
  "plt.title('Class average per quiz')",
  "plt.ylabel('Average score')",
  "plt.show()",
].join("\n");

const HANDOUT = "course-handout.md";

export const ASSISTANTS_ANSWERS: AnswerBook = new Map<string, AnswerEntry>([
  // A run on a thread with no question yet (lesson 17): the assistant greets and waits.
  ["", { reply: "Hello! How can I assist you today? Send me a math question and I will work through it with you." }],
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
  // Lesson 13: the lesson's convert_units function answers; its outputs are the numbers in the reply.
  ["A marathon is 26.2 miles. How many kilometres is that?", {
    reply: "26.2 miles is about 42.16 kilometres (1 mile = 1.609344 km).",
    withFunctions: {
      calls: [{ name: "convert_units", arguments: { value: 26.2, from: "mi", to: "km" } }],
      answer: ([km]) => `A marathon of 26.2 miles is about ${km} kilometres.`,
    },
  }],
  ["This morning I ran 10 km, and I weigh 70 kg. What are those in miles and pounds?", {
    reply: "10 km is about 6.21 miles, and 70 kg is about 154.32 pounds.",
    withFunctions: {
      calls: [
        { name: "convert_units", arguments: { value: 10, from: "km", to: "mi" } },
        { name: "convert_units", arguments: { value: 70, from: "kg", to: "lb" } },
      ],
      answer: ([miles, pounds]) => `You ran about ${miles} miles this morning, and 70 kg is about ${pounds} pounds.`,
    },
  }],
  ["Water boils at 100 °C. What is that in Fahrenheit?", {
    reply: "100 °C is 212 °F.",
    withFunctions: {
      calls: [{ name: "convert_units", arguments: { value: 100, from: "C", to: "F" } }],
      answer: ([fahrenheit]) => `Water boils at ${fahrenheit} °F at sea level, which is 100 °C.`,
    },
  }],
  // Lesson 14: answers from lessons/files/course-handout.md, with citations of it.
  ["When is the final exam, and how much of the grade does it count for?", {
    reply: "I don't have the course handout, so I can't tell you the exam date.",
    withFileSearch: {
      answer: [
        "The final exam is on Thursday, 18 December, from 10:00 to 12:00 in Hall B",
        { cite: HANDOUT },
        ". It counts for 40% of the final grade; homework and the midterm count for 30% each",
        { cite: HANDOUT },
        ".",
      ],
      notFound: "I couldn't find the final exam in the files I can search.",
    },
  }],
  ["숙제를 늦게 내면 어떻게 되나요?", {
    reply: "과정 안내문이 없어서 지각 제출 규정을 알려 드릴 수 없습니다.",
    withFileSearch: {
      answer: ["숙제는 하루 늦을 때마다 10%씩 감점되고, 3일이 지나면 받지 않습니다", { cite: HANDOUT }, "."],
      notFound: "검색할 수 있는 파일에서 지각 제출 규정을 찾지 못했습니다.",
    },
  }],
  // Lesson 15: a summary and a chart of lessons/files/quiz-scores.csv.
  ["Summarise the quiz scores in the attached CSV file and draw a bar chart of the class average for each quiz.", {
    reply: "Please attach the CSV file with the quiz scores, and I will summarise it.",
    withCodeInterpreter: {
      intro: "I'll load the CSV file, compute the class average for each quiz, find the strongest and the most improved " +
        "student, and plot the averages.",
      code: QUIZ_CODE,
      logs: "quiz_1    73.8\nquiz_2    77.0\nquiz_3    81.7\nquiz_4    85.3\nquiz_5    89.0\nBest average: Daniel 91.4\nMost improved: Sora 27\n",
      chart: { values: [73.8, 77.0, 81.7, 85.3, 89.0], filename: "quiz_averages.png" },
      conclusion: "The class average rose with every quiz, from 73.8 on quiz 1 to 89.0 on quiz 5. Daniel has the best " +
        "average (91.4), and Sora improved the most: 27 points from quiz 1 to quiz 5. The chart shows the class " +
        "average for each quiz.",
    },
  }],
  // Lesson 8 shows a failed run: this question's runs end `failed` with a server_error.
  ["Can you graph y = x^2 for me?", {
    outcome: "failed",
    last_error: { code: "server_error", message: "Sorry, something went wrong." },
  }],
]);

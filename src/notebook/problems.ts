// What is wrong with a lesson file, found before it runs: every problem the parser found,
// or the TypeScript syntax error (syntax.ts), each at a line of the file.

export interface LessonProblem {
  readonly line: number;
  /** 1-based, when the problem is at a known column. */
  readonly column?: number;
  readonly message: string;
}

/** `lessons/03-x.ts:12:5` or `lessons/03-x.ts:12`. */
export const problemLocation = (file: string, problem: LessonProblem): string =>
  `${file}:${problem.line}${problem.column === undefined ? "" : `:${problem.column}`}`;

export class LessonFormatError extends Error {
  readonly file: string;
  readonly problems: readonly LessonProblem[];
  constructor(file: string, problems: readonly LessonProblem[]) {
    const first = problems[0] ?? { line: 1, message: "invalid lesson" };
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
    super(`${problemLocation(file, first)}: ${first.message}${more}`);
    this.name = "LessonFormatError";
    this.file = file;
    this.problems = problems;
  }
}

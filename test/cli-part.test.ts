// --part: every lesson of one part of the course (or several), in course order.
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../src/cli/args.ts";
import { defaultDirs, lessonsOfParts, listLessons } from "../src/course/catalog.ts";
import { UserError } from "../src/errors.ts";
import { ROOT } from "./support/paths.ts";

const lessons = listLessons(defaultDirs(ROOT));

describe("--part", () => {
  it("is read once or more, and not with --all or a lesson", () => {
    expect(parseCliArgs(["--record", "--part", "responses"]).parts).toEqual(["responses"]);
    expect(parseCliArgs(["--part", "assistants", "--part=responses"]).parts).toEqual(["assistants", "responses"]);
    expect(parseCliArgs(["3"]).parts).toEqual([]);
    const refusal = new UserError(
      "Invalid arguments",
      "--part runs every lesson of a part; leave out --all and the lesson number",
      'run "npm run lesson -- --help" for the options',
    );
    expect(() => parseCliArgs(["--all", "--part", "responses"])).toThrow(refusal);
    expect(() => parseCliArgs(["21", "--part", "responses"])).toThrow(refusal);
  });

  it("selects the lessons of the named parts in course order, and names the parts when one is unknown", () => {
    const part2 = lessonsOfParts(lessons, ["responses"]);
    expect(part2.map((lesson) => lesson.number)).toEqual(lessons.filter((l) => l.number >= 21).map((l) => l.number));
    expect(part2[0]?.id).toBe("21-first-response");
    expect(part2.every((lesson) => lesson.part?.family === "responses")).toBe(true);
    expect(lessonsOfParts(lessons, ["assistants", "assistants-tools", "responses"])).toHaveLength(lessons.length);
    expect(() => lessonsOfParts(lessons, ["part-3"])).toThrow(
      new UserError(
        'Unknown part "part-3"',
        "the parts are assistants, assistants-tools, responses",
        'run "npm run lesson" to list the parts and their lessons',
      ),
    );
  });
});

// The course manifest places lesson files in parts; files it does not list still run.
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { courseOutline } from "../src/cli/outline.ts";
import { defaultDirs, findLesson, loadCourse } from "../src/course/catalog.ts";
import { UserError } from "../src/errors.ts";
import { ROOT, tempCourse } from "./support/cli.ts";

const lesson = (title: string) => `// %% [markdown] id="intro"\n// # ${title}\n\n// %% Go id="go"\nconsole.log(1);\n`;
const manifest = (ids: string[]) => ({
  title: "A course",
  parts: [
    {
      id: "one",
      title: "Part 1: One",
      family: "assistants",
      description: "The first part.",
      lessons: ids.map((id) => ({ id, description: `about ${id}` })),
    },
  ],
});

function courseWith(files: Record<string, string>, course: object | undefined) {
  const made = tempCourse();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(made.lessons, name), text);
  if (course) writeFileSync(join(made.lessons, "course.json"), JSON.stringify(course));
  return made;
}

describe("the course manifest", () => {
  it("lists each part's lessons in its order, then lesson files it does not place, with a hint", () => {
    const made = courseWith(
      {
        "31-first.ts": lesson("Lesson 31: First"),
        "32-second.ts": lesson("Lesson 32: Second"),
        "33-new.ts": lesson("Lesson 33: Brand new"),
      },
      manifest(["32-second", "31-first"]),
    );
    expect(courseOutline(made.dirs)).toBe(
      'Lessons (run one with "npm run lesson N"):\n\nPart 1: One\n  32  Second\n  31  First\n\nNot in lessons/course.json yet (add them to a part there):\n  33  Brand new\n',
    );
    expect(loadCourse(made.dirs).lessons.map((l) => [l.id, l.part?.id, l.description])).toEqual([
      ["32-second", "one", "about 32-second"],
      ["31-first", "one", "about 31-first"],
      ["33-new", undefined, undefined],
    ]);
  });

  it("lists a script not named NN-slug.ts (a dropped-in example) with the name to give it, and says so when asked to run it", () => {
    const made = courseWith({ "31-first.ts": lesson("Lesson 31: First"), "assistant-stream.ts": "main();\n" }, manifest(["31-first"]));
    expect(courseOutline(made.dirs)).toBe(
      'Lessons (run one with "npm run lesson N"):\n\nPart 1: One\n  31  First\n\nNot run (lesson files are named NN-slug.ts):\n  assistant-stream.ts: rename it to NN-slug.ts, e.g. 32-assistant-stream.ts\n',
    );
    const course = loadCourse(made.dirs);
    expect(() => findLesson(course.lessons, "assistant-stream", course.misnamed)).toThrow(
      new UserError(
        "lessons/assistant-stream.ts is not a lesson yet",
        "lesson files are named NN-slug.ts, NN being the lesson's number",
        'rename it, e.g. "mv lessons/assistant-stream.ts lessons/32-assistant-stream.ts"',
      ),
    );
  });

  it("names a listed lesson that has no file, with the fix", () => {
    const made = courseWith({ "31-first.ts": lesson("Lesson 31: First") }, manifest(["31-first", "39-gone"]));
    expect(() => loadCourse(made.dirs)).toThrow(
      new UserError(
        "Failed to read the course manifest lessons/course.json",
        "it lists 39-gone, but lessons/39-gone.ts does not exist",
        "add the lesson file or remove 39-gone from lessons/course.json",
      ),
    );
  });

  it("rejects a part without a family, saying where", () => {
    const broken = { title: "A course", parts: [{ id: "one", title: "Part 1", description: "x", lessons: [] }] };
    const made = courseWith({ "31-first.ts": lesson("Lesson 31: First") }, broken);
    expect(() => loadCourse(made.dirs)).toThrow(
      'Failed to read the course manifest lessons/course.json: parts[0] needs "id", "title", "family" and "description". Fix: fix lessons/course.json',
    );
  });

  it("places every lesson file of this course in a part", () => {
    const files = readdirSync(join(ROOT, "lessons")).filter((f) => /^\d{2}-.*\.ts$/.test(f));
    const course = loadCourse(defaultDirs(ROOT));
    expect(course.unlisted).toEqual([]);
    expect(course.lessons.map((l) => `${l.id}.ts`).sort()).toEqual(files.sort());
  });
});

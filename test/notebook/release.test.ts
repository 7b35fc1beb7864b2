// A lesson's variables belong to its run: once the session is over, nothing keeps them alive
// (the statements run inside a function, not as module code the loader keeps for good).
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { instrument } from "../../src/notebook/loader.ts";
import { parseLesson } from "../../src/notebook/parse.ts";
import { tempCourse, writeLesson } from "../support/cli.ts";
import { replayInProcess } from "../support/replay.ts";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;
const PROBE = Symbol.for("lessonbook.test.probe");

const LESSON = [
  '// %% [markdown] id="intro"',
  "// # Lesson 92: Let go",
  "",
  '// %% Make something big id="make"',
  'import { show_json } from "../src/helpers/index.ts";',
  'const payload = { text: "x".repeat(1_000_000) };',
  '(globalThis as Record<symbol, unknown>)[Symbol.for("lessonbook.test.probe")] = new WeakRef(payload);',
  "show_json({ length: payload.text.length });",
  "",
].join("\n");

describe("a lesson's variables", () => {
  it("are collected once its session is over", async () => {
    const course = tempCourse();
    writeLesson(course, "92-let-go", LESSON);
    const { run } = await replayInProcess(92, { dirs: course.dirs });
    expect(run.status).toBe("ok");
    const probe = (globalThis as Record<symbol, WeakRef<object> | undefined>)[PROBE]!;
    for (let i = 0; i < 3 && probe.deref(); i++) {
      await new Promise((resolve) => setImmediate(resolve));
      collectGarbage();
    }
    expect(probe.deref()).toBeUndefined();
  });

  it("keep their line numbers: imports move to the first line, every other line stays", () => {
    const notebook = parseLesson("lessons/92-let-go.ts", LESSON);
    const lines = instrument(notebook, LESSON).split("\n");
    expect(lines[0]).toBe(
      'import { show_json } from "../src/helpers/index.ts"; export default async function lessonbook$cells() { // %% [markdown] id="intro"',
    );
    expect(lines[3]).toBe('await globalThis[Symbol.for("lessonbook.enter")](1);');
    expect(lines[4]).toBe("");
    expect(lines[5]).toBe(LESSON.split("\n")[5]);
  });
});

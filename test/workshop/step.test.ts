// --step in a real pseudo-terminal (tmux): `npm run lesson 3 -- --step` pauses before each code
// cell with its code on screen; keys are sent as a host types them and the screen is read back.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT, tempCourse } from "../support/cli.ts";
import { startCourseSim } from "../support/sim.ts";
import { TMUX_AVAILABLE, TmuxPane, warnIfTmuxMissing } from "../support/tmux.ts";

warnIfTmuxMissing("workshop --step");

const PROMPT = "▶ Enter: run this cell · n: narrative only · q: quit";
const fixture3 = JSON.parse(readFileSync(join(ROOT, "fixtures/03-add-message.json"), "utf8"));
const message = JSON.stringify(fixture3.exchanges[2].response.body, null, 2);

/** The screen from the lesson's title on (npm's own two lines come first). */
const lessonScreen = (screen: string) => screen.slice(screen.indexOf("Lesson 3: Add a message"));
const pausedAt = (cell: number) => (screen: string) => screen.endsWith(PROMPT) && screen.includes(`── [${cell}]`);

const TOP = `Lesson 3: Add a message to the thread
lessons/03-add-message.ts · replay, offline from fixtures/03-add-message.json

With an assistant and a thread in place, it is time to ask a question. A
message is one entry in a thread: it has a role (who wrote it) and content
(what was said). A thread can hold as many messages as you like, in order.

The setup cells below recreate the client, the Math Tutor assistant and an empty thread from lessons 1 and 2.

── [1] Recreate the client (setup) ─────────────────────────────────────
│ import OpenAI from "openai";
│ import dotenv from "dotenv";
│ dotenv.config({ quiet: true });
│ const client = new OpenAI();
│
`;

const AFTER_N = `(n: the code up to the next narrative runs without showing its code or output)

ADD THE QUESTION

messages.create() takes the thread id and the message itself. We write as the
"user", the person talking to the tutor. The backticks inside the text are just
part of the question: they mark the equation as code, as you might in a chat.

── [4] Add a message to the thread ─────────────────────────────────────
│ import { show_json } from "../src/helpers/index.ts";
│ const message = await client.beta.threads.messages.create(thread.id, {
│   role: "user",
│   content: "I need to solve the equation \`3x^2 + 11x - 10 = 0\`. Can you help me?",
│ });
│ show_json(message);
│
`;

const AFTER_ENTER = `${message}

Let's walk through the message:

 • id starts with msg_, object is "thread.message", and thread_id points
   back to our thread.
 • role is "user".
 • content is a list of parts, not a plain string. A message can mix text and
   images, so each part says what it is with type. Ours is a single "text" part
   whose text.value is the question (annotations is for citations, empty here).
 • assistant_id and run_id are null because a person wrote this message. When
   the assistant replies, its message will name the assistant and the run that made it.
 • attachments lists files sent with the message, and metadata is yours to fill.

Because content is a union of part types, TypeScript wants you to check the type
before you touch text. That check is also a good habit at run time: a part might
be an image.

── [5] Read the text back ──────────────────────────────────────────────
│ const part = message.content[0];
│ if (part?.type === "text") console.log(part.text.value);
│
`;

const AFTER_Q = `Not run: cell 5.
■ Lesson 03-add-message: quit before cell 5 "Read the text back"; 4 cells ran; no report written`;

let pane: TmuxPane | undefined;
afterEach(async () => {
  await pane?.close();
  pane = undefined;
});

describe.skipIf(!TMUX_AVAILABLE)("npm run lesson 3 -- --step, in a terminal", () => {
  it("pauses before each code cell: n runs up to the next narrative unseen, Enter runs the cell, q quits writing nothing", async () => {
    const course = tempCourse(["03-add-message"]);
    const fixtureBefore = readFileSync(join(course.fixtures, "03-add-message.json"), "utf8");
    pane = await TmuxPane.start(`npm run lesson 3 -- --step ${course.flags.join(" ")}`, { cwd: ROOT });

    expect(lessonScreen(await pane.waitFor(pausedAt(1), "the pause before cell 1"))).toBe(`${TOP}${PROMPT}`);
    await pane.literal("n");
    expect(lessonScreen(await pane.waitFor(pausedAt(4), "the pause before cell 4"))).toBe(`${TOP}${AFTER_N}${PROMPT}`);
    await pane.keys("Enter");
    const atFive = await pane.waitFor(pausedAt(5), "the pause before cell 5");
    expect(lessonScreen(atFive)).toBe(`${TOP}${AFTER_N}${AFTER_ENTER}${PROMPT}`);
    await pane.literal("q");

    expect(await pane.exited()).toBe(0);
    expect(lessonScreen(await pane.screen())).toBe(`${TOP}${AFTER_N}${AFTER_ENTER}${AFTER_Q}`);
    expect(readdirSync(course.reports)).toEqual([]);
    expect(readFileSync(join(course.fixtures, "03-add-message.json"), "utf8")).toBe(fixtureBefore);
  }, 180_000);

  it("ignores other keys at a pause, and Ctrl-C still interrupts as anywhere else (exit code 130)", async () => {
    const course = tempCourse(["03-add-message"]);
    pane = await TmuxPane.start(`npm run lesson 3 -- --step ${course.flags.join(" ")}`, { cwd: ROOT });
    await pane.waitFor(pausedAt(1), "the pause before cell 1");
    await pane.literal("x ");
    await pane.keys("C-c");
    expect(await pane.exited()).toBe(130);
    const screen = lessonScreen(await pane.screen());
    expect(screen).toBe(`${TOP}${PROMPT}\nlessonbook: interrupted; no fixture or report was written.`);
    expect(readdirSync(course.reports)).toEqual([]);
  }, 180_000);

  it("steps through a live run the same way, to the end, and writes its live report", async () => {
    const course = tempCourse(["03-add-message"]);
    const sim = await startCourseSim();
    try {
      const env = { OPENAI_API_KEY: "sk-local-step-test", OPENAI_BASE_URL: sim.baseUrl };
      pane = await TmuxPane.start(`npm run lesson 3 -- --step --live ${course.flags.join(" ")}`, { cwd: ROOT, env });
      for (const cell of [1, 2, 3, 4, 5]) {
        await pane.waitFor(pausedAt(cell), `the pause before cell ${cell}`);
        await pane.keys("Enter");
      }
      expect(await pane.exited()).toBe(0);
      const screen = lessonScreen(await pane.screen());
      expect(screen.split("\n").slice(0, 2)).toEqual([
        "Lesson 3: Add a message to the thread",
        `lessons/03-add-message.ts · live against ${sim.baseUrl}`,
      ]);
      // Every prompt was erased once its key was pressed; the cells ran as in a run without pauses.
      expect(screen).not.toContain(PROMPT);
      expect(screen).toContain('│ if (part?.type === "text") console.log(part.text.value);\n│\nI need to solve the equation');
      expect(screen.split("\n").at(-1)).toBe("✓ Lesson 03-add-message: 5 cells ran in live mode; report: reports/03-add-message.live.md");
      expect(readdirSync(course.reports)).toEqual(["03-add-message.live.md"]);
    } finally {
      await sim.close();
    }
  }, 180_000);
});

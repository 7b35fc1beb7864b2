// What --step shows, in process: the pauses' keys come from a script instead of a terminal
// (step.test.ts drives the real terminal). After `n`, code runs unseen, except where it fails
// or where --lenient answers it with a recording of a different request.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { KeySource, StepKey } from "../../src/cli/keys.ts";
import { Stepper } from "../../src/cli/step.ts";
import { plain } from "../../src/render/style.ts";
import { TerminalView } from "../../src/render/terminal-view.ts";
import { ROOT, tempCourse } from "../support/cli.ts";
import { replayInProcess } from "../support/replay.ts";

const scripted = (keys: StepKey[]): KeySource => ({ next: async () => keys.shift() ?? "quit" });
const PROMPT = "▶ Enter: run this cell · n: narrative only · q: quit";
const ERASE = "\r\u001b[2K";

describe("--step's view of a run", () => {
  it("after n, still shows a hidden cell that got a recorded answer to a different question", async () => {
    const course = tempCourse(["03-add-message"]);
    const lessonPath = join(course.lessons, "03-add-message.ts");
    writeFileSync(lessonPath, readFileSync(lessonPath, "utf8").replace('name: "Math Tutor"', 'name: "Maths Tutor"'));
    let shown = "";
    const view = new TerminalView((text) => (shown += text), plain);
    const stepper = new Stepper(view, scripted(["narrative", "quit"]));
    const { run } = await replayInProcess(3, {
      dirs: course.dirs,
      workshop: { lenient: true, beforeCode: stepper.beforeCode },
      events: stepper.events(),
    });
    expect(run.status).toBe("stopped");
    expect(stepper.quitBefore?.number).toBe(4);
    const assistant = JSON.parse(readFileSync(join(ROOT, "fixtures/03-add-message.json"), "utf8")).exchanges[0];
    const fromCell1 = shown.slice(shown.indexOf("── [1]"), shown.indexOf("ADD THE QUESTION"));
    expect(fromCell1).toBe(
      [
        "── [1] Recreate the client (setup) ─────────────────────────────────────",
        '│ import OpenAI from "openai";',
        '│ import dotenv from "dotenv";',
        "│ dotenv.config({ quiet: true });",
        "│ const client = new OpenAI();",
        "│",
        `${PROMPT}${ERASE}(n: the code up to the next narrative runs without showing its code or output)`,
        "",
        "── [2] Recreate the assistant (setup) ──────────────────────────────────",
        "│ const assistant = await client.beta.assistants.create({",
        '│   name: "Maths Tutor",',
        `│   instructions: "${assistant.request.body.instructions}",`,
        '│   model: "gpt-4o-mini",',
        "│ });",
        "│",
        '⚠ recorded answer to a different question: "Math Tutor"',
        "  --lenient answered POST /v1/assistants with exchange #1 of the fixture, recorded for a request that differs in:",
        '    name: recorded "Math Tutor", sent "Maths Tutor"',
        "",
        "",
      ].join("\n"),
    );
    expect(shown.endsWith(`│\n${PROMPT}${ERASE}`)).toBe(true);
  });
});

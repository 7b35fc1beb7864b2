import { readFileSync, writeFileSync } from "node:fs";
import { createTurnstile } from "../src/fixtures/ticket.ts";
import { join } from "node:path";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { parseFixture } from "../src/fixtures/load.ts";
import { installFastForwardClock } from "../src/clock/fast-forward.ts";
import { startReplay } from "../src/modes/replay.ts";
import { ROOT, runCli, tempCourse } from "./support/cli.ts";

const QUESTION = "I need to solve the equation `3x^2 + 11x - 10 = 0`. Can you help me?";

describe("a request with no recording", () => {
  it("fails the cell that sent it, shows the closest recording's diff and the record command, and never prints headers", async () => {
    const course = tempCourse(["03-add-message"]);
    writeFileSync(join(course.reports, "03-add-message.md"), "the committed, good report\n");
    const lessonPath = join(course.lessons, "03-add-message.ts");
    writeFileSync(lessonPath, readFileSync(lessonPath, "utf8").replace(QUESTION, "Solve x^2 = 4."));
    const result = await runCli(["3", ...course.flags]);
    expect(result.code).toBe(1);
    const out = result.stdout;
    const threadId = JSON.parse(readFileSync(join(course.fixtures, "03-add-message.json"), "utf8")).exchanges[1].response.body.id;
    expect(out).toContain(
      [
        `ReplayMissError: no recording matches POST /v1/threads/${threadId}/messages: no recorded request has this method, path, query and body`,
        "Closest recorded requests:",
        `  #3 POST /v1/threads/${threadId}/messages (body differs)`,
        `      - "content": "${QUESTION}",`,
        '      + "content": "Solve x^2 = 4.",',
        'Fix: re-record the fixture with "npm run lesson 3 -- --record", or undo the lesson change that altered this request. Or try your change offline with "npm run lesson 3 -- --lenient": it answers with the recorded answer to the closest request, labelled as such.',
      ].join("\n"),
    );
    expect(out).toContain("Not run: cell 5.");
    expect(out).toContain(
      `✗ Lesson 03-add-message failed in cell 4 "Add a message to the thread": ReplayMissError: no recording matches POST /v1/threads/${threadId}/messages: no recorded request has this method, path, query and body; report: reports/03-add-message.failed.md (reports/03-add-message.md is unchanged)\n`,
    );
    expect(out.toLowerCase()).not.toMatch(/openai-beta|authorization|content-type|x-stainless|user-agent/);
    expect(readFileSync(join(course.reports, "03-add-message.md"), "utf8")).toBe("the committed, good report\n");
    const report = readFileSync(join(course.reports, "03-add-message.failed.md"), "utf8");
    expect(report).toContain("**Error:**");
    expect(report).toContain("_Not run: an earlier cell failed._");
  });

  it("reaches the SDK as one error, with no retry and no back-off wait", async () => {
    const text = readFileSync(join(ROOT, "fixtures/03-add-message.json"), "utf8");
    const fixture = parseFixture(text, {
      shownPath: "fixtures/03-add-message.json",
      recordCommand: "npm run lesson 3 -- --record",
      lesson: "03-add-message",
    });
    const session = startReplay({
      fixture,
      sidecars: new Map(),
      recordCommand: "npm run lesson 3 -- --record",
      say: () => {},
      fixtureSha256: "0",
      turnstile: createTurnstile(),
    });
    using clock = installFastForwardClock();
    let attempts = 0;
    const counting: typeof fetch = (url, init) => {
      attempts++;
      return fetch(url, init);
    };
    const client = new OpenAI({ apiKey: "replay-needs-no-key", baseURL: fixture.provenance.baseUrl, fetch: counting });
    try {
      await expect(client.beta.threads.create({ metadata: { unrecorded: "yes" } })).rejects.toMatchObject({ status: 501 });
      expect(attempts).toBe(1);
      // A retry would first sleep its back-off (0.5-8 s) on the clock.
      expect(clock.stats()).toMatchObject({ timersFastForwarded: 0, realSleeps: 0 });
      expect(session.takeFailure(undefined)?.message).toBe(
        "no recording matches POST /v1/threads: no recorded request has this method, path, query and body",
      );
    } finally {
      await session.close(false);
    }
  });
});

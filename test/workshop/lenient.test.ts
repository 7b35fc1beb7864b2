// --lenient: a request with no recording gets the recorded answer to the closest request of
// the same endpoint and position, labelled in the terminal, the report and the run's data.
// Strict stays the default, the strict miss offers --lenient, and --check never uses it.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Exchange, RecordedRequest } from "../../src/fixtures/format.ts";
import { endpointOf, lenientMatcher, pathTemplate, type Substitution } from "../../src/fixtures/lenient.ts";
import { createMatcher, type MatchResult } from "../../src/fixtures/match.ts";
import { ROOT, runCli, tempCourse } from "../support/cli.ts";
import { replayInProcess } from "../support/replay.ts";
import { TMUX_AVAILABLE, TmuxPane, warnIfTmuxMissing } from "../support/tmux.ts";

warnIfTmuxMissing("workshop --lenient");

const QUESTION = "I need to solve the equation `3x^2 + 11x - 10 = 0`. Can you help me?";
const fixture3 = JSON.parse(readFileSync(join(ROOT, "fixtures/03-add-message.json"), "utf8"));
const THREAD = fixture3.exchanges[1].response.body.id as string;

/** A course whose lesson 3 asks its own question instead of the recorded one. */
function editedLesson3() {
  const course = tempCourse(["03-add-message"]);
  const lessonPath = join(course.lessons, "03-add-message.ts");
  writeFileSync(lessonPath, readFileSync(lessonPath, "utf8").replace(QUESTION, "Solve x^2 = 4."));
  writeFileSync(join(course.reports, "03-add-message.md"), "the committed, good report\n");
  return course;
}

const message = (thread: string, content: string): RecordedRequest => ({
  method: "POST",
  path: `/v1/threads/${thread}/messages`,
  body: { role: "user", content },
});
const recorded = (request: RecordedRequest, answer: string): Exchange => ({ at: 0, request, response: { status: 200, body: answer } });
const answerOf = (result: MatchResult) => ("exchange" in result ? result.exchange.response.body : `miss: ${result.miss.reason}`);

describe("lenient matching", () => {
  it("names an endpoint by method and path with its ids replaced", () => {
    expect(pathTemplate("/v1/threads/thread_RdmKGmfe1YRMFzDSui9oEzt2/runs/run_kFGMTx61LzNrx7vzJ5CzkEqi")).toBe(
      "/v1/threads/{id}/runs/{id}",
    );
    expect(pathTemplate("/v1/threads/thread_abc12345XYZ/runs/run_abcdefghJ1/submit_tool_outputs")).toBe(
      "/v1/threads/{id}/runs/{id}/submit_tool_outputs",
    );
    expect(endpointOf({ method: "GET", path: "/v1/files/file-AbCdEf123456/content" })).toBe("GET /v1/files/{id}/content");
  });

  it("answers the n-th unrecorded request to an endpoint with the n-th recorded one, and says how they differ", () => {
    const exchanges = [
      recorded(message("thread_A1b2C3d4E5", "What is 2 to the power of 10?"), "answer 1"),
      recorded({ method: "POST", path: "/v1/threads" }, "a thread"),
      recorded(message("thread_A1b2C3d4E5", "And its square root?"), "answer 2"),
    ];
    const heard: Substitution[] = [];
    const matcher = lenientMatcher(createMatcher(exchanges), exchanges, (s) => heard.push(s));
    expect(answerOf(matcher.match(message("thread_A1b2C3d4E5", "What is 3 to the power of 5?")))).toBe("answer 1");
    // A request that has a recording is answered strictly, and still counts for the positions.
    expect(answerOf(matcher.match(message("thread_A1b2C3d4E5", "And its square root?")))).toBe("answer 2");
    expect(answerOf(matcher.match(message("thread_A1b2C3d4E5", "One more?")))).toBe(
      "miss: no recorded request has this method, path, query and body; --lenient has no answer either: the recording has 2 POST /v1/threads/{id}/messages requests, and this is number 3",
    );
    expect(heard).toEqual([
      {
        request: "POST /v1/threads/thread_A1b2C3d4E5/messages",
        exchange: 1,
        question: '"What is 2 to the power of 10?"',
        differences: [{ where: "content", recorded: '"What is 2 to the power of 10?"', sent: '"What is 3 to the power of 5?"' }],
      },
    ]);
  });

  it("quotes the recorded value that differs first (body, then query, then path), named when it is not text", () => {
    const list = (limit: string): RecordedRequest => ({ method: "GET", path: "/v1/threads/thread_A1b2C3d4E5/messages", query: { limit } });
    const exchanges = [recorded(list("2"), "two")];
    const heard: Substitution[] = [];
    const matcher = lenientMatcher(createMatcher(exchanges), exchanges, (s) => heard.push(s));
    expect(answerOf(matcher.match({ ...list("3"), path: "/v1/threads/thread_Z9y8X7w6V5/messages" }))).toBe("two");
    expect(heard[0]?.question).toBe('"2"');
    expect(heard[0]?.differences).toEqual([
      { where: "query.limit", recorded: '"2"', sent: '"3"' },
      { where: "path", recorded: '"/v1/threads/thread_A1b2C3d4E5/messages"', sent: '"/v1/threads/thread_Z9y8X7w6V5/messages"' },
    ]);
    const numbers = [recorded({ method: "POST", path: "/v1/things", body: { limit: 2 } }, "two")];
    const strict = lenientMatcher(createMatcher(numbers), numbers, (s) => heard.push(s));
    expect(answerOf(strict.match({ method: "POST", path: "/v1/things", body: { limit: 3 } }))).toBe("two");
    expect(heard[1]?.question).toBe("limit 2");
  });
});

describe("npm run lesson 3 with an edited prompt", () => {
  it("strictly fails the cell, and the miss offers --lenient", async () => {
    const course = editedLesson3();
    const result = await runCli(["3", ...course.flags]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'Fix: re-record the fixture with "npm run lesson 3 -- --record", or undo the lesson change that altered this request. Or try your change offline with "npm run lesson 3 -- --lenient": it answers with the recorded answer to the closest request, labelled as such.\n',
    );
  });

  it("with --lenient, answers with the recorded answer, labelled in the terminal and in a report beside the committed one", async () => {
    const course = editedLesson3();
    const result = await runCli(["3", "--lenient", ...course.flags]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    const label = [
      `⚠ recorded answer to a different question: "${QUESTION}"`,
      `  --lenient answered POST /v1/threads/${THREAD}/messages with exchange #3 of the fixture, recorded for a request that differs in:`,
      `    content: recorded "${QUESTION}", sent "Solve x^2 = 4."`,
      "{",
    ].join("\n");
    expect(result.stdout).toContain(`│ show_json(message);\n│\n${label}`);
    expect(result.stdout.split("\n").at(-2)).toBe(
      "✓ Lesson 03-add-message: 5 cells ran in replay mode; --lenient served 1 recorded answer to a different question; report: reports/03-add-message.lenient.md (reports/03-add-message.md is unchanged)",
    );
    expect(readFileSync(join(course.reports, "03-add-message.md"), "utf8")).toBe("the committed, good report\n");
    const report = readFileSync(join(course.reports, "03-add-message.lenient.md"), "utf8");
    expect(report).toContain(
      [
        "show_json(message);",
        "```",
        "",
        `**⚠ recorded answer to a different question:** "I need to solve the equation \\\`3x^2 + 11x - 10 = 0\\\`. Can you help me?"`,
        "",
        "```text",
        `--lenient answered POST /v1/threads/${THREAD}/messages with exchange #3 of the fixture, recorded for a request that differs in:`,
        `  content: recorded "${QUESTION}", sent "Solve x^2 = 4."`,
        "```",
        "",
        "```json",
      ].join("\n"),
    );
  });

  it("keeps the substitution in the run's data, as an output of the cell that sent the request", async () => {
    const course = editedLesson3();
    const { run } = await replayInProcess(3, { dirs: course.dirs, workshop: { lenient: true } });
    expect(run.status).toBe("ok");
    const cell = run.results.find((r) => r.cell.id === "add-message")!;
    expect(cell.outputs[0]).toEqual({
      type: "substitute",
      substitute: {
        request: `POST /v1/threads/${THREAD}/messages`,
        exchange: 3,
        question: JSON.stringify(QUESTION),
        differences: [{ where: "content", recorded: JSON.stringify(QUESTION), sent: '"Solve x^2 = 4."' }],
      },
    });
  });

  it("is never used by --check, which replays strictly (CI)", async () => {
    const course = editedLesson3();
    const checked = await runCli(["--check", "3", ...course.flags]);
    expect([checked.code, checked.stdout]).toEqual([
      1,
      "✗ reports/03-add-message.md: the lesson fails when replayed. Fix: npm run lesson 3\n",
    ]);
    const refused = await runCli(["--check", "--all", "--lenient", ...course.flags]);
    expect([refused.code, refused.stderr]).toEqual([
      2,
      'lessonbook: Invalid arguments: --check compares strict, instant replays with the reports; leave out --step, --pace and --lenient. Fix: run "npm run lesson -- --help" for the options\n',
    ]);
  });
});

let pane: TmuxPane | undefined;
afterEach(async () => {
  await pane?.close();
  pane = undefined;
});

describe.skipIf(!TMUX_AVAILABLE)("the chat loop with --lenient, typed at a terminal", () => {
  it("takes a question of the learner's own and answers it with the recorded answer, labelled", async () => {
    const course = tempCourse(["12-chat-loop"]);
    pane = await TmuxPane.start(`npm run lesson 12 -- --lenient ${course.flags.join(" ")}`, { cwd: ROOT });
    const prompts = (n: number) => (screen: string) => screen.split("or type your own").length === n + 1;
    await pane.waitFor(prompts(1), "the first question");
    await pane.literal("What is 3 to the power of 5?");
    await pane.keys("Enter");
    await pane.waitFor(prompts(2), "the second question");
    await pane.keys("Enter");
    await pane.waitFor(prompts(3), "the third line");
    await pane.keys("Enter");
    expect(await pane.exited()).toBe(0);
    const screen = await pane.screen();
    const thread = JSON.parse(readFileSync(join(ROOT, "fixtures/12-chat-loop.json"), "utf8")).exchanges[1].response.body.id;
    const first = [
      "Enter a math question (/q to quit):",
      '(recorded: "What is 2 to the power of 10?"; press Enter to use it, or type your own: --lenient answers it with a recorded answer)',
      "What is 3 to the power of 5?",
      '⚠ recorded answer to a different question: "What is 2 to the power of 10?"',
      `  --lenient answered POST /v1/threads/${thread}/messages with exchange #3 of the fixture, recorded for a request that differs in:`,
      '    content: recorded "What is 2 to the power of 10?", sent "What is 3 to the power of 5?"',
      "Assistant> 2^10 = 1024.",
      "Enter a math question (/q to quit):",
    ].join("\n");
    expect(screen).toContain(first);
    expect(screen).toContain(
      "✓ Lesson 12-chat-loop: 6 cells ran in replay mode; --lenient served 1 recorded answer to a different question; report: reports/12-chat-loop.lenient.md",
    );
  }, 180_000);
});

// Part 2 recorded through lessonbook's record mode against the local Responses + Conversations
// simulator over real sockets (one process for the whole part, `--part`), then replayed from
// what was recorded. Part 1's live, record and replay test is live-record.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type CliResult, cleanEnv, ROOT, runCli, tempCourse } from "../support/cli.ts";
import { partsOfFamily } from "../support/parts.ts";
import { startResponsesCourseSim } from "../support/sim.ts";

const CANARY_KEY = "sk-canary-RESPONSES-0123456789abcdefghijklmno";
const { ids, partFlags } = partsOfFamily("responses");
/** What the learner types at the chat loop's prompts. */
const TYPED = "What is 2 to the power of 10?\nAnd what is the square root of 1024?\n/q\n";
const summaries = (result: CliResult) => result.stdout.split("\n").filter((line) => /^[✓✗] Lesson /.test(line));

describe("part 2 recorded against the Responses simulator, then replayed", () => {
  const recorded = tempCourse();
  const replayed = tempCourse();
  const lessonsDir = join(ROOT, "lessons");
  let recordRun: CliResult;
  let replayRun: CliResult;

  beforeAll(async () => {
    const server = await startResponsesCourseSim();
    try {
      const env = cleanEnv({ OPENAI_API_KEY: CANARY_KEY, OPENAI_BASE_URL: server.baseUrl });
      recordRun = await runCli(
        [...partFlags, "--record", "--lessons", lessonsDir, "--fixtures", recorded.fixtures, "--reports", recorded.reports],
        env,
        TYPED,
      );
    } finally {
      await server.close();
    }
    replayRun = await runCli(
      [...partFlags, "--lessons", lessonsDir, "--fixtures", recorded.fixtures, "--reports", replayed.reports],
      cleanEnv(),
    );
    // Two processes of part 2's lessons: generous for two busy cores.
  }, 240_000);

  it("records every lesson of part 2, and replays every one of them offline", () => {
    expect(ids.length).toBeGreaterThan(5);
    expect([recordRun.code, recordRun.stderr]).toEqual([0, ""]);
    expect(summaries(recordRun)).toEqual(
      ids.map((id) => expect.stringMatching(new RegExp(`^✓ Lesson ${id}: \\d+ cells ran in record mode; report: \\S*reports/${id}\\.md$`))),
    );
    expect([replayRun.code, replayRun.stderr]).toEqual([0, ""]);
    expect(summaries(replayRun)).toEqual(
      ids.map((id) => expect.stringMatching(new RegExp(`^✓ Lesson ${id}: \\d+ cells ran in replay mode; report: \\S*reports/${id}\\.md$`))),
    );
    expect(recordRun.stdout).toContain("Enter a math question (/q to quit): What is 2 to the power of 10?\nAssistant> 2^10 = 1024.\n");
  });

  it("replays into the very reports the recording wrote", () => {
    for (const id of ids) {
      expect(readFileSync(join(replayed.reports, `${id}.md`), "utf8")).toBe(readFileSync(join(recorded.reports, `${id}.md`), "utf8"));
    }
  });

  it("stamps recorded provenance, with the dated model snapshot, and the sending cell", () => {
    const fixture = JSON.parse(readFileSync(join(recorded.fixtures, "21-first-response.json"), "utf8"));
    expect(fixture.provenance).toEqual({
      source: "recorded",
      date: new Date().toISOString().slice(0, 10),
      baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1$/),
      models: ["gpt-4o-mini-2024-07-18"],
      sdk: expect.stringMatching(/^openai-node \d+\.\d+\.\d+$/),
    });
    expect(fixture.exchanges[0].request.headers).toEqual({ "content-type": "application/json" });
    expect(fixture.exchanges.every((e: { cell?: string }) => typeof e.cell === "string")).toBe(true);
  });

  it("never lets the canary key or an sk- key shape into fixtures, reports or output", () => {
    const dirs = [recorded.fixtures, recorded.reports, replayed.reports];
    const written = dirs.flatMap((dir) =>
      readdirSync(dir, { withFileTypes: true })
        .filter((f) => f.isFile())
        .map((f) => readFileSync(join(dir, f.name), "utf8")),
    );
    expect(written.length).toBeGreaterThanOrEqual(ids.length * 3);
    for (const text of [...written, recordRun.stdout, recordRun.stderr, replayRun.stdout, replayRun.stderr]) {
      expect(text).not.toContain(CANARY_KEY);
      expect(text).not.toMatch(/sk-[A-Za-z0-9_-]{20,}/);
    }
  });
});

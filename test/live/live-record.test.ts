// Live and record modes against the local Assistants v2 simulator, over real sockets: every
// part of the course that talks to the Assistants API (part 1) in one process per mode
// (`--part`), then replayed from what was recorded. Part 2 has its own test against the
// Responses simulator (live-record-responses.test.ts).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, ROOT, runCli, tempCourse, type CliResult } from "../support/cli.ts";
import { partsOfFamily } from "../support/parts.ts";
import { startCourseSim, type CourseSim } from "../support/sim.ts";

// A canary: if this string (or any sk- key shape) shows up in a file or output, redaction failed.
const CANARY_KEY = "sk-canary-LESSONBOOK0123456789abcdefghijklmnop";
const { ids, partFlags } = partsOfFamily("assistants");
/** What the learner types at lesson 12's prompts. */
const TYPED = "What is 2 to the power of 10?\nAnd what is the square root of 1024?\n/q\n";
const bodyOf = (report: string) => report.slice(0, report.lastIndexOf("\n---\n"));
const summaries = (result: CliResult) => result.stdout.split("\n").filter((line) => /^[✓✗] Lesson /.test(line));

describe("the whole course live, recorded, then replayed", () => {
  const live = tempCourse();
  const recorded = tempCourse();
  const replayed = tempCourse();
  const lessonsDir = join(ROOT, "lessons");
  let liveRun: CliResult;
  let recordRun: CliResult;
  let replayRun: CliResult;
  let server: CourseSim;

  beforeAll(async () => {
    // A fresh simulator with the same seed for each mode: live and record see the same ids.
    const against = async (args: string[]) => {
      server = await startCourseSim();
      const env = cleanEnv({ OPENAI_API_KEY: CANARY_KEY, OPENAI_BASE_URL: server.baseUrl });
      const result = await runCli([...partFlags, ...args, "--lessons", lessonsDir], env, TYPED);
      await server.close();
      return result;
    };
    liveRun = await against(["--live", "--fixtures", live.fixtures, "--reports", live.reports]);
    recordRun = await against(["--record", "--fixtures", recorded.fixtures, "--reports", recorded.reports]);
    replayRun = await runCli(
      [...partFlags, "--lessons", lessonsDir, "--fixtures", recorded.fixtures, "--reports", replayed.reports],
      cleanEnv(),
    );
    // Three processes of twelve lessons each: generous for two busy cores.
  }, 300_000);

  it("runs every lesson live through real sockets, writing live reports beside and no fixture", () => {
    expect([liveRun.code, liveRun.stderr]).toEqual([0, ""]);
    expect(summaries(liveRun)).toEqual(
      ids.map((id) =>
        expect.stringMatching(new RegExp(`^✓ Lesson ${id}: \\d+ cells ran in live mode; report: \\S*reports/${id}\\.live\\.md$`)),
      ),
    );
    expect(readdirSync(live.fixtures)).toEqual([]);
    expect(liveRun.stdout).toContain("Enter a math question (/q to quit): What is 2 to the power of 10?\nAssistant> 2^10 = 1024.\n");
  });

  it("records every lesson with --record --part, and --part replays every one of them", () => {
    expect([recordRun.code, recordRun.stderr]).toEqual([0, ""]);
    expect(summaries(recordRun)).toHaveLength(ids.length);
    expect([replayRun.code, replayRun.stderr]).toEqual([0, ""]);
    expect(summaries(replayRun)).toEqual(
      ids.map((id) => expect.stringMatching(new RegExp(`^✓ Lesson ${id}: \\d+ cells ran in replay mode; report: \\S*reports/${id}\\.md$`))),
    );
  });

  it("replays into the very reports the recording wrote, and the same bodies as the live run", () => {
    for (const id of ids) {
      const replayedReport = readFileSync(join(replayed.reports, `${id}.md`), "utf8");
      expect(replayedReport).toBe(readFileSync(join(recorded.reports, `${id}.md`), "utf8"));
      expect(bodyOf(replayedReport)).toBe(bodyOf(readFileSync(join(live.reports, `${id}.live.md`), "utf8")));
    }
  });

  it("stamps recorded provenance and the sending cell on the fixtures it writes", () => {
    const fixture = JSON.parse(readFileSync(join(recorded.fixtures, "05-wait-on-run.json"), "utf8"));
    expect(fixture.provenance).toEqual({
      source: "recorded",
      date: new Date().toISOString().slice(0, 10),
      baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1$/),
      models: ["gpt-4o-mini"],
      sdk: expect.stringMatching(/^openai-node \d+\.\d+\.\d+$/),
    });
    expect(fixture.exchanges[0].request.headers).toEqual({ "content-type": "application/json", "openai-beta": "assistants=v2" });
    expect(fixture.exchanges.every((e: { cell?: string }) => typeof e.cell === "string")).toBe(true);
  });

  it("never lets the canary key or an sk- key shape into fixtures, reports or output", () => {
    const dirs = [recorded.fixtures, recorded.reports, live.reports, replayed.reports];
    const written = dirs.flatMap((dir) => readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8")));
    const printed = [liveRun, recordRun, replayRun].flatMap((r) => [r.stdout, r.stderr]);
    expect(written.length).toBe(ids.length * 4);
    for (const text of [...written, ...printed]) {
      expect(text).not.toContain(CANARY_KEY);
      expect(text).not.toMatch(/sk-[A-Za-z0-9_-]{20,}/);
    }
  });
});

// Live and record modes against the local Assistants v2 simulator, over real sockets.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCourseSim, type CourseSim } from "../support/sim.ts";
import { cleanEnv, runCli, tempCourse, type CliResult } from "../support/cli.ts";

// A canary: if this string (or any sk- key shape) shows up in a file or output, redaction failed.
const CANARY_KEY = "sk-canary-LESSONBOOK0123456789abcdefghijklmnop";
const CORE = ["1", "2", "3", "4", "5", "6"];
const ids = readdirSync(join(import.meta.dirname, "../../lessons")).filter((f) => /^0[1-6]-/.test(f)).map((f) => f.slice(0, -3));
const bodyOf = (report: string) => report.slice(0, report.lastIndexOf("\n---\n"));

async function runEach(args: (lesson: string) => string[], env: NodeJS.ProcessEnv): Promise<CliResult[]> {
  const results: CliResult[] = [];
  for (const lesson of CORE) results.push(await runCli(args(lesson), env));
  return results;
}

describe("live and record modes against a local server", () => {
  const live = tempCourse();
  const recorded = tempCourse();
  const replayed = tempCourse();
  let liveRuns: CliResult[];
  let recordRuns: CliResult[];
  let replayRuns: CliResult[];
  let server: CourseSim;

  beforeAll(async () => {
    // Same seed for both servers: live and record see the same ids, so reports can be compared.
    server = await startCourseSim();
    liveRuns = await runEach((n) => [n, "--live", "--reports", live.reports, "--fixtures", live.fixtures], cleanEnv({ OPENAI_API_KEY: CANARY_KEY, OPENAI_BASE_URL: server.baseUrl }));
    await server.close();
    server = await startCourseSim();
    recordRuns = await runEach((n) => [n, "--record", "--fixtures", recorded.fixtures, "--reports", recorded.reports], cleanEnv({ OPENAI_API_KEY: CANARY_KEY, OPENAI_BASE_URL: server.baseUrl }));
    replayRuns = await runEach((n) => [n, "--fixtures", recorded.fixtures, "--reports", replayed.reports], cleanEnv());
  });
  afterAll(() => server.close());

  it("runs lessons 1–6 live through real sockets and exits 0 without touching fixtures", () => {
    expect(liveRuns.map((r) => [r.code, r.stderr])).toEqual(CORE.map(() => [0, ""]));
    expect(liveRuns.map((r) => r.stdout.trim().split("\n").at(-1)!.replace(/; report: .*/, ""))).toEqual(
      ids.map((id) => expect.stringMatching(new RegExp(`^✓ Lesson ${id}: \\d+ cells ran in live mode$`))),
    );
    expect(readdirSync(live.fixtures)).toEqual([]);
  });

  it("records lessons 1–6 and replays them into the same reports as the live run", () => {
    expect(recordRuns.map((r) => r.code)).toEqual(CORE.map(() => 0));
    expect(replayRuns.map((r) => r.code)).toEqual(CORE.map(() => 0));
    for (const id of ids) {
      const liveReport = readFileSync(join(live.reports, `${id}.md`), "utf8");
      expect(bodyOf(readFileSync(join(replayed.reports, `${id}.md`), "utf8"))).toBe(bodyOf(liveReport));
      expect(readFileSync(join(replayed.reports, `${id}.md`), "utf8")).toBe(readFileSync(join(recorded.reports, `${id}.md`), "utf8"));
    }
  });

  it("stamps recorded provenance on the fixtures it writes", () => {
    const fixture = JSON.parse(readFileSync(join(recorded.fixtures, `${ids[4]}.json`), "utf8"));
    expect(fixture.provenance).toEqual({
      source: "recorded",
      date: new Date().toISOString().slice(0, 10),
      baseUrl: server.baseUrl,
      models: ["gpt-4o-mini"],
      sdk: expect.stringMatching(/^openai-node \d+\.\d+\.\d+$/),
    });
    expect(fixture.exchanges[0].request.headers).toEqual({ "content-type": "application/json", "openai-beta": "assistants=v2" });
  });

  it("never lets the canary key or an sk- key shape into fixtures, reports or output", () => {
    const written = [recorded.fixtures, recorded.reports, live.reports, replayed.reports].flatMap((dir) => readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8")));
    const printed = [...liveRuns, ...recordRuns, ...replayRuns].flatMap((r) => [r.stdout, r.stderr]);
    expect(written.length).toBe(24);
    for (const text of [...written, ...printed]) {
      expect(text).not.toContain(CANARY_KEY);
      expect(text).not.toMatch(/sk-[A-Za-z0-9_-]{20,}/);
    }
  });
});

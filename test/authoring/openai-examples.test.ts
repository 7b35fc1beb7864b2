// Issue 14's promise: any OpenAI example becomes a lesson. The SDK's own Assistants examples
// (test/examples/openai-node, kept verbatim: shebang, no cell markers, an un-awaited `main();`)
// are copied unedited into a course, run live and recorded against the local simulator, then
// replayed offline twice: exit 0 each time, and the same report every replay.
import { createHash } from "node:crypto";
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, ROOT, runCli, tempCourse, type CliResult } from "../support/cli.ts";
import { startCourseSim, type CourseSim } from "../support/sim.ts";

const EXAMPLES = join(ROOT, "test/examples/openai-node");
/** The copies' hashes, as test/examples/openai-node/README.md lists them: any edit fails here. */
const VERBATIM: Record<string, string> = {
  "assistants.ts": "9175f073625d86d2d35fbec285d372b759e2da3dca8f5bf64bb87282cdffbacc",
  "assistant-stream.ts": "6cfab7dd3e6b49f55f18121f4c619055874acb5ef646361b89e0b78130cc5e7d",
  "assistant-stream-raw.ts": "5db1ad2439103b111075ac4aa863fafc3af3d1bd70ea569bea0a8a8692287134",
};
/** Named as lessons: the file's content is untouched, only its name says its number. */
const AS_LESSONS: Record<string, string> = {
  "assistants.ts": "01-assistants",
  "assistant-stream.ts": "02-assistant-stream",
  "assistant-stream-raw.ts": "03-assistant-stream-raw",
};
const ids = Object.values(AS_LESSONS);
const KEY = "sk-canary-EXAMPLES0123456789abcdefghijklmn";
const summaries = (result: CliResult) => result.stdout.split("\n").filter((line) => /^[✓✗] Lesson /.test(line));
const reports = (dir: string) => Object.fromEntries(ids.map((id) => [id, readFileSync(join(dir, `${id}.md`), "utf8")]));

describe("the openai-node Assistants examples, dropped in unedited", () => {
  const course = tempCourse();
  let live: CliResult;
  let recorded: CliResult;
  let recordedReports: Record<string, string>;
  const replays: { result: CliResult; reports: Record<string, string> }[] = [];

  beforeAll(async () => {
    for (const [file, id] of Object.entries(AS_LESSONS)) copyFileSync(join(EXAMPLES, file), join(course.lessons, `${id}.ts`));
    const against = async (mode: string) => {
      const sim: CourseSim = await startCourseSim();
      try {
        return await runCli(["--all", mode, ...course.flags], cleanEnv({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: sim.baseUrl }));
      } finally {
        await sim.close();
      }
    };
    live = await against("--live");
    recorded = await against("--record");
    recordedReports = reports(course.reports);
    for (let i = 0; i < 2; i++) {
      const result = await runCli(["--all", ...course.flags], cleanEnv());
      replays.push({ result, reports: reports(course.reports) });
    }
  }, 240_000);

  it("are the SDK's files, byte for byte", () => {
    const hashes = Object.keys(VERBATIM).map((file) => [
      file,
      createHash("sha256")
        .update(readFileSync(join(EXAMPLES, file)))
        .digest("hex"),
    ]);
    expect(Object.fromEntries(hashes)).toEqual(VERBATIM);
    expect(readFileSync(join(EXAMPLES, "assistants.ts"), "utf8")).toMatch(/^#!\/usr\/bin\/env -S npm run tsn -- -T\n[\s\S]*\nmain\(\);\n$/);
  });

  it("run live against the simulator, doing their work although main() is not awaited", () => {
    expect([live.code, live.stderr]).toEqual([0, ""]);
    expect(summaries(live)).toEqual(ids.map((id) => `✓ Lesson ${id}: 1 cell ran in live mode; report: reports/${id}.live.md`));
    expect(live.stdout).toMatch(
      /\nCreated Assistant with Id: asst_\w+\nCreated thread with Id: thread_\w+\nRun finished with status: completed\n/,
    );
  });

  it("record a fixture with every request each one sent", () => {
    expect([recorded.code, recorded.stderr]).toEqual([0, ""]);
    expect(summaries(recorded)).toEqual(ids.map((id) => `✓ Lesson ${id}: 1 cell ran in record mode; report: reports/${id}.md`));
    const sent = (id: string) =>
      (
        JSON.parse(readFileSync(join(course.fixtures, `${id}.json`), "utf8")) as {
          exchanges: { request: { method: string; path: string } }[];
        }
      ).exchanges
        .map((e) => `${e.request.method} ${e.request.path.replace(/(asst|thread|run)_\w+/g, "$1_…")}`)
        .slice(0, 3);
    expect(sent("01-assistants")).toEqual(["POST /v1/assistants", "POST /v1/threads", "POST /v1/threads/thread_…/runs"]);
    expect(sent("02-assistant-stream")).toEqual(["POST /v1/assistants", "POST /v1/threads", "POST /v1/threads/thread_…/runs"]);
    expect(sent("03-assistant-stream-raw")).toEqual(["POST /v1/assistants", "POST /v1/threads", "POST /v1/threads/thread_…/runs"]);
    expect(readdirSync(course.fixtures).sort()).toEqual(ids.map((id) => `${id}.json`));
  });

  it("replay offline with exit 0, twice, into the very reports the recording wrote", () => {
    for (const { result } of replays) {
      expect([result.code, result.stderr]).toEqual([0, ""]);
      expect(summaries(result)).toEqual(ids.map((id) => `✓ Lesson ${id}: 1 cell ran in replay mode; report: reports/${id}.md`));
    }
    expect(replays[1]!.reports).toEqual(replays[0]!.reports);
    expect(replays[0]!.reports).toEqual(recordedReports);
    expect(replays[0]!.reports["03-assistant-stream-raw"]).toContain("| `thread.message.delta` |");
  });
});

// `npm run bench [-- --size N --polls N --runs N]`: the figures of issues 8 (§5, start-up),
// 15 (replay at scale) and 9 (the docs site's build) in one run, from synthetic lessons and
// fixtures generated in a temp folder (the docs site: the course itself). Start-up is shown
// as a ratio to a floor measured in the same run; speed goals live here, never in timed
// tests. Medians of several runs; each in-process case runs in its own process so its peak
// RSS is its own. In-process replays are work (CPU time of the process,
// all threads), which a busy machine inflates far less than wall time; synchronous steps
// (load, build, miss) are wall time, median of at least 9; whole commands are wall time.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { defaultDirs, listLessons } from "../../src/course/catalog.ts";
import { ROOT } from "../support/paths.ts";
import { benchDocs } from "./docs.ts";
import { syntheticLessons, writeSyntheticCourse } from "./synthetic.ts";
import { formatTable, median, ms, perUnit, ratio } from "./table.ts";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "10000" },
    polls: { type: "string", default: "1000" },
    runs: { type: "string", default: "5" },
  },
});
const size = Number(values.size);
const polls = Number(values.polls);
const runs = Number(values.runs);
const say = (text: string) => process.stdout.write(`${text}\n`);

const PATH = `${join(ROOT, "node_modules/.bin")}:${process.env["PATH"] ?? ""}`;
const env = { ...process.env, PATH, NO_COLOR: "1" };
const lessonScript = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts[
  "lesson"
]!;

/** Wall time of a shell command run the way `npm run` runs a script (node_modules/.bin first on PATH). */
function wallMs(command: string, args: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync("sh", ["-c", `${command} "$@"`, "sh", ...args], { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  const elapsed = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr.toString().slice(0, 2000)}`);
  return elapsed;
}

const medianWall = (count: number, command: string, args: readonly string[]) =>
  median(Array.from({ length: count }, () => wallMs(command, args)));

function worker<T>(args: readonly string[]): T {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "test/bench/worker.ts"), ...args], {
    cwd: ROOT,
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`bench worker ${args.join(" ")} failed: ${result.stderr.slice(0, 4000)}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1)!) as T;
}

interface LessonCase {
  times: number[];
  walls: number[];
  baselineRssMb: number;
  firstPeakMb: number;
  peakMb: number;
}
interface UnitsCase {
  load: number[];
  miss: number[];
  buildSmall: number[];
  buildLarge: number[];
  timerMs: number[];
  peakMb: number;
}

const course = writeSyntheticCourse(syntheticLessons(size, polls));
const reports = mkdtempSync(join(tmpdir(), "lessonbook-bench-reports-"));
try {
  say(
    `lessonbook bench: Node ${process.version}, ${availableParallelism()} cores, size ${size}, ${polls} polls, medians of ${runs} (3 for the slowest)`,
  );
  const floorMs = medianWall(runs, "node", ["--input-type=module", "-e", 'await import("openai"); await import("msw/node");']);
  const lesson3 = medianWall(runs, lessonScript, ["3", "--reports", reports]);
  const all = medianWall(3, lessonScript, ["--all", "--reports", reports]);
  const cli = (id: number) => medianWall(3, lessonScript, [String(id), ...course.flags]);
  const [loopFew, loopMany, sdkFew, sdkMany] = [cli(1), cli(2), cli(3), cli(4)];
  const inProcess = (id: string, count = 3) => worker<LessonCase>(["lesson", course.dirs.root, id, String(count)]);
  const [loopWork, sdkWork] = [inProcess("02-poll-loop-many"), inProcess("04-poll-sdk-many")];
  const creates = inProcess("05-create-messages");
  const lists = inProcess("06-list-messages");
  const streamSmall = inProcess("07-stream-small", runs);
  const streamLarge = inProcess("08-stream-large");
  const units = worker<UnitsCase>(["units", course.dirs.root, String(size), String(Math.max(9, runs))]);
  const site = benchDocs(3, env);

  const n = size.toLocaleString("en-US");
  const pollRow = (few: number, many: number, work: LessonCase) =>
    `${ms(many)} vs ${ms(few)} = ${ratio(many / few)}; in process ${perUnit(median(work.times), polls, "poll")}`;
  const replayRow = (c: LessonCase, unit: string) =>
    `${ms(median(c.times))} (${perUnit(median(c.times), size, unit)}; wall ${ms(median(c.walls))}), peak RSS ${c.firstPeakMb.toFixed(0)} MB`;
  const [small, large] = [median(streamSmall.times), median(streamLarge.times)];
  const [buildSmall, buildLarge] = [median(units.buildSmall), median(units.buildLarge)];
  const peak = Math.max(creates.firstPeakMb, lists.firstPeakMb, streamLarge.firstPeakMb, units.peakMb);
  say("");
  say(
    formatTable(
      ["work", "measured", "goal"],
      [
        ["floor: Node start + import openai and msw/node", ms(floorMs), "(reference)"],
        ["npm run lesson 3 (wall)", `${ms(lesson3)} = ${ratio(lesson3 / floorMs)} floor`, "≤ 1.3× floor"],
        [
          `npm run lesson -- --all (wall, ${listLessons(defaultDirs(ROOT)).length} lessons)`,
          `${ms(all)} = ${ratio(all / floorMs)} floor`,
          "≤ 2 s",
        ],
        [`run polled ${polls} vs 3 times, loop with sleep(500) (wall)`, pollRow(loopFew, loopMany, loopWork), "≤ 1.1×"],
        [`the same with runs.poll({ pollIntervalMs: 500 }) (wall)`, pollRow(sdkFew, sdkMany, sdkWork), "≤ 1.1×"],
        [`${n} messages.create replayed (in process)`, replayRow(creates, "request"), "≤ 1 s, ≤ 200 MB"],
        [`${n} identical list requests (in process)`, replayRow(lists, "request"), "≤ 1 s, ≤ 200 MB"],
        [
          `fixture load, ${n} exchanges`,
          `${ms(median(units.load))} (${perUnit(median(units.load), size, "exchange")}); first in process ${ms(units.load[0]!)}`,
          "≤ 100 ms",
        ],
        [
          `matcher build, ${(size * 3).toLocaleString("en-US")} identical keys`,
          `${ms(buildLarge)}; ×3 keys costs ${ratio(buildLarge / buildSmall)}`,
          "linear (×3)",
        ],
        [`one miss against ${n} exchanges`, ms(median(units.miss)), "≤ 20 ms"],
        ["one fast-forwarded 500 ms timer (1,000 in a row)", perUnit(median(units.timerMs), 1, "timer"), "microseconds"],
        [
          `streamed run, ${n} deltas (in process)`,
          `${ms(large)} (${perUnit(large, size, "event")}); ×10 events costs ${ratio(large / small)}`,
          "linear, ≤ 0.5 s",
        ],
        [`npm run docs (wall, the course: ${site.size})`, `${ms(site.wallMs)} (CPU ${ms(site.cpuMs)}, 2 threads)`, "≤ 3 s"],
        ["largest page of the docs site", site.largest, "(reference)"],
        ["peak RSS of the largest case", `${peak.toFixed(0)} MB (after start-up: ${creates.baselineRssMb.toFixed(0)} MB)`, "≤ 200 MB"],
      ],
    ),
  );
} finally {
  course.remove();
  rmSync(reports, { recursive: true, force: true });
}

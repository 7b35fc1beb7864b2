// One bench measurement in its own process, so its peak RSS is its own. Prints one JSON line.
//   worker.ts lesson <course root> <lesson id> <repeats>   in-process replay of a synthetic lesson
//   worker.ts units <course root> <size> <repeats>         fixture load, matcher build, one miss, clock
import { join } from "node:path";
import { installFastForwardClock } from "../../src/clock/fast-forward.ts";
import { defaultDirs, listLessons } from "../../src/course/catalog.ts";
import type { RecordedRequest } from "../../src/fixtures/format.ts";
import { loadFixture, type FixtureSource } from "../../src/fixtures/load.ts";
import { createMatcher } from "../../src/fixtures/match.ts";
import { replayInProcess } from "../support/replay.ts";
import { syntheticListExchanges } from "./synthetic.ts";

const write = process.stdout.write.bind(process.stdout);
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** CPU time (user + system, all threads) of the process, in ms: the work done, whatever else runs on the machine. */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Wall time of a synchronous step, in ms. Not CPU time: the kernel accounts that in 4 ms
 * ticks here, too coarse for steps of a few ms; the median of several runs absorbs the noise.
 */
function timed(action: () => void): number {
  const started = performance.now();
  action();
  return performance.now() - started;
}

async function lessonCase(root: string, id: string, repeats: number): Promise<object> {
  const dirs = defaultDirs(root);
  const lessons = listLessons(dirs);
  const lesson = lessons.find((l) => l.id === id);
  if (!lesson) throw new Error(`no synthetic lesson ${id}`);
  // Warm up module loading (openai, msw, the loader) with the smallest lesson.
  await replayInProcess(lessons[0]!, { dirs });
  const baselineRssMb = process.memoryUsage().rss / 1024 / 1024;
  const times: number[] = [];
  const walls: number[] = [];
  let firstPeakMb = 0;
  for (let i = 0; i < repeats; i++) {
    const started = cpuMs();
    const { run, elapsedMs } = await replayInProcess(lesson, { dirs });
    if (run.status !== "ok")
      throw new Error(`${id} did not replay: ${JSON.stringify(run.results.flatMap((r) => r.outputs)).slice(0, 2000)}`);
    times.push(cpuMs() - started);
    walls.push(elapsedMs);
    if (i === 0) firstPeakMb = peakRssMb();
  }
  return { times, walls, baselineRssMb, firstPeakMb, peakMb: peakRssMb() };
}

function unitsCase(root: string, size: number, repeats: number): object {
  const id = "05-create-messages";
  const source: FixtureSource = { shownPath: `fixtures/${id}.json`, recordCommand: "npm run bench", lesson: id };
  const path = join(root, "fixtures", `${id}.json`);
  const load: number[] = [];
  for (let i = 0; i < repeats; i++) load.push(timed(() => loadFixture(path, source)));
  const { fixture } = loadFixture(path, source);
  const miss: RecordedRequest = {
    method: "POST",
    path: fixture.exchanges[0]!.request.path,
    body: { role: "user", content: "A question never recorded" },
  };
  const missMs: number[] = [];
  // The first miss of a process also loads the diff library; time the search itself.
  createMatcher(fixture.exchanges.slice(0, 2)).match(miss);
  for (let i = 0; i < repeats; i++) {
    const matcher = createMatcher(fixture.exchanges);
    missMs.push(
      timed(() => {
        if (!("miss" in matcher.match(miss))) throw new Error("expected a miss");
      }),
    );
  }
  const identical = (count: number) => syntheticListExchanges(count);
  const build = (count: number) => {
    const exchanges = identical(count);
    return timed(() => createMatcher(exchanges));
  };
  const buildSmall: number[] = [];
  const buildLarge: number[] = [];
  for (let i = 0; i < repeats; i++) {
    buildSmall.push(build(size));
    buildLarge.push(build(size * 3));
  }
  return { load, miss: missMs, buildSmall, buildLarge, peakMb: peakRssMb() };
}

/** Wall time per timer of `count` sequential 500 ms waits on the fast-forward clock (each one event-loop turn). */
async function clockCase(count: number, repeats: number): Promise<number[]> {
  const perTimer: number[] = [];
  using clock = installFastForwardClock();
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    for (let t = 0; t < count; t++) await new Promise((resolve) => setTimeout(resolve, 500));
    perTimer.push((performance.now() - started) / count);
  }
  if (clock.stats().realSleeps !== 0) throw new Error("the clock slept in real time");
  return perTimer;
}

const [kind, root, arg, repeats] = process.argv.slice(2);
const result =
  kind === "lesson"
    ? await lessonCase(root!, arg!, Number(repeats))
    : { ...unitsCase(root!, Number(arg), Number(repeats)), timerMs: await clockCase(1000, Number(repeats)) };
write(`${JSON.stringify(result)}\n`);
process.exit(0);

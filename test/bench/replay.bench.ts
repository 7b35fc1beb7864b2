// `npm run bench`: how long lessons take to replay, after start-up and including it.
// Speed goals live here, not in timed tests.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { defaultDirs, listLessons } from "../../src/course/catalog.ts";
import { ROOT } from "../support/paths.ts";
import { replayInProcess } from "../support/replay.ts";

const RUNS = 20;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const lessons = listLessons(defaultDirs(ROOT)).filter((l) => existsSync(l.fixturePath));
const realStdout = process.stdout.write.bind(process.stdout);

async function timeLesson(lessonNumber: number): Promise<number> {
  const started = performance.now();
  const { run } = await replayInProcess(lessonNumber, { report: false });
  if (run.status !== "ok") throw new Error(`lesson ${lessonNumber} failed during the benchmark`);
  return performance.now() - started;
}

realStdout(`In-process replay (parse, replay, execute), median of ${RUNS} runs after a warm-up:\n`);
for (const lesson of lessons) {
  await timeLesson(lesson.number);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timeLesson(lesson.number));
  realStdout(`  ${lesson.id.padEnd(24)} ${median(times).toFixed(1).padStart(7)} ms\n`);
}

const cliTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), "3", "--no-report"], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" }, stdio: "ignore" });
  cliTimes.push(performance.now() - started);
}
realStdout(`Whole command (node --import tsx src/cli/main.ts 3), median of 5: ${median(cliTimes).toFixed(0)} ms\n`);
process.exit(0);

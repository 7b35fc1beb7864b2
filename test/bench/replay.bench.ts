// `npm run bench`: how long lessons take to replay, after start-up and including it.
// Speed goals live here, not in timed tests.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { defaultDirs, listLessons, recordCommand } from "../../src/course/catalog.ts";
import { readNotebook } from "../../src/cli/run-lesson.ts";
import { applyEnv } from "../../src/modes/mode.ts";
import { openMode } from "../../src/modes/open.ts";
import { executeNotebook } from "../../src/notebook/execute.ts";
import { renderReport } from "../../src/render/report.ts";
import { ROOT } from "../support/paths.ts";

const RUNS = 20;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function replayOnce(lessonNumber: number): Promise<number> {
  const dirs = defaultDirs(ROOT);
  const lesson = listLessons(dirs).find((l) => l.number === lessonNumber)!;
  const started = performance.now();
  const { notebook, text } = readNotebook(lesson, dirs);
  const session = await openMode("replay", lesson, dirs);
  const restore = applyEnv(session.env);
  const run = await executeNotebook(notebook, text, { file: lesson.file, root: ROOT, hooks: { sleep: (ms) => session.sleep(ms), takeFailure: (cell) => session.takeFailure(cell) } });
  restore();
  await session.close(true);
  renderReport({ run, lessonFile: lesson.id, command: recordCommand(lesson), mode: "replay", fixtureFile: undefined, provenance: session.provenance });
  if (run.status !== "ok") throw new Error(`lesson ${lesson.id} failed during the benchmark`);
  return performance.now() - started;
}

console.log(`In-process replay, median of ${RUNS} runs after a warm-up (parse, replay, execute, render):`);
for (const lesson of listLessons(defaultDirs(ROOT)).filter((l) => existsSync(l.fixturePath))) {
  await replayOnce(lesson.number);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await replayOnce(lesson.number));
  console.log(`  ${lesson.id.padEnd(24)} ${median(times).toFixed(1).padStart(7)} ms`);
}

const cliTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), "3", "--no-report"], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" }, stdio: "ignore" });
  cliTimes.push(performance.now() - started);
}
console.log(`Whole command (node --import tsx src/cli/main.ts 3), median of 5: ${median(cliTimes).toFixed(0)} ms`);
process.exit(0);

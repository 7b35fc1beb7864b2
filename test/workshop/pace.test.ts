// --pace: replay at the recorded timing. Proven by counting the waits a paced replay asks of
// its clock (an injected one that records them and returns at once), never by timing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPacer, type PaceClock, type PaceName } from "../../src/clock/pace.ts";
import { ROOT } from "../support/paths.ts";
import { replayInProcess } from "../support/replay.ts";

/** A clock on virtual time: each wait is recorded and moves the time on by as much, at once. */
function countingClock(): PaceClock & { waits: number[] } {
  let now = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    wait: (ms) => {
      waits.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

type Recorded = { at: number; response: { events?: { at: number }[] } };
const exchangesOf = (id: string): Recorded[] => JSON.parse(readFileSync(join(ROOT, "fixtures", `${id}.json`), "utf8")).exchanges;

/** Positive differences between consecutive values, starting from 0: the waits between them. */
const gaps = (values: readonly number[]): number[] => values.map((value, i) => value - (i ? values[i - 1]! : 0)).filter((gap) => gap > 0);

async function pacedWaits(lesson: number, pace: PaceName): Promise<number[]> {
  const clock = countingClock();
  const { run } = await replayInProcess(lesson, { workshop: { pace, paceClock: clock } });
  expect(run.status).toBe("ok");
  return clock.waits;
}

describe("--pace", () => {
  it("makes lesson 5's polls wait as they did when recorded: each answer after its recorded gap", async () => {
    const ats = exchangesOf("05-wait-on-run").map((e) => e.at);
    expect(ats).toEqual([162, 236, 271, 291, 316, 831]);
    // The last gap is the lesson's sleep(500) between two polls, plus the poll itself.
    expect(await pacedWaits(5, "recorded")).toEqual([162, 74, 35, 20, 25, 515]);
  });

  it("halves every wait at 2x, in whole ms that never drift from half the recorded time", async () => {
    const waits = await pacedWaits(5, "2x");
    expect(waits).toEqual([81, 37, 18, 10, 12, 258]);
    expect(waits.reduce((a, b) => a + b)).toBe(Math.round(831 / 2));
  });

  it("streams lesson 11's answer at its recorded event offsets", async () => {
    const exchanges = exchangesOf("11-streaming");
    const frames = exchanges.at(-1)!.response.events!.map((f) => f.at);
    const waits = await pacedWaits(11, "recorded");
    // Each answer after its recorded gap, then each event after the gap since the one before it.
    expect(waits).toEqual([...gaps(exchanges.map((e) => e.at)), ...gaps(frames)]);
    expect(gaps(frames).length).toBeGreaterThan(1);
  });

  it("never waits at the default pace, instant, which is what CI and --check replay at", async () => {
    const clock = countingClock();
    const { run } = await replayInProcess(11, { workshop: { paceClock: clock } });
    expect(run.status).toBe("ok");
    expect(clock.waits).toEqual([]);
    expect(createPacer("instant", clock)).toBeUndefined();
  });

  it("never rushes after a pause: an answer already overdue is handed over at once, and the gaps after it stay", async () => {
    const clock = countingClock();
    const pacer = createPacer("recorded", clock)!;
    await pacer.answer(100);
    await clock.wait(5_000); // a host paused at --step
    clock.waits.length = 0;
    await pacer.answer(300);
    await pacer.answer(450);
    await pacer.answer(440); // a concurrent request recorded a little earlier
    expect(clock.waits).toEqual([150]);
  });
});

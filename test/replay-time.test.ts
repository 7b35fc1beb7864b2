// Replay never waits on real time: what lessons and the SDK ask to wait is skipped.
import { afterEach, describe, expect, it } from "vitest";
import { replayInProcess } from "./support/replay.ts";

let requested: number[] = [];
const realSetTimeout = globalThis.setTimeout;
afterEach(() => {
  globalThis.setTimeout = realSetTimeout;
  requested = [];
});

/** Records every delay asked for (above the fast-forward clock) while still scheduling it. */
function spyOnRequestedDelays(): void {
  const fastForward = globalThis.setTimeout;
  globalThis.setTimeout = ((handler: () => void, delay?: number, ...args: unknown[]) => {
    requested.push(delay ?? 0);
    return fastForward(handler, delay, ...args);
  }) as typeof setTimeout;
}

const pollWaits = () => requested.filter((ms) => ms >= 100 && ms <= 60_000);
const textOf = (run: Awaited<ReturnType<typeof replayInProcess>>["run"]) =>
  run.results.flatMap((r) => r.outputs).map((o) => (o.type === "stream" ? o.text : "")).join("");

describe("replaying without real time", () => {
  it("runs the chat loop with no terminal to the end at /q, skipping the SDK's 500 ms polls", async () => {
    const { run, elapsedMs } = await replayInProcess(12, undefined, spyOnRequestedDelays);
    expect(run.status).toBe("ok");
    const transcript = textOf(run);
    expect(transcript).toContain("Enter a math question (/q to quit): What is 2 to the power of 10?\nAssistant> 2^10 = 1024.\n");
    expect(transcript).toContain("Enter a math question (/q to quit): /q\n");
    const asked = pollWaits();
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect([...new Set(asked.map((ms) => Math.round(ms / 100) * 100))]).toEqual([500]);
    expect(elapsedMs).toBeLessThan(asked.reduce((a, b) => a + b, 0));
  });

  it("replays the streamed run of lesson 11 with its full event sequence and no timed waits", async () => {
    const { run } = await replayInProcess(11, undefined, spyOnRequestedDelays);
    expect(run.status).toBe("ok");
    const events = run.results.flatMap((r) => r.outputs).find((o) => o.type === "events");
    expect(events?.type === "events" && events.counts.find(([name]) => name === "thread.message.delta")?.[1]).toBeGreaterThan(10);
    expect(pollWaits()).toEqual([]);
    expect(textOf(run)).toContain("output >\n[1]\n");
  });

  it("lets lesson 5's wait_on_run skip its half-second sleeps", async () => {
    const { run, elapsedMs } = await replayInProcess(5, undefined, spyOnRequestedDelays);
    expect(run.status).toBe("ok");
    expect(textOf(run)).toContain("queued\nin_progress\ncompleted\n");
    expect(elapsedMs).toBeLessThan(1000);
  });
});

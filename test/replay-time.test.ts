// Replay never waits on real time: what lessons and the SDK ask to wait is skipped. Proven by
// counting (virtual time advanced, timers fast-forwarded, real sleeps), never by timing.
import { describe, expect, it } from "vitest";
import { replayInProcess, type InProcessReplay } from "./support/replay.ts";

const textOf = (run: InProcessReplay["run"]) =>
  run.results
    .flatMap((r) => r.outputs)
    .map((o) => (o.type === "stream" ? o.text : ""))
    .join("");

describe("replaying without real time", () => {
  it("runs the chat loop with no terminal to the end at /q, fast-forwarding the SDK's two 500 ms polls", async () => {
    const { run, clock } = await replayInProcess(12);
    expect(run.status).toBe("ok");
    const transcript = textOf(run);
    expect(transcript).toContain("Enter a math question (/q to quit): What is 2 to the power of 10?\nAssistant> 2^10 = 1024.\n");
    expect(transcript).toContain("Enter a math question (/q to quit): /q\n");
    expect(clock).toMatchObject({ virtualMs: 1000, timersFastForwarded: 2, realSleeps: 0 });
  });

  it("fast-forwards an explicit pollIntervalMs and the server's poll hint (lesson 10)", async () => {
    const { run, clock } = await replayInProcess(10);
    expect(run.status).toBe("ok");
    // createAndPoll's pollIntervalMs (500 ms), then createAndRunPoll's hint, which replay sets to 0 (a 1 ms timer).
    expect(clock).toMatchObject({ virtualMs: 501, timersFastForwarded: 2, realSleeps: 0 });
  });

  it("replays the streamed run of lesson 11 with its full event sequence and no timed waits", async () => {
    const { run, clock } = await replayInProcess(11);
    expect(run.status).toBe("ok");
    const events = run.results.flatMap((r) => r.outputs).find((o) => o.type === "events");
    expect(events?.type === "events" && events.counts.find(([name]) => name === "thread.message.delta")?.[1]).toBeGreaterThan(10);
    expect(textOf(run)).toContain("output >\n[1]\n");
    // Only the SDK's own zero-delay hop when a stream starts; no poll, no sleep.
    expect(clock).toMatchObject({ virtualMs: 1, timersFastForwarded: 1, realSleeps: 0 });
  });

  it("lets lesson 5's wait_on_run skip its half-second sleeps", async () => {
    const { run, clock, lessonSleeps } = await replayInProcess(5);
    expect(run.status).toBe("ok");
    expect(textOf(run)).toContain("queued\nin_progress\ncompleted\n");
    expect(lessonSleeps).toEqual([500, 500]);
    expect(clock).toMatchObject({ virtualMs: 0, realSleeps: 0 });
  });
});

// The fast-forward clock: virtual time in order, Node's Timeout API, the promise timers, and
// nothing left patched afterwards. Every claim is proven by counting, never by timing.
import * as timers from "node:timers";
import * as timersPromises from "node:timers/promises";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { FAST_FORWARD_LIMIT_MS, installFastForwardClock, type FastForwardClock } from "../src/clock/fast-forward.ts";

const original = {
  setTimeout: globalThis.setTimeout,
  clearTimeout: globalThis.clearTimeout,
  setInterval: globalThis.setInterval,
  clearInterval: globalThis.clearInterval,
};
const promisesOriginal = timersPromises.setTimeout;
let clock: FastForwardClock | undefined;
afterEach(() => clock?.[Symbol.dispose]());

/**
 * Resolves once no virtual timer fired for two turns of the event loop: the clock fires one
 * timer per setImmediate, so a pending one would have fired by then.
 */
function settled(): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => {
      const before = clock!.stats().timersFastForwarded;
      setImmediate(() => setImmediate(() => (clock!.stats().timersFastForwarded === before ? resolve() : poll())));
    };
    poll();
  });
}

describe("the fast-forward clock", () => {
  it("fires timers in order of due virtual time, then creation, and counts the virtual time", async () => {
    clock = installFastForwardClock();
    const fired: string[] = [];
    setTimeout(() => fired.push("c 300"), 300);
    setTimeout(() => fired.push("a 100"), 100);
    setTimeout(() => fired.push("b1 200"), 200);
    setTimeout(() => fired.push("b2 200"), 200);
    setTimeout(() => {
      fired.push("a 100 then 150");
      setTimeout(() => fired.push("d 250"), 150);
    }, 100);
    await settled();
    expect(fired).toEqual(["a 100", "a 100 then 150", "b1 200", "b2 200", "d 250", "c 300"]);
    expect(clock.stats()).toEqual({ virtualMs: 300, timersFastForwarded: 6, realSleeps: 0, longTimers: 0 });
  });

  it("runs microtasks between two timers due at the same time, as Node does", async () => {
    clock = installFastForwardClock();
    const seen: string[] = [];
    setTimeout(() => void Promise.resolve().then(() => seen.push("microtask of first")), 10);
    setTimeout(() => seen.push("second"), 10);
    await settled();
    expect(seen).toEqual(["microtask of first", "second"]);
  });

  it("clears timers by handle and by their numeric id, and passes arguments and `this`", async () => {
    clock = installFastForwardClock();
    const fired: unknown[] = [];
    const byHandle = setTimeout(() => fired.push("by handle"), 5);
    const byId = setTimeout(() => fired.push("by id"), 5);
    const kept = setTimeout(
      function (this: unknown, a: number, b: string) {
        fired.push([a, b, this === kept]);
      },
      5,
      1,
      "two",
    );
    clearTimeout(byHandle);
    clearTimeout(Number(byId));
    await settled();
    expect(fired).toEqual([[1, "two", true]]);
    expect(clock.stats().timersFastForwarded).toBe(1);
  });

  it("repeats setInterval on virtual time until clearInterval, even from its own callback", async () => {
    clock = installFastForwardClock();
    let ticks = 0;
    const interval = setInterval(() => {
      if (++ticks === 4) clearInterval(interval);
    }, 250);
    await settled();
    expect(ticks).toBe(4);
    expect(clock.stats()).toMatchObject({ virtualMs: 1000, timersFastForwarded: 4 });
  });

  it("keeps Node's Timeout API: hasRef, unref, ref, refresh and Symbol.toPrimitive", async () => {
    clock = installFastForwardClock();
    let count = 0;
    const timer = setTimeout(() => count++, 40);
    expect(timer.hasRef()).toBe(true);
    expect(typeof timer[Symbol.toPrimitive]()).toBe("number");
    expect(timer.ref()).toBe(timer);
    await settled();
    expect(count).toBe(1);
    // A fired timeout is re-armed by refresh(), as in Node.
    timer.refresh();
    await settled();
    expect(count).toBe(2);
    expect(clock.stats()).toMatchObject({ virtualMs: 80, timersFastForwarded: 2 });
  });

  it("moves an unref'd timer to real time, where it neither counts as a sleep nor spins", async () => {
    clock = installFastForwardClock();
    const timer = setTimeout(() => resolveFired("fired"), 1);
    let resolveFired: (value: string) => void = () => {};
    const fired = new Promise<string>((resolve) => (resolveFired = resolve));
    expect(timer.unref().hasRef()).toBe(false);
    await expect(fired).resolves.toBe("fired");
    expect(clock.stats()).toMatchObject({ timersFastForwarded: 0, realSleeps: 0 });
  });

  it(`leaves timers longer than ${FAST_FORWARD_LIMIT_MS / 1000} s on real time (the SDK's request timeout)`, () => {
    clock = installFastForwardClock();
    const timeout = setTimeout(() => {}, 600_000);
    expect(timeout.constructor.name).toBe("Timeout");
    clearTimeout(timeout);
    expect(clock.stats()).toMatchObject({ longTimers: 1, timersFastForwarded: 0 });
  });

  it("fast-forwards node:timers, node:timers/promises (with AbortSignal) and util.promisify(setTimeout)", async () => {
    clock = installFastForwardClock();
    expect(await timersPromises.setTimeout(1000, "value")).toBe("value");
    expect(await promisify(setTimeout)(2000, "promisified")).toBe("promisified");
    const fromModule = new Promise((resolve) => timers.setTimeout(resolve, 3000, "module"));
    expect(await fromModule).toBe("module");
    const controller = new AbortController();
    const aborted = timersPromises.setTimeout(10_000, "never", { signal: controller.signal });
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: "AbortError", code: "ABORT_ERR" });
    const ticks: number[] = [];
    for await (const value of timersPromises.setInterval(500, 7)) if (ticks.push(value) === 3) break;
    expect(ticks).toEqual([7, 7, 7]);
    expect(clock.stats()).toEqual({ virtualMs: 7500, timersFastForwarded: 6, realSleeps: 0, longTimers: 0 });
  });

  it("restores every timer function when disposed, and hands waiting timers to real time", async () => {
    clock = installFastForwardClock();
    expect(globalThis.setTimeout).not.toBe(original.setTimeout);
    expect(timersPromises.setTimeout).not.toBe(promisesOriginal);
    const pending = new Promise((resolve) => setTimeout(resolve, 5, "after dispose"));
    let clearedFired = false;
    const cleared = setTimeout(() => (clearedFired = true), 1);
    clock[Symbol.dispose]();
    // Node's own clearTimeout, restored, still clears a timer the clock made.
    clearTimeout(cleared);
    const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = globalThis;
    expect({ setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci }).toEqual(original);
    expect(timers.setTimeout).toBe(original.setTimeout);
    expect(timersPromises.setTimeout).toBe(promisesOriginal);
    expect(await pending).toBe("after dispose");
    expect(clearedFired).toBe(false);
    expect(clock.stats()).toEqual({ virtualMs: 0, timersFastForwarded: 0, realSleeps: 0, longTimers: 0 });
  });
});

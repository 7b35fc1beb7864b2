// Proves "replay takes no real time" by counting, not timing: records every delay that
// reaches a real timer while a replay's fast-forward clock is installed on top.
import { fastForwardTimers } from "../../src/modes/clock.ts";

/** Timers longer than this keep their real delay on purpose (the SDK's request timeout). */
const FAST_FORWARD_LIMIT_MS = 60_000;

export interface RealWaits extends Disposable {
  /** Delays (ms) of the timers that really waited, in the order they were armed. */
  readonly delays: number[];
}

export function countRealWaits(): RealWaits {
  const original = globalThis.setTimeout;
  const delays: number[] = [];
  const spy = ((handler: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
    if (delay && delay > 0 && delay <= FAST_FORWARD_LIMIT_MS) delays.push(delay);
    return original(handler, delay, ...args);
  }) as typeof setTimeout;
  globalThis.setTimeout = spy;
  const restoreClock = fastForwardTimers();
  return {
    delays,
    [Symbol.dispose]() {
      restoreClock();
      globalThis.setTimeout = original;
    },
  };
}

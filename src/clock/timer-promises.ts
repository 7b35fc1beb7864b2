// `node:timers/promises` setTimeout and setInterval on the virtual timeline, with their
// AbortSignal and `ref` options. Long delays go to the real functions.
import type * as TimersPromises from "node:timers/promises";
import type { Timeline, VirtualTimeout } from "./virtual-timers.ts";

export type PromiseTimers = Pick<typeof TimersPromises, "setTimeout" | "setInterval">;

interface TimerOptions {
  readonly signal?: AbortSignal | undefined;
  readonly ref?: boolean | undefined;
}

/** Node's AbortError from timers/promises (the class itself is internal). */
function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error("The operation was aborted", { cause: signal.reason }), { name: "AbortError", code: "ABORT_ERR" });
}

/**
 * `fastForward(delay)` is the delay in ms to put on the timeline, or undefined when the
 * real function must run (a delay longer than the fast-forward limit).
 */
export function promiseTimers(timeline: Timeline, real: PromiseTimers, fastForward: (delay: unknown) => number | undefined): PromiseTimers {
  function setTimeout<T = void>(delay?: number, value?: T, options: TimerOptions = {}): Promise<T> {
    const ms = fastForward(delay);
    if (ms === undefined) return real.setTimeout(delay, value as T, options);
    const { signal, ref = true } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        timer.close();
        reject(abortError(signal!));
      };
      const fire = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve(value as T);
      };
      const timer = timeline.create({ callback: fire, args: [], delay: ms, repeat: false });
      if (!ref) timer.unref();
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  async function* setInterval<T = void>(delay?: number, value?: T, options: TimerOptions = {}): AsyncGenerator<T> {
    const ms = fastForward(delay);
    if (ms === undefined) return yield* real.setInterval(delay, value as T, options);
    const { signal, ref = true } = options;
    if (signal?.aborted) throw abortError(signal);
    // Ticks are counted, as in Node: a consumer that falls behind gets them one after another.
    let ticks = 0;
    let wake: (() => void) | undefined;
    const onAbort = () => wake?.();
    const tick = () => {
      ticks++;
      wake?.();
    };
    const timer: VirtualTimeout = timeline.create({ callback: tick, args: [], delay: ms, repeat: true });
    if (!ref) timer.unref();
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      for (;;) {
        if (ticks === 0 && !signal?.aborted) await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        if (signal?.aborted) throw abortError(signal);
        ticks--;
        yield value as T;
      }
    } finally {
      timer.close();
      signal?.removeEventListener("abort", onAbort);
    }
  }

  return { setTimeout, setInterval } as PromiseTimers;
}

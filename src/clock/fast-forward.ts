// Replay runs on a fast-forward clock. The SDK waits with plain timers (poll intervals,
// including an explicit `pollIntervalMs`, and retry back-off), and a recorded lesson
// already waited once, so while a replay runs every timer of up to a minute runs on virtual
// time: it fires as soon as the event loop gets to it, in order of due time, and costs
// microseconds. Longer timers (the SDK's 10-minute request timeout) keep their real delay.
// The global timers, `node:timers` and `node:timers/promises` are all patched, and
// `util.promisify(setTimeout)` keeps working.
import { createRequire, syncBuiltinESMExports } from "node:module";
import { promisify } from "node:util";
import { promiseTimers, type PromiseTimers } from "./timer-promises.ts";
import { Timeline, VirtualTimeout } from "./virtual-timers.ts";

/** Timers longer than this keep their real delay. */
export const FAST_FORWARD_LIMIT_MS = 60_000;
const TIMEOUT_MAX = 2 ** 31 - 1;

export interface ClockStats {
  /** Virtual milliseconds the clock advanced. */
  readonly virtualMs: number;
  /** Timer callbacks (interval ticks included) fired on virtual time instead of waiting. */
  readonly timersFastForwarded: number;
  /** Timers that kept the process waiting in real time and fired while the clock was installed: 0 in a replay. */
  readonly realSleeps: number;
  /** Timers longer than the limit, left on real time (most are cleared before they fire). */
  readonly longTimers: number;
}

export interface FastForwardClock {
  stats(): ClockStats;
  /** Virtual timers, created while `track` said yes, that are still due (ref'd ones only). */
  pendingTimers(): number;
  /** Restores the real timers (stats stop counting); timers still waiting on virtual time continue on real time. */
  [Symbol.dispose](): void;
}

type TimerFunctions = Pick<typeof globalThis, "setTimeout" | "clearTimeout" | "setInterval" | "clearInterval">;
const TIMER_NAMES = ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] as const;

const load = createRequire(import.meta.url);
const timersModule = load("node:timers") as TimerFunctions;
const promisesModule = load("node:timers/promises") as PromiseTimers;

/** Node's coercion of a delay (anything outside 1 .. 2^31-1 becomes 1), or undefined when it stays real. */
function virtualDelay(delay: unknown): number | undefined {
  const ms = Number(delay);
  const coerced = ms >= 1 && ms <= TIMEOUT_MAX ? ms : 1;
  return coerced > FAST_FORWARD_LIMIT_MS ? undefined : coerced;
}

/** `track` is asked as each virtual timer is created (the session asks: is this the lesson's code?). */
export function installFastForwardClock(track?: () => boolean): FastForwardClock {
  const real = { ...pick(globalThis), setImmediate: globalThis.setImmediate };
  const realPromises = { setTimeout: promisesModule.setTimeout, setInterval: promisesModule.setInterval };
  const realModule = { timers: pick(timersModule), promises: realPromises };
  const timeline = new Timeline(real, track);
  let longTimers = 0;
  let final: ClockStats | undefined;
  const stats = (): ClockStats => {
    const { virtualMs, fastForwarded, realFired } = timeline.counters;
    return final ?? { virtualMs, timersFastForwarded: fastForwarded, realSleeps: realFired, longTimers };
  };
  const promises = promiseTimers(timeline, realModule.promises, virtualDelay);
  apply(
    fastTimers(timeline, real, promises, () => longTimers++),
    promises,
  );
  const clock: FastForwardClock = {
    stats,
    pendingTimers: () => (final ? 0 : timeline.pendingTracked()),
    [Symbol.dispose]() {
      if (final) return;
      final = stats();
      apply(realModule.timers, realModule.promises, real);
      timeline.handOff();
    },
  };
  return clock;
}

/** setTimeout, setInterval and their clears on the timeline; long timers go to `real`, counted. */
function fastTimers(timeline: Timeline, real: TimerFunctions, promises: PromiseTimers, onLongTimer: () => void): TimerFunctions {
  type Callback = (...args: unknown[]) => void;
  const counted = (callback: Callback) =>
    function (this: NodeJS.Timeout, ...args: unknown[]) {
      // Only a ref'd timer kept the process waiting.
      if (this.hasRef()) timeline.counters.realFired++;
      return callback.apply(this, args);
    };
  const schedule =
    (repeat: boolean) =>
    (callback: unknown, delay?: unknown, ...args: unknown[]) => {
      const ms = virtualDelay(delay);
      const realSchedule = repeat ? real.setInterval : real.setTimeout;
      // Not a function: the real one throws Node's own error.
      if (typeof callback !== "function") return realSchedule(callback as Callback, delay as number);
      if (ms !== undefined) return timeline.create({ callback: callback as Callback, args, delay: ms, repeat });
      onLongTimer();
      return realSchedule(counted(callback as Callback), delay as number, ...args);
    };
  const clear = (handle: unknown) => {
    const byId = typeof handle === "number" || typeof handle === "string" ? timeline.byId(Number(handle)) : undefined;
    const virtual = handle instanceof VirtualTimeout ? handle : byId;
    if (virtual) virtual.close();
    else real.clearTimeout(handle as NodeJS.Timeout);
  };
  const fastTimeout = Object.defineProperty(schedule(false), promisify.custom, { value: promises.setTimeout });
  return { setTimeout: fastTimeout, clearTimeout: clear, setInterval: schedule(true), clearInterval: clear } as unknown as TimerFunctions;
}

function pick(source: TimerFunctions): TimerFunctions {
  return Object.fromEntries(TIMER_NAMES.map((name) => [name, source[name]])) as unknown as TimerFunctions;
}

/** Puts timer functions on the global object and both timers modules (ESM imports included). */
function apply(timers: TimerFunctions, promises: PromiseTimers, globals: TimerFunctions = timers): void {
  for (const name of TIMER_NAMES) {
    (globalThis as Record<string, unknown>)[name] = globals[name];
    (timersModule as Record<string, unknown>)[name] = timers[name];
  }
  promisesModule.setTimeout = promises.setTimeout;
  promisesModule.setInterval = promises.setInterval;
  syncBuiltinESMExports();
}

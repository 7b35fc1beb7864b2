// Replay runs on a fast-forward clock. The SDK waits with plain timers (poll intervals,
// including an explicit `pollIntervalMs`, and retry back-off), and a recorded lesson
// already waited once, so while a replay runs every timer of up to a minute fires on
// the next turn of the event loop. Longer timers (the SDK's 10-minute request timeout)
// keep their real delay.
import { promisify } from "node:util";

const FAST_FORWARD_LIMIT_MS = 60_000;

export function fastForwardTimers(): () => void {
  const original = globalThis.setTimeout;
  const fast = ((handler: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) =>
    original(handler, delay !== undefined && delay > FAST_FORWARD_LIMIT_MS ? delay : 0, ...args)) as typeof setTimeout;
  // Keep `util.promisify(setTimeout)` working for code that uses it.
  Object.defineProperty(fast, promisify.custom, { value: (delay?: number, value?: unknown) => new Promise((resolve) => fast(() => resolve(value), delay)) });
  globalThis.setTimeout = fast;
  return () => {
    globalThis.setTimeout = original;
  };
}

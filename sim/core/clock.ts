// Simulated time. Object timestamps are unix seconds that follow the caller's own clock: a
// session starts at `startTime` when its first request arrives and moves on by the whole
// seconds that have passed since. So requests sent together share a second, and a run that
// two polls 500 ms apart finished shows 0 or 1 s between created_at and completed_at, the
// way the fixtures' `at` (ms since the lesson started) tells it. Nothing here reads a real
// clock: the server adapter stamps each request with its arrival time.

export interface SessionClock {
  /** Moves simulated time to a request's arrival (ms on any monotonic clock). */
  arrive(at: number): void;
  /** The simulated time, in unix seconds. */
  now(): number;
  /** Milliseconds since the session's first request (what `now` counts in whole seconds). */
  elapsedMs(): number;
  /** The unix second of a moment given as `elapsedMs`. */
  secondsAt(elapsedMs: number): number;
}

export function createSessionClock(startTime: number): SessionClock {
  let firstArrival: number | undefined;
  let elapsedMs = 0;
  return {
    arrive(at) {
      firstArrival ??= at;
      // Never backwards: concurrent requests may be stamped slightly out of order.
      elapsedMs = Math.max(elapsedMs, at - firstArrival);
    },
    now: () => startTime + Math.floor(elapsedMs / 1000),
    elapsedMs: () => elapsedMs,
    secondsAt: (ms) => startTime + Math.floor(ms / 1000),
  };
}

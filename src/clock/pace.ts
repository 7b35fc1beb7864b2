// Replay at the recorded timing (`--pace recorded|2x`), for a room watching a lesson: each
// answer arrives when it arrived in the recording and a stream's events arrive at their
// recorded offsets, so a streamed answer appears word by word and polls wait as they did.
// `instant` (the default, and the only pace CI uses) creates no pacer at all: replay then
// never waits. The pacer keeps the lesson's own timers on the fast-forward clock and waits
// only before handing over a recorded answer, on real time.
//
// Timing follows the gaps between recorded answers, not their absolute offsets, so a pause
// (a host at `--step`, a learner typing) is never made up for by rushing what follows.

export const PACES = ["recorded", "2x", "instant"] as const;
export type PaceName = (typeof PACES)[number];

const SPEED: Record<PaceName, number> = { recorded: 1, "2x": 2, instant: Number.POSITIVE_INFINITY };

/** Where a pacer reads the time and waits; tests pass one that records each wait. */
export interface PaceClock {
  now(): number;
  wait(ms: number): Promise<void>;
}

// Captured when this module loads, before any fast-forward clock replaces the global timers.
const realSetTimeout = globalThis.setTimeout;

export const realPaceClock: PaceClock = {
  now: () => performance.now(),
  wait: (ms) => new Promise((resolve) => realSetTimeout(resolve, ms)),
};

export interface Pacer {
  /** Waits until the answer recorded `at` ms into the lesson is due. */
  answer(at: number): Promise<void>;
  /** For one streamed answer: waits until its event recorded `at` ms after the answer started is due. */
  stream(): (at: number) => Promise<void>;
}

/** The pacer for `pace`, or undefined for `instant`. */
export function createPacer(pace: PaceName, clock: PaceClock = realPaceClock): Pacer | undefined {
  if (pace === "instant") return undefined;
  const speed = SPEED[pace];
  const until = async (due: number): Promise<void> => {
    const ms = Math.round(due - clock.now());
    if (ms > 0) await clock.wait(ms);
  };
  // The last answer handed over: its recorded offset and when (real time) it was due.
  let anchor = { at: 0, real: clock.now() };
  return {
    answer(at) {
      // Answers to concurrent requests may come out of recorded order: an earlier one is due now.
      if (at < anchor.at) return Promise.resolve();
      const due = anchor.real + (at - anchor.at) / speed;
      anchor = { at, real: Math.max(due, clock.now()) };
      return until(due);
    },
    stream() {
      const started = clock.now();
      return (at) => until(started + at / speed);
    },
  };
}

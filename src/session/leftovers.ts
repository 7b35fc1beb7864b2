// Work a lesson left running when its last statement returned: the examples' `main();`
// (not awaited), `main().catch(console.error)`, a stream whose handlers were attached and
// left. Node itself would keep such a script alive until its timers, I/O requests and
// sockets were done, so the run waits for the same before it ends the lesson's last cell,
// and everything that work sends or prints still belongs to that cell.
//
// What counts is what would keep Node's event loop busy on the lesson's behalf: ref'd
// timers and immediates the lesson's code created (async_hooks tells us, by the async
// context it ran in), I/O requests it started (file reads, DNS lookups, connects, writes),
// and its requests still in flight (the traffic door; a streamed body until its end).
// Promises alone are not tracked (`trackPromises: false`, so replay pays nothing per
// promise): a promise nothing will ever settle is not work, and Node would not wait for it.
import { createHook } from "node:async_hooks";
import { lessonContext } from "./context.ts";

// Captured before any fast-forward clock: the wait is real time.
const realSetTimeout = globalThis.setTimeout;
const realSetImmediate = globalThis.setImmediate;

/** Handles that count while they are ref'd (they say so with hasRef). */
const REFED = new Set(["Timeout", "Immediate"]);
/**
 * One-off requests that count until they complete. (process.nextTick and queueMicrotask
 * callbacks need no tracking: they all run before the next turn of the event loop.)
 */
const REQUESTS = new Set([
  "FSREQCALLBACK",
  "FSREQPROMISE",
  "FILEHANDLECLOSEREQ",
  "GETADDRINFOREQWRAP",
  "GETNAMEINFOREQWRAP",
  "QUERYWRAP",
  "TCPCONNECTWRAP",
  "PIPECONNECTWRAP",
  "WRITEWRAP",
  "SHUTDOWNWRAP",
  "SENDWRAP",
]);

type Tracked = { readonly type: string; readonly resource: { hasRef?: () => boolean } };

export interface LessonWork extends Disposable {
  /** What is still running, e.g. `["a timer", "POST /v1/threads"]`; empty when nothing is. */
  pending(): string[];
}

/** Tracks the async work created in the lesson run `owner`; `inFlight` lists its open requests. */
export function trackLessonWork(owner: symbol, inFlight: () => string[], virtualTimers: () => number): LessonWork {
  const tracked = new Map<number, Tracked>();
  const hook = createHook({
    trackPromises: false,
    init(asyncId, type, _trigger, resource) {
      if ((REFED.has(type) || REQUESTS.has(type)) && lessonContext.getStore() === owner) tracked.set(asyncId, { type, resource });
    },
    destroy: (asyncId) => void tracked.delete(asyncId),
  });
  hook.enable();
  const pending = (): string[] => {
    const left: string[] = [];
    for (const [id, { type, resource }] of tracked) {
      // A timer that fired or was cleared, or that the lesson unref'd, keeps nobody waiting.
      if (REFED.has(type) && !resource.hasRef?.()) tracked.delete(id);
      else left.push(type === "Timeout" || type === "Immediate" ? "a timer" : "an I/O request");
    }
    const timers = virtualTimers();
    return [...inFlight(), ...left, ...Array<string>(timers).fill("a timer")];
  };
  return { pending, [Symbol.dispose]: () => void hook.disable() };
}

/** "2 timers, POST /v1/threads": what `pending()` listed, counted. */
export function describeWork(pending: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const what of pending) counts.set(what, (counts.get(what) ?? 0) + 1);
  return [...counts].map(([what, n]) => (n === 1 ? what : what.startsWith("a ") ? `${n} ${what.slice(2)}s` : `${what} (${n}×)`)).join(", ");
}

export class LeftoverWorkError extends Error {
  constructor(seconds: number, pending: readonly string[]) {
    super(
      `the lesson was still busy ${seconds} s after its last statement (${describeWork(pending)}); await what it starts, e.g. "await main();" instead of "main();", and clear timers it no longer needs`,
    );
    this.name = "LeftoverWorkError";
  }
}

const turn = () => new Promise<void>((resolve) => realSetImmediate(resolve));
const pause = (ms: number) => new Promise<void>((resolve) => realSetTimeout(resolve, ms));

/**
 * Resolves once the lesson's work has been done for two turns of the event loop in a row
 * (microtasks run between turns, so a chain of awaits that starts new work is seen);
 * throws a LeftoverWorkError if work is still pending after `limitMs`.
 */
export async function waitForLeftovers(work: LessonWork, limitMs: number): Promise<void> {
  const started = performance.now();
  for (let quiet = 0; quiet < 2; ) {
    await turn();
    const pending = work.pending();
    if (pending.length === 0) {
      quiet++;
      continue;
    }
    quiet = 0;
    const waited = performance.now() - started;
    if (waited >= limitMs) throw new LeftoverWorkError(Math.round(waited / 100) / 10, pending);
    await pause(1);
  }
}

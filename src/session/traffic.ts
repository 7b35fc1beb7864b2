// The lesson's door to the network. Wraps `fetch` (after the mode's interception is in
// place) so that every request gets a ticket in issue order, requests from another lesson
// run are refused, slow live requests say what they wait for, a live request that gets no
// answer within the timeout is aborted, and the run can wait for what is still in flight.
import { issueTicket, releaseTicket, TICKET_HEADER, type Turnstile } from "../fixtures/ticket.ts";
import { isHttpUrl } from "../fixtures/form.ts";
import { belongsElsewhere } from "./context.ts";

// Captured before any fast-forward clock: waiting on a live server takes real time.
const realSetTimeout = globalThis.setTimeout;
const realSetInterval = globalThis.setInterval;

export interface TrafficOptions {
  readonly owner: symbol;
  /** ms since the lesson started. */
  readonly clock: () => number;
  /** Id of the running cell. */
  readonly cell: () => string | undefined;
  /** Live only: abort a request that has no answer after this many ms. */
  readonly timeoutMs?: number;
  /** Where progress notices go (the terminal). */
  readonly say: (text: string) => void;
  /** Shared with replay, which answers in ticket order. */
  readonly turnstile: Turnstile;
}

export interface TimedOut {
  readonly request: string;
  readonly ms: number;
}

export interface Traffic extends Disposable {
  /** The request that the timeout aborted, if one was. */
  timedOut(): TimedOut | undefined;
  /** Waits until every request sent so far has settled, at most `ms`; returns how many are still open. */
  settle(ms: number): Promise<number>;
}

type Fetch = typeof globalThis.fetch;
type InFlight = { readonly label: string; readonly started: number; readonly settled: Promise<unknown> };

function labelOf(input: Parameters<Fetch>[0], init: RequestInit | undefined): string {
  const url = input instanceof Request ? input.url : String(input);
  const method = init?.method ?? (input instanceof Request ? input.method : "GET");
  return `${method.toUpperCase()} ${new URL(url).pathname}`;
}

/** An answer the SDK will not retry (x-should-retry), for a request that was never sent. */
function refused(message: string): Response {
  const error = { message, type: "refused", param: null, code: null };
  return Response.json({ error }, { status: 499, headers: { "x-should-retry": "false" } });
}

function gaveUp(ms: number): Response {
  const error = {
    message: `lessonbook gave up waiting for an answer after ${ms / 1000} s (--timeout)`,
    type: "timeout",
    param: null,
    code: null,
  };
  return Response.json({ error }, { status: 504, headers: { "x-should-retry": "false" } });
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** Progress for live requests: the first notice after 2 s (sooner for short timeouts), then every 5 s. */
function progressTicker(inFlight: Map<number, InFlight>, options: TrafficOptions): () => void {
  const firstAfter = Math.min(2_000, (options.timeoutMs ?? Infinity) / 2);
  const told = new Map<number, number>();
  const timer = realSetInterval(
    () => {
      const now = performance.now();
      for (const [seq, request] of inFlight) {
        const waited = now - request.started;
        if (waited < firstAfter || now - (told.get(seq) ?? -Infinity) < 5_000) continue;
        told.set(seq, now);
        const limit = options.timeoutMs ? `; gives up after ${seconds(options.timeoutMs)}` : "";
        options.say(`… still waiting for ${request.label}: ${seconds(waited)}${limit} (Ctrl-C stops)\n`);
      }
    },
    Math.max(50, Math.min(500, firstAfter / 2)),
  );
  timer.unref();
  return () => clearInterval(timer);
}

export function installTraffic(options: TrafficOptions): Traffic {
  const original = globalThis.fetch;
  const { turnstile } = options;
  const inFlight = new Map<number, InFlight>();
  let next = 0;
  let closed = false;
  let timedOut: TimedOut | undefined;

  // A timed-out request is answered here with a 504 the SDK will not retry (x-should-retry),
  // so the lesson fails once, at once, instead of waiting out the SDK's retries.
  const send = (input: Parameters<Fetch>[0], init: RequestInit | undefined, label: string): Promise<Response> => {
    const ms = options.timeoutMs;
    if (ms === undefined) return original(input, init);
    const limit = new AbortController();
    const timer = realSetTimeout(() => limit.abort(), ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, limit.signal]) : limit.signal;
    return original(input, { ...init, signal }).then(
      (response) => {
        clearTimeout(timer);
        return response;
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (!limit.signal.aborted) throw error;
        timedOut ??= { request: label, ms };
        return gaveUp(ms);
      },
    );
  };

  const wrapped: Fetch = (input, init) => {
    if (closed || belongsElsewhere(options.owner)) {
      const why = closed ? "its lesson run had already ended" : "it came from another lesson's run";
      return Promise.resolve(refused(`lessonbook refused a request: ${why}; it was not sent`));
    }
    // Not API traffic (the SDK's `data:,` probe): no ticket, no place in the recording.
    if (!isHttpUrl(input instanceof Request ? input.url : String(input))) return original(input, init);
    const ticket = { seq: next++, at: options.clock(), cell: options.cell() };
    const label = labelOf(input, init);
    turnstile.issue(ticket.seq);
    const name = issueTicket(ticket);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set(TICKET_HEADER, name);
    const sent = send(input, { ...init, headers }, label);
    const settled = sent.then(
      () => undefined,
      () => undefined,
    );
    inFlight.set(ticket.seq, { label, started: performance.now(), settled });
    void settled.then(() => {
      releaseTicket(name);
      inFlight.delete(ticket.seq);
      turnstile.done(ticket.seq);
    });
    return sent;
  };

  globalThis.fetch = wrapped;
  const stopTicker = options.timeoutMs === undefined ? () => {} : progressTicker(inFlight, options);
  return {
    timedOut: () => timedOut,
    async settle(ms) {
      if (inFlight.size === 0) return 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const limit = new Promise<void>((resolve) => (timer = realSetTimeout(resolve, ms)));
      await Promise.race([Promise.all([...inFlight.values()].map((r) => r.settled)), limit]);
      clearTimeout(timer);
      return inFlight.size;
    },
    [Symbol.dispose]() {
      closed = true;
      stopTicker();
      if (globalThis.fetch === wrapped) globalThis.fetch = original;
    },
  };
}

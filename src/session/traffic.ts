// The lesson's door to the network. Wraps `fetch` (after the mode's interception is in
// place) so that every request gets a ticket in issue order, requests from another lesson
// run are refused, slow live requests say what they wait for, a live request that gets no
// answer within the timeout is aborted, and the run can see what is still in flight (a
// streamed response until its last event; see leftovers.ts).
import { issueTicket, releaseTicket, TICKET_HEADER, type Turnstile } from "../fixtures/ticket.ts";
import { isHttpUrl } from "../fixtures/form.ts";
import { RequestTimeoutError } from "../modes/guidance.ts";
import { en, type Messages } from "../render/messages.ts";
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
  /** Words the progress notice (English by default). */
  readonly stillWaiting?: Messages["stillWaiting"];
}

export interface TimedOut {
  readonly request: string;
  readonly ms: number;
}

export interface Traffic extends Disposable {
  /** The request that the timeout aborted, if one was. */
  timedOut(): TimedOut | undefined;
  /** `METHOD /path` of each request still open. */
  open(): string[];
}

type Fetch = typeof globalThis.fetch;
type InFlight = { readonly label: string; readonly started: number };

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

/**
 * A streamed (server-sent events) response is in flight until its body ends: the lesson's
 * handlers still run as events arrive. Other bodies arrive whole (live mode's capture reads
 * them before answering; replay has them in memory), so their request is done at the answer.
 */
function untilStreamEnds(response: Response, done: () => void): Response {
  if (!response.body || !/^text\/event-stream/i.test(response.headers.get("content-type") ?? "")) {
    done();
    return response;
  }
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = await reader.read();
        if (!chunk.done) return controller.enqueue(chunk.value);
        done();
        controller.close();
      } catch (error) {
        done();
        controller.error(error);
      }
    },
    cancel(reason) {
      done();
      return reader.cancel(reason);
    },
  });
  const streamed = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  Object.defineProperty(streamed, "url", { value: response.url });
  return streamed;
}

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
        const limit = options.timeoutMs ? seconds(options.timeoutMs) : undefined;
        options.say(`${(options.stillWaiting ?? en.stillWaiting)(request.label, seconds(waited), limit)}\n`);
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
    const timer = realSetTimeout(() => limit.abort(new RequestTimeoutError(label, ms)), ms);
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
    let finished: () => void = () => {};
    const settled = new Promise<void>((resolve) => (finished = resolve));
    const answered = send(input, { ...init, headers }, label);
    // The next request's turn comes with this one's answer; the run waits for its whole body.
    void answered.then(
      () => turnstile.done(ticket.seq),
      () => turnstile.done(ticket.seq),
    );
    const sent = answered.then(
      (response) => untilStreamEnds(response, finished),
      (error: unknown) => {
        finished();
        throw error;
      },
    );
    inFlight.set(ticket.seq, { label, started: performance.now() });
    void settled.then(() => {
      releaseTicket(name);
      inFlight.delete(ticket.seq);
    });
    return sent;
  };

  globalThis.fetch = wrapped;
  const stopTicker = options.timeoutMs === undefined ? () => {} : progressTicker(inFlight, options);
  return {
    timedOut: () => timedOut,
    open: () => [...inFlight.values()].map((r) => r.label),
    [Symbol.dispose]() {
      closed = true;
      stopTicker();
      if (globalThis.fetch === wrapped) globalThis.fetch = original;
    },
  };
}

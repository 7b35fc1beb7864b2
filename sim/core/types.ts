// Shapes every simulated API family shares: the environment-free request/response pair, the
// error scenarios that live-mode tests switch on and off, and the simulator built from them.

/** One part of a multipart/form-data body: a text field, or a file when it has a file name. */
export type FormPart = {
  readonly name: string;
  readonly filename?: string;
  readonly contentType?: string;
  readonly data: Uint8Array;
};

/** One HTTP request as a simulator sees it (the server adapter fills this in). */
export type SimRequest = {
  method: string;
  /** Full URL path including /v1, e.g. /v1/threads/thread_x/messages. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined when the request had none (or sent a form). */
  body: unknown;
  /** The parts of a multipart/form-data body, in the order they were sent. */
  form?: readonly FormPart[];
  /**
   * When the request arrived, in milliseconds on the adapter's monotonic clock (any origin).
   * Simulated time follows it (see clock.ts); without it, simulated time stands still.
   */
  at?: number;
};

/** One server-sent event; the last one of a stream is { event: "done", data: "[DONE]" }. */
export type SseEvent = { event: string; data: unknown };

/** A JSON body (`json`), a text/event-stream body (`events`) or raw bytes (`bytes`, such as a file's content). */
export type SimResponse = {
  status: number;
  headers: Record<string, string>;
  json?: unknown;
  events?: SseEvent[];
  bytes?: { data: Uint8Array; contentType: string };
};

/** Failures that live-mode tests switch on; every family reads the same mutable instance. */
export interface Scenario {
  /** Every request gets 401 invalid_api_key. */
  rejectKey: boolean;
  /** Every request gets 429 rate_limit_exceeded (with retry-after-ms: 1). */
  rateLimit: boolean;
  /** Requests to a family's shut-down paths get its post-shutdown answer; families without one stay up. */
  shutdown: boolean;
}

export function defaultScenario(): Scenario {
  return { rejectKey: false, rateLimit: false, shutdown: false };
}

/** A simulated API: request in, response out, no I/O. */
export interface Simulator<S extends Scenario = Scenario> {
  handle(request: SimRequest): SimResponse;
  /** The same object the simulator reads on every request; mutate it to switch scenarios. */
  readonly scenario: S;
  /** "METHOD /v1/path/{param}" of every implemented route. */
  readonly routes: readonly string[];
}

// Shapes shared by the fake Assistants API: the environment-free request/response pair,
// the options it is built with, and the mutable error scenario that live-mode tests flip.

/** One HTTP request as the core sees it (the server adapter fills this in). */
export type FakeRequest = {
  method: string;
  /** Full URL path including /v1, e.g. /v1/threads/thread_x/messages. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined when the request had none. */
  body: unknown;
};

/** One server-sent event; the last one of a stream is { event: "done", data: "[DONE]" }. */
export type SseEvent = { event: string; data: unknown };

/** Either a JSON body (`json`) or a text/event-stream body (`events`). */
export type FakeResponse = {
  status: number;
  headers: Record<string, string>;
  json?: unknown;
  events?: SseEvent[];
};

/** How runs end once they are polled (or streamed) to the end. */
export type RunOutcome = "completed" | "failed" | "expired";

/** Error scenarios for live-mode tests; the server hands out one mutable instance. */
export interface Scenario {
  /** Every request gets 401 invalid_api_key. */
  rejectKey: boolean;
  /** Every /v1/assistants and /v1/threads request gets the post-shutdown 404. */
  shutdown: boolean;
  /** Every request gets 429 rate_limit_exceeded (with retry-after-ms: 1). */
  rateLimit: boolean;
  runOutcome: RunOutcome;
}

export interface FakeApiOptions {
  /** PRNG seed for ids and clock steps; same seed + same requests => identical responses. */
  seed?: string;
  /** Virtual clock start, unix seconds. */
  startTime?: number;
  /** The n-th retrieve of a run returns its terminal state (earlier ones: in_progress). */
  pollsUntilDone?: number;
  /** When set, run responses carry `openai-poll-after-ms` so SDK poll helpers wait this long. */
  pollAfterMs?: number;
  /** Initial scenario values (defaults: everything off, runs complete). */
  scenario?: Partial<Scenario>;
}

export interface FakeAssistantsApi {
  handle(request: FakeRequest): FakeResponse;
  /** The same object the handler reads on every request; mutate it to switch scenarios. */
  scenario: Scenario;
}

export function defaultScenario(overrides: Partial<Scenario> = {}): Scenario {
  return { rejectKey: false, shutdown: false, rateLimit: false, runOutcome: "completed", ...overrides };
}

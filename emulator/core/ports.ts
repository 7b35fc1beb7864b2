// The ports the emulator's services are written against: the store (records.ts), the upstream
// Responses + Conversations API, a clock and an id source. Adapters in ../adapters fill them in.
import type { Store } from "./records.ts";
import type { Clock, EmuRequest, EmuResponse, NewId, SseEvent } from "./types.ts";

export type UpstreamReply = { status: number; headers: Record<string, string>; json: unknown };

export interface Upstream {
  /** A JSON request; any HTTP status comes back as a reply. Unreachable: throws UpstreamFailure. */
  request(method: string, path: string, body?: unknown): Promise<UpstreamReply>;
  /** A `stream: true` POST: its events, or the reply when the upstream answered with an error. */
  stream(path: string, body: unknown): Promise<UpstreamReply | { events: AsyncIterable<SseEvent> }>;
  /** The request as it came (files, vector stores, uploads), sent on with the emulator's key. */
  pass(request: EmuRequest): Promise<EmuResponse>;
}

/** The upstream could not be reached, or its answer could not be read. */
export class UpstreamFailure extends Error {}

export type Emulator = {
  store: Store;
  upstream: Upstream;
  clock: Clock;
  newId: NewId;
  /** Sent as `openai-poll-after-ms` with runs, so SDK poll helpers wait this long instead of 5 s. */
  pollAfterMs?: number | undefined;
};

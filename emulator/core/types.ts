// Shapes shared by the emulator's core and its adapters. The core never does I/O: it gets a
// request, a store and an upstream (ports.ts) and answers with JSON, a stream of events, or
// bytes passed through from the upstream.
import type { JsonObject } from "../../sim/core/read-body.ts";

export type { JsonObject };

/** One request as the HTTP adapter hands it in. */
export type EmuRequest = {
  method: string;
  /** The URL path including /v1. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names; the Authorization header is left out before the core sees it. */
  headers: Record<string, string>;
  /** Parsed JSON body (undefined when there was none); pass-through routes read `raw`. */
  body: unknown;
  raw: Uint8Array;
};

/** One server-sent event; a stream ends with { event: "done", data: "[DONE]" }. */
export type SseEvent = { event: string; data: unknown };

export type EmuResponse =
  | { status: number; headers: Record<string, string>; json: unknown }
  | { status: number; headers: Record<string, string>; events: AsyncIterable<SseEvent> }
  | { status: number; headers: Record<string, string>; bytes: Uint8Array };

export type Clock = {
  /** Unix seconds. */
  now(): number;
};

export type NewId = (prefix: string) => string;

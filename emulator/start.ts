// Puts the emulator together: the store (node:sqlite), the upstream (fetch), the clock and ids,
// the route table, and the HTTP server. The CLI and the tests start it the same way.
import { randomInt } from "node:crypto";
import { createStore } from "./core/records.ts";
import type { Emulator } from "./core/ports.ts";
import type { Clock, NewId } from "./core/types.ts";
import { type EmulatorServer, startEmulatorServer } from "./adapters/http-server.ts";
import { openSqliteTable } from "./adapters/sqlite-store.ts";
import { createHttpUpstream } from "./adapters/upstream-http.ts";
import { handle } from "./service/routes.ts";

export const DEFAULT_UPSTREAM = "https://api.openai.com/v1";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Ids like the Assistants API's: a prefix and 24 alphanumerics. */
export const randomId: NewId = (prefix) => `${prefix}_${Array.from({ length: 24 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("")}`;

export const systemClock: Clock = { now: () => Math.floor(Date.now() / 1000) };

export type EmulatorOptions = {
  /** The upstream Responses API, like OPENAI_BASE_URL (ends in /v1). */
  upstream: string;
  apiKey: string;
  /** SQLite file, or ":memory:". */
  database: string;
  port?: number;
  pollAfterMs?: number;
  clock?: Clock;
  newId?: NewId;
  fetch?: typeof fetch;
};

export async function startEmulator(options: EmulatorOptions): Promise<EmulatorServer> {
  const table = openSqliteTable(options.database);
  const emu: Emulator = {
    store: createStore(table),
    upstream: createHttpUpstream({ baseUrl: options.upstream, apiKey: options.apiKey, ...(options.fetch ? { fetch: options.fetch } : {}) }),
    clock: options.clock ?? systemClock,
    newId: options.newId ?? randomId,
    pollAfterMs: options.pollAfterMs,
  };
  try {
    const server = await startEmulatorServer((request) => handle(emu, request), options.port);
    return {
      ...server,
      close: async () => {
        await server.close();
        table.close();
      },
    };
  } catch (error) {
    table.close();
    throw error;
  }
}

// Live and record modes: real HTTP through the real SDK. MSW only passes requests
// through and watches them; record mode also keeps what it saw for a new fixture.
import { join, dirname } from "node:path";
import { APIConnectionError, APIError } from "openai";
import { VERSION } from "openai/version";
import type { CourseDirs, Lesson } from "../course/catalog.ts";
import { captureHandler, type Captured } from "../fixtures/capture-handler.ts";
import { startInterception } from "../fixtures/intercept.ts";
import { FIXTURE_FORMAT, FIXTURE_VERSION, type Exchange, type Fixture } from "../fixtures/format.ts";
import { createRedactor, maskUrlPassword, urlSecrets } from "../fixtures/redact.ts";
import { serializeFixture } from "../fixtures/serialize.ts";
import { fixtureHash } from "../fixtures/files.ts";
import { liveEnv } from "./env.ts";
import { connectionGuidance, droppedGuidance, objectGuidance, statusGuidance } from "./guidance.ts";
import { stdinInput } from "./input.ts";
import type { ClosedSession, ModeSession } from "./mode.ts";

function modelsSeen(exchanges: readonly Exchange[]): string[] {
  const models = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!value || typeof value !== "object") return;
    for (const [key, v] of Object.entries(value)) key === "model" && typeof v === "string" ? models.add(v) : visit(v);
  };
  for (const e of exchanges) visit([e.response.body, e.response.events?.map((f) => f.data)]);
  return [...models].sort();
}

/** Which API object a value is a snapshot of (its type, id and vector store), if it is one. */
function objectKey(value: unknown): string | undefined {
  const item = value as { object?: unknown; id?: unknown; vector_store_id?: unknown } | null;
  if (!item || typeof item.object !== "string" || typeof item.id !== "string") return undefined;
  return `${item.object} ${item.id} ${typeof item.vector_store_id === "string" ? item.vector_store_id : ""}`;
}

/** The new fixture and its binary sidecars; the CLI verifies them for secrets before writing. */
function recordedFixture(lesson: Lesson, captured: Captured, typed: readonly string[], baseUrl: string): ClosedSession {
  const fixture: Fixture = {
    format: FIXTURE_FORMAT,
    version: FIXTURE_VERSION,
    lesson: lesson.id,
    provenance: {
      source: "recorded",
      date: new Date().toISOString().slice(0, 10),
      baseUrl: maskUrlPassword(baseUrl),
      models: modelsSeen(captured.exchanges),
      sdk: `openai-node ${VERSION}`,
    },
    inputs: typed.length ? [...typed] : undefined,
    exchanges: captured.exchanges,
  };
  const files = [...captured.files].map(([sha256, data]) => ({ path: join(dirname(lesson.fixturePath), "files", sha256), data }));
  const data = serializeFixture(fixture);
  return { writes: [...files, { path: lesson.fixturePath, data }], provenance: fixture.provenance, fixtureSha256: fixtureHash(data) };
}

export function startLive(mode: "live" | "record", lesson: Lesson, dirs: CourseDirs): ModeSession {
  const { apiKey, baseUrl } = liveEnv(dirs.root, mode);
  const secrets = [apiKey, ...urlSecrets(baseUrl)];
  const started = performance.now();
  // Failed API objects are kept apart: a cell tagged with its family's tag shows one on purpose.
  // A later snapshot of the same object replaces what an earlier one said (a file that was
  // processing when first seen and is done when polled again is no problem).
  const objectFailures: (NonNullable<ReturnType<typeof objectGuidance>> & { key: string | undefined })[] = [];
  const seeObject = (value: unknown) => {
    const key = objectKey(value);
    const failure = objectGuidance(value);
    if (key !== undefined) objectFailures.splice(0, objectFailures.length, ...objectFailures.filter((seen) => seen.key !== key));
    if (failure) objectFailures.push({ ...failure, key });
  };
  const typed: string[] = [];
  const input = stdinInput(typed);
  const failed: Exchange[] = [];
  let connectionError: unknown;
  let dropped: { request: string; error: unknown } | undefined;
  const streamed: string[] = [];
  const { handler, captured } = captureHandler({
    redact: createRedactor(secrets),
    clock: () => Math.round(performance.now() - started),
    onExchange: (exchange) => {
      if (exchange.response.status >= 400) failed.push(exchange);
      seeObject(exchange.response.body);
    },
    onConnectionError: (_url, error) => {
      connectionError = error;
    },
    onDropped: (request, error) => {
      dropped = { request, error };
    },
    onFrame: (frame) => {
      streamed.push(frame.event ?? "message");
      seeObject(frame.data);
    },
  });
  const server = startInterception(handler);
  const explainError = (thrown: unknown): unknown => {
    if (dropped && !(thrown instanceof APIError && thrown.status !== undefined))
      return droppedGuidance(baseUrl, dropped.request, dropped.error);
    if (thrown instanceof APIConnectionError) return connectionGuidance(baseUrl, connectionError ?? thrown);
    if (!(thrown instanceof APIError) || thrown.status === undefined) return thrown;
    const exchange = failed.findLast((e) => e.response.status === thrown.status);
    return (exchange && statusGuidance(exchange, baseUrl)) ?? thrown;
  };
  return {
    name: mode,
    env: { OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: baseUrl },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    takeFailure: (cell) => {
      // Everything seen during the cell belongs to it; the first failure is the one shown.
      const [failure] = objectFailures.splice(0);
      return failure && !cell?.tags.includes(failure.family.expectFailureTag) ? failure.error : undefined;
    },
    readInput: (prompt) => input.read(prompt),
    explainError,
    drainStreamEvents: () => streamed.splice(0),
    secrets,
    close: async (succeeded) => {
      server.close();
      input.close();
      return mode === "record" && succeeded ? recordedFixture(lesson, captured, typed, baseUrl) : { writes: [], provenance: undefined };
    },
  };
}

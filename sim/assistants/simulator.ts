// The Assistants API v2 simulator: its family (routes, the OpenAI-Beta rule, the 2026-08-26
// shutdown) and the files family (sim/files) inside the generic simulator. State lives in memory; ids are derived from the seed
// and the request (core/ids.ts), timestamps from the session clock (core/clock.ts), so the same
// seed and the same requests at the same times always give identical responses.
import { type SessionClock, createSessionClock } from "../core/clock.ts";
import { type Family, defineFamily } from "../core/family.ts";
import { type IdSource, createIdSource } from "../core/ids.ts";
import { createSimulator } from "../core/simulator.ts";
import { type SimRequest, type SimResponse, type Simulator, defaultScenario } from "../core/types.ts";
import { type FilesService, createFiles } from "../files/family.ts";
import { assistantsApiShutDown, missingBetaHeader, v1BetaHeader } from "./errors.ts";
import type { AnswerBook } from "./replies.ts";
import { assistantRoutes } from "./routes-assistants.ts";
import { runRoutes } from "./routes-runs.ts";
import { threadRoutes } from "./routes-threads.ts";
import { type AssistantsContext, type AssistantsScenario, type IdPrefix, createStore } from "./store.ts";

export type { AssistantsScenario, RunOutcome } from "./store.ts";

/** 2025-08-05 00:00:00 UTC: a date when the Assistants API was still live. */
export const DEFAULT_START_TIME = 1754380800;
export const DEFAULT_SEED = "lessonbook";

export interface AssistantsSimOptions {
  /** Seed for ids; same seed + same requests => same ids. */
  seed?: string;
  /** Simulated unix time of the session's first request. */
  startTime?: number;
  /** The scripted replies (course content); without them every reply is a fallback that quotes the question. */
  answers?: AnswerBook;
  /** The n-th retrieve of a run returns its terminal state (earlier ones: in_progress). */
  pollsUntilDone?: number;
  /** When set, run responses carry `openai-poll-after-ms` so SDK poll helpers wait this long. */
  pollAfterMs?: number;
  /** Initial scenario values (defaults: everything off, runs complete). */
  scenario?: Partial<AssistantsScenario>;
  /** Uploads larger than this are refused with 413 (default 512 MB, as the API). */
  maxFileBytes?: number;
}

// /v1/threads/runs is listed (in runRoutes) before /v1/threads/{thread_id} can swallow "runs".
const ROUTES = [...assistantRoutes, ...runRoutes, ...threadRoutes];

/** The Assistants API refused requests without `OpenAI-Beta: assistants=v2`. */
function betaHeaderProblem(request: SimRequest): SimResponse | undefined {
  const beta = request.headers["openai-beta"] ?? "";
  if (beta.includes("assistants=v2")) return undefined;
  return beta.includes("assistants=v1") ? v1BetaHeader() : missingBetaHeader();
}

export function assistantsFamily(context: AssistantsContext): Family {
  return defineFamily({
    name: "assistants",
    context,
    routes: ROUTES,
    guard: betaHeaderProblem,
    shutdown: { paths: /^\/v1\/(assistants|threads)(\/|$)/, response: assistantsApiShutDown },
  });
}

export type SessionParts = { clock: SessionClock; ids: IdSource; scenario: AssistantsScenario; files: FilesService };

export function assistantsContext(options: AssistantsSimOptions, { clock, ids, scenario, files }: SessionParts): AssistantsContext {
  return {
    files,
    store: createStore(),
    newId: (prefix: IdPrefix) => ids.next(prefix),
    clock,
    scenario,
    answers: options.answers ?? new Map(),
    pollsUntilDone: Math.max(1, options.pollsUntilDone ?? 2),
    pollAfterMs: options.pollAfterMs,
  };
}

export function createAssistantsSim(options: AssistantsSimOptions = {}): Simulator<AssistantsScenario> {
  const scenario: AssistantsScenario = { ...defaultScenario(), runOutcome: "completed", ...options.scenario };
  const clock = createSessionClock(options.startTime ?? DEFAULT_START_TIME);
  const ids = createIdSource(options.seed ?? DEFAULT_SEED);
  // Files and vector stores are their own family, shared with the Responses simulator.
  const { pollsUntilDone, pollAfterMs, maxFileBytes } = options;
  const files = createFiles({ clock, ids }, { pollsUntilDone, pollAfterMs, maxFileBytes });
  const families = [assistantsFamily(assistantsContext(options, { clock, ids, scenario, files: files.files })), files.family];
  return createSimulator({ families, scenario, clock, ids });
}

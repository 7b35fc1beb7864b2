// The environment-free fake of the OpenAI Assistants API v2: request in, response out.
// State lives in memory; ids and timestamps come from a seeded generator and a virtual clock,
// so the same seed and the same requests always give byte-identical responses.
import { assistantsApiShutDown, invalidApiKey, invalidUrl, missingBetaHeader, rateLimited, v1BetaHeader } from "./errors.ts";
import { createClock, createIdFactory, createRandom } from "./random.ts";
import { type Route, matchRoute } from "./route-table.ts";
import { assistantRoutes } from "./routes-assistants.ts";
import { runRoutes } from "./routes-runs.ts";
import { threadRoutes } from "./routes-threads.ts";
import { type FakeContext, FakeApiError, createStore, snapshot } from "./store.ts";
import {
  type FakeApiOptions, type FakeAssistantsApi, type FakeRequest, type FakeResponse, type Scenario, defaultScenario,
} from "./types.ts";

export type { FakeApiOptions, FakeAssistantsApi, FakeRequest, FakeResponse, Scenario, SseEvent } from "./types.ts";
export { ANSWERS } from "./answers.ts";

/** 2025-08-05 00:00:00 UTC: a date when the Assistants API was still live. */
export const DEFAULT_START_TIME = 1754380800;
export const DEFAULT_SEED = "lessonbook";

// /v1/threads/runs is listed (in runRoutes) before /v1/threads/{thread_id} can swallow "runs".
const ROUTES: readonly Route[] = [...assistantRoutes, ...runRoutes, ...threadRoutes];

/** "METHOD /v1/path/{param}" for every implemented route (the schema test covers each one). */
export const ROUTE_TEMPLATES: readonly string[] = ROUTES.map((candidate) => `${candidate.method} ${candidate.template}`);

const ASSISTANTS_API_PATH = /^\/v1\/(assistants|threads)(\/|$)/;

/** The scenario's canned failures, checked in the order the real API checks them. */
function scenarioResponse(scenario: Scenario, request: FakeRequest): FakeResponse | undefined {
  if (scenario.rejectKey) return invalidApiKey(request.headers["authorization"]);
  if (scenario.rateLimit) return rateLimited();
  if (scenario.shutdown && ASSISTANTS_API_PATH.test(request.path)) return assistantsApiShutDown();
  return undefined;
}

/** The Assistants API refused requests without `OpenAI-Beta: assistants=v2`. */
function betaHeaderProblem(request: FakeRequest): FakeResponse | undefined {
  const beta = request.headers["openai-beta"] ?? "";
  if (beta.includes("assistants=v2")) return undefined;
  return beta.includes("assistants=v1") ? v1BetaHeader() : missingBetaHeader();
}

function handle(context: FakeContext, request: FakeRequest): FakeResponse {
  const canned = scenarioResponse(context.scenario, request);
  if (canned) return canned;
  const method = request.method.toUpperCase();
  const match = matchRoute(ROUTES, method, request.path);
  if (!match) return invalidUrl(method, request.path);
  const betaProblem = betaHeaderProblem(request);
  if (betaProblem) return betaProblem;
  try {
    const response = match.route.handler(context, request, match.param);
    // Snapshot: later state changes must not reach a response that was already handed out.
    return response.json === undefined ? response : { ...response, json: snapshot(response.json) };
  } catch (error) {
    if (error instanceof FakeApiError) return error.response;
    throw error;
  }
}

export function createFakeAssistantsApi(options: FakeApiOptions = {}): FakeAssistantsApi {
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const scenario = defaultScenario(options.scenario);
  const context: FakeContext = {
    store: createStore(),
    newId: createIdFactory(random),
    clock: createClock(options.startTime ?? DEFAULT_START_TIME, random),
    scenario,
    pollsUntilDone: Math.max(1, options.pollsUntilDone ?? 2),
    pollAfterMs: options.pollAfterMs,
  };
  return { scenario, handle: (request) => handle(context, request) };
}

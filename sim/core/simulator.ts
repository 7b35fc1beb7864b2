// The generic simulator: scenario failures, then the family that owns the route, then its
// handler. Request in, response out; every response is a snapshot of the state it showed.
import { SimError, invalidApiKey, invalidUrl, rateLimited } from "./errors.ts";
import type { SessionClock } from "./clock.ts";
import type { IdSource } from "./ids.ts";
import { formDigest } from "./multipart.ts";
import type { Family } from "./family.ts";
import type { Scenario, SimRequest, SimResponse, Simulator } from "./types.ts";

/** Responses are snapshots: later state changes must not alter what was already answered. */
export function snapshot<T>(value: T): T {
  return structuredClone(value);
}

/** The scenario's canned failures, checked in the order the real API checks them. */
function scenarioResponse(families: readonly Family[], scenario: Scenario, request: SimRequest): SimResponse | undefined {
  if (scenario.rejectKey) return invalidApiKey(request.headers["authorization"]);
  if (scenario.rateLimit) return rateLimited();
  if (!scenario.shutdown) return undefined;
  return families.find((family) => family.shutdown?.paths.test(request.path))?.shutdown?.response();
}

function answer(handler: (request: SimRequest) => SimResponse, request: SimRequest): SimResponse {
  try {
    const response = handler(request);
    if (response.bytes) return { ...response, bytes: { ...response.bytes, data: new Uint8Array(response.bytes.data) } };
    return response.json === undefined ? response : { ...response, json: snapshot(response.json) };
  } catch (error) {
    if (error instanceof SimError) return error.response;
    throw error;
  }
}

export type SimulatorParts<S extends Scenario> = {
  readonly families: readonly Family[];
  readonly scenario: S;
  /** The clock the families read; it moves to each request's arrival time. */
  readonly clock: SessionClock;
  /** The ids the families make; each request derives its own. */
  readonly ids: IdSource;
};

export function createSimulator<S extends Scenario>({ families, scenario, clock, ids }: SimulatorParts<S>): Simulator<S> {
  const handle = (request: SimRequest): SimResponse => {
    if (request.at !== undefined) clock.arrive(request.at);
    // A form's files count by their hash, so the same upload makes the same ids.
    ids.begin(request.form ? { ...request, body: formDigest(request.form) } : request);
    const canned = scenarioResponse(families, scenario, request);
    if (canned) return canned;
    const method = request.method.toUpperCase();
    for (const family of families) {
      const handler = family.find(method, request.path);
      if (handler) return family.guard?.(request) ?? answer(handler, request);
    }
    return invalidUrl(method, request.path);
  };
  return { handle, scenario, routes: families.flatMap((family) => family.routes) };
}

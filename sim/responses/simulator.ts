// The Responses + Conversations simulator: its family inside the generic simulator. State
// lives in memory; ids come from the seed and the request (core/ids.ts), timestamps from the
// session clock (core/clock.ts), so the same requests at the same times give the same answers.
// Files and vector stores (sim/files) are mounted beside it, for the file_search and
// code_interpreter tools.
import { type SessionClock, createSessionClock } from "../core/clock.ts";
import { type Family, defineFamily } from "../core/family.ts";
import { type FilesService, createFiles } from "../files/family.ts";
import { type IdSource, createIdSource } from "../core/ids.ts";
import { createSimulator } from "../core/simulator.ts";
import { type Scenario, type Simulator, defaultScenario } from "../core/types.ts";
import type { ResponsesAnswerBook } from "./answers.ts";
import { conversationRoutes } from "./routes-conversations.ts";
import { responseRoutes } from "./routes-responses.ts";
import { type ResponsesContext, createStore } from "./store.ts";

/** 2026-09-01 00:00:00 UTC: just after the Assistants API was shut down, when part 2 runs live. */
export const DEFAULT_START_TIME = 1788220800;
export const DEFAULT_SEED = "lessonbook";

export type SessionParts = { clock: SessionClock; ids: IdSource; scenario: Scenario; files: FilesService };

export interface ResponsesSimOptions {
  /** Seed for ids; same seed + same requests => same ids. */
  seed?: string;
  /** Simulated unix time of the session's first request. */
  startTime?: number;
  /** The scripted answers (course content); without them every reply quotes the question. */
  answers?: ResponsesAnswerBook;
  /** A background response (and a vector store file) is finished on its n-th retrieve. */
  pollsUntilDone?: number;
  /** Initial scenario values (defaults: everything off). */
  scenario?: Partial<Scenario>;
}

export function responsesFamily(context: ResponsesContext): Family {
  return defineFamily({ name: "responses", context, routes: [...responseRoutes, ...conversationRoutes] });
}

export function responsesContext(options: ResponsesSimOptions, { clock, ids, scenario, files }: SessionParts): ResponsesContext {
  return {
    store: createStore(),
    newId: (prefix) => ids.next(prefix),
    clock,
    scenario,
    answers: options.answers ?? new Map(),
    pollsUntilDone: Math.max(1, options.pollsUntilDone ?? 2),
    files,
  };
}

export function createResponsesSim(options: ResponsesSimOptions = {}): Simulator {
  const scenario: Scenario = { ...defaultScenario(), ...options.scenario };
  const clock = createSessionClock(options.startTime ?? DEFAULT_START_TIME);
  const ids = createIdSource(options.seed ?? DEFAULT_SEED);
  const files = createFiles({ clock, ids }, { pollsUntilDone: options.pollsUntilDone });
  const families = [responsesFamily(responsesContext(options, { clock, ids, scenario, files: files.files })), files.family];
  return createSimulator({ families, scenario, clock, ids });
}

// The fake's state and the lookups every route needs. Records hold the API objects themselves
// (built in key order once, then mutated in place) plus the little extra state runs need.
import type { FakeResponse, Scenario } from "./types.ts";
import { notFound } from "./errors.ts";
import type { AssistantObject, MessageObject, RunObject, RunStepObject, ThreadObject } from "./objects.ts";
import type { IdPrefix, VirtualClock } from "./random.ts";

export type RunRecord = {
  run: RunObject;
  steps: RunStepObject[];
  /** How many times the run was retrieved; runs advance on polling, never on real time. */
  retrieves: number;
};

export type ThreadRecord = { thread: ThreadObject; messages: MessageObject[]; runs: RunRecord[] };

export type Store = {
  assistants: Map<string, AssistantObject>;
  threads: Map<string, ThreadRecord>;
};

export type FakeContext = {
  store: Store;
  newId: (prefix: IdPrefix) => string;
  clock: VirtualClock;
  scenario: Scenario;
  pollsUntilDone: number;
  pollAfterMs: number | undefined;
};

/** Thrown by handlers to answer with an error; core turns it back into a response. */
export class FakeApiError extends Error {
  readonly response: FakeResponse;
  constructor(response: FakeResponse) {
    super("fake API error response");
    this.response = response;
  }
}

export function fail(response: FakeResponse): never {
  throw new FakeApiError(response);
}

export function createStore(): Store {
  return { assistants: new Map(), threads: new Map() };
}

export function getAssistant(context: FakeContext, id: string): AssistantObject {
  return context.store.assistants.get(id) ?? fail(notFound("assistant", id));
}

export function getThread(context: FakeContext, id: string): ThreadRecord {
  return context.store.threads.get(id) ?? fail(notFound("thread", id));
}

export function getMessage(thread: ThreadRecord, id: string): MessageObject {
  return thread.messages.find((message) => message.id === id) ?? fail(notFound("message", id));
}

export function getRun(thread: ThreadRecord, id: string): RunRecord {
  return thread.runs.find((record) => record.run.id === id) ?? fail(notFound("run", id));
}

export function getStep(record: RunRecord, id: string): RunStepObject {
  return record.steps.find((step) => step.id === id) ?? fail(notFound("run step", id));
}

const ACTIVE_STATUSES: ReadonlySet<string> = new Set(["queued", "in_progress", "requires_action", "cancelling"]);

export function isActive(run: RunObject): boolean {
  return ACTIVE_STATUSES.has(run.status);
}

export function activeRun(thread: ThreadRecord): RunRecord | undefined {
  return thread.runs.find((record) => isActive(record.run));
}

/** Responses are snapshots: later state changes must not alter what was already answered. */
export function snapshot<T>(value: T): T {
  return structuredClone(value);
}

// The Assistants family's state and the lookups every route needs. Records hold the API
// objects themselves (built in key order once, then mutated in place) plus the little extra
// state runs need.
import { fail } from "../core/errors.ts";
import type { Scenario } from "../core/types.ts";
import type { FilesService } from "../files/family.ts";
import { notFound } from "./errors.ts";
import type { AssistantObject, MessageObject, RunObject, ThreadObject } from "./objects.ts";
import type { RunStepObject } from "./step-objects.ts";
import type { AnswerBook } from "./replies.ts";

/** How runs end once they are polled (or streamed) to the end. */
export type RunOutcome = "completed" | "failed" | "expired";

export type AssistantsScenario = Scenario & { runOutcome: RunOutcome };

export type IdPrefix = "asst" | "thread" | "msg" | "run" | "step" | "call";

export type RunRecord = {
  run: RunObject;
  steps: RunStepObject[];
  /** How many times the run was retrieved; runs advance on polling, never on real time. */
  retrieves: number;
  /** The function-call step waiting for tool outputs while the run requires action. */
  awaiting?: RunStepObject | undefined;
  /** The outputs submitted for the run's function calls, in call order. */
  toolOutputs?: string[];
};

export type ThreadRecord = { thread: ThreadObject; messages: MessageObject[]; runs: RunRecord[] };

export type Store = {
  assistants: Map<string, AssistantObject>;
  threads: Map<string, ThreadRecord>;
};

export type AssistantsContext = {
  store: Store;
  /** Uploaded files and vector stores (the files family), for file_search and the code interpreter. */
  files: FilesService;
  newId: (prefix: IdPrefix) => string;
  /** Simulated unix seconds (see core/clock.ts). */
  clock: { now(): number };
  scenario: AssistantsScenario;
  answers: AnswerBook;
  pollsUntilDone: number;
  pollAfterMs: number | undefined;
};

export function createStore(): Store {
  return { assistants: new Map(), threads: new Map() };
}

export function getAssistant(context: AssistantsContext, id: string): AssistantObject {
  return context.store.assistants.get(id) ?? fail(notFound("assistant", id));
}

export function getThread(context: AssistantsContext, id: string): ThreadRecord {
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

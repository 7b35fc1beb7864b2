// Run steps: what a run did, one step per message written or per batch of tool calls.
import type { RunObject, Usage } from "./objects.ts";

export type StepDetails =
  | { type: "message_creation"; message_creation: { message_id: string } }
  | { type: "tool_calls"; tool_calls: unknown[] };

// Real run steps carry `expires_at` (the run's) and no `metadata`; the spec's RunStepObject
// instead requires `expired_at` and `metadata`. We follow the real API (see schema test).
export type RunStepObject = {
  id: string;
  object: "thread.run.step";
  created_at: number;
  run_id: string;
  assistant_id: string;
  thread_id: string;
  type: StepDetails["type"];
  status: "in_progress" | "completed" | "cancelled" | "failed" | "expired";
  cancelled_at: number | null;
  completed_at: number | null;
  expires_at: number | null;
  failed_at: number | null;
  last_error: null;
  step_details: StepDetails;
  usage: Usage | null;
};

export type StepFields = {
  id: string;
  createdAt: number;
  run: RunObject;
  details: StepDetails;
  /** Null for a step still in progress (a function call waiting for its output). */
  completedAt: number | null;
  usage: Usage | null;
};

/** A finished step (or one still waiting); the streaming module derives the in-progress snapshots from it. */
export function stepObject(fields: StepFields): RunStepObject {
  return {
    id: fields.id,
    object: "thread.run.step",
    created_at: fields.createdAt,
    run_id: fields.run.id,
    assistant_id: fields.run.assistant_id,
    thread_id: fields.run.thread_id,
    type: fields.details.type,
    status: fields.completedAt === null ? "in_progress" : "completed",
    cancelled_at: null,
    completed_at: fields.completedAt,
    expires_at: fields.run.expires_at,
    failed_at: null,
    last_error: null,
    step_details: fields.details,
    usage: fields.usage,
  };
}

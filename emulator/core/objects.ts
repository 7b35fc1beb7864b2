// Assistants v2 objects the emulator sends. Key order is the real API's (the simulator's
// builders, reused for assistants, threads and messages), since lessons print these objects.
// Runs are built as the simulator builds them; steps are the emulator's own (they follow the
// spec's RunStepObject, see below).
import type { RunObject, Usage } from "../../sim/assistants/objects.ts";
import type { JsonObject } from "../../sim/core/read-body.ts";
import type { Metadata } from "../../sim/assistants/objects.ts";

export type { AssistantObject, MessageObject, Metadata, ThreadObject, Tool } from "../../sim/assistants/objects.ts";
export { assistantObject, deletedObject, messageObject, textContent, threadObject } from "../../sim/assistants/objects.ts";

export type {
  FunctionCall as FunctionToolCall,
  RequiredAction,
  RunError,
  RunIds,
  RunObject,
  RunStatus,
  Usage,
} from "../../sim/assistants/objects.ts";
export { RUN_LIFETIME_SECONDS, runInstructions, runObject } from "../../sim/assistants/objects.ts";

export type StepStatus = "in_progress" | "completed" | "cancelled" | "failed" | "expired";
export type StepDetails =
  | { type: "message_creation"; message_creation: { message_id: string } }
  | { type: "tool_calls"; tool_calls: JsonObject[] };

/**
 * The spec's RunStepObject: `expired_at` and `metadata` (the Assistants API itself sent
 * `expires_at` and no metadata; the SDKs' types follow the spec, and so does the emulator).
 */
export type RunStepObject = {
  id: string;
  object: "thread.run.step";
  created_at: number;
  run_id: string;
  assistant_id: string;
  thread_id: string;
  type: StepDetails["type"];
  status: StepStatus;
  cancelled_at: number | null;
  completed_at: number | null;
  expired_at: number | null;
  failed_at: number | null;
  last_error: null;
  step_details: StepDetails;
  usage: Usage | null;
  metadata: Metadata;
};

export type StepFields = {
  id: string;
  createdAt: number;
  run: RunObject;
  details: StepDetails;
  status: StepStatus;
  endedAt: number | null;
};

export function stepObject({ id, createdAt, run, details, status, endedAt }: StepFields): RunStepObject {
  return {
    id,
    object: "thread.run.step",
    created_at: createdAt,
    run_id: run.id,
    assistant_id: run.assistant_id,
    thread_id: run.thread_id,
    type: details.type,
    status,
    cancelled_at: status === "cancelled" ? endedAt : null,
    completed_at: status === "completed" ? endedAt : null,
    expired_at: status === "expired" ? endedAt : null,
    failed_at: status === "failed" ? endedAt : null,
    last_error: null,
    step_details: details,
    usage: null,
    metadata: {},
  };
}

// Assistants v2 objects the emulator sends. Key order is the real API's (the simulator's
// builders, reused for assistants, threads and messages), since lessons print these objects.
// Runs and steps are its own: here they carry required actions, errors and tool calls that
// only a real model produces.
import { has, type JsonObject, readBoolean, readMetadata, readNumber, readString } from "../../sim/core/read-body.ts";
import { type AssistantObject, type Metadata, readTools, type Tool } from "../../sim/assistants/objects.ts";

export type { AssistantObject, MessageObject, Metadata, ThreadObject, Tool } from "../../sim/assistants/objects.ts";
export { assistantObject, deletedObject, messageObject, textContent, threadObject } from "../../sim/assistants/objects.ts";

export type RunStatus =
  | "queued"
  | "in_progress"
  | "requires_action"
  | "cancelling"
  | "cancelled"
  | "failed"
  | "completed"
  | "incomplete"
  | "expired";

export type Usage = { prompt_tokens: number; completion_tokens: number; total_tokens: number };
export type FunctionToolCall = { id: string; type: "function"; function: { name: string; arguments: string } };
export type RequiredAction = { type: "submit_tool_outputs"; submit_tool_outputs: { tool_calls: FunctionToolCall[] } };
export type RunError = { code: "server_error" | "rate_limit_exceeded" | "invalid_prompt"; message: string };

export type RunObject = {
  id: string;
  object: "thread.run";
  created_at: number;
  assistant_id: string;
  thread_id: string;
  status: RunStatus;
  started_at: number | null;
  expires_at: number | null;
  cancelled_at: number | null;
  failed_at: number | null;
  completed_at: number | null;
  required_action: RequiredAction | null;
  last_error: RunError | null;
  model: string;
  instructions: string;
  tools: Tool[];
  tool_resources: JsonObject;
  metadata: Metadata;
  temperature: number;
  top_p: number;
  max_completion_tokens: number | null;
  max_prompt_tokens: number | null;
  truncation_strategy: unknown;
  incomplete_details: { reason: "max_completion_tokens" | "max_prompt_tokens" } | null;
  usage: Usage | null;
  response_format: unknown;
  tool_choice: unknown;
  parallel_tool_calls: boolean;
};

/** Runs not finished ten minutes after creation expire, as in the Assistants API. */
export const RUN_LIFETIME_SECONDS = 600;

/** Per-run instructions replace the assistant's; additional_instructions follow after a blank line. */
export function runInstructions(assistant: AssistantObject, body: JsonObject): string {
  const base = readString(body, "instructions") ?? assistant.instructions ?? "";
  const extra = readString(body, "additional_instructions");
  if (!extra) return base;
  return base ? `${base}\n\n${extra}` : extra;
}

export type RunIds = { id: string; threadId: string; createdAt: number };

export function runObject(ids: RunIds, assistant: AssistantObject, body: JsonObject): RunObject {
  return {
    id: ids.id,
    object: "thread.run",
    created_at: ids.createdAt,
    assistant_id: assistant.id,
    thread_id: ids.threadId,
    status: "queued",
    started_at: null,
    expires_at: ids.createdAt + RUN_LIFETIME_SECONDS,
    cancelled_at: null,
    failed_at: null,
    completed_at: null,
    required_action: null,
    last_error: null,
    model: readString(body, "model") ?? assistant.model,
    instructions: runInstructions(assistant, body),
    tools: readTools(body) ?? assistant.tools,
    tool_resources: {},
    metadata: readMetadata(body) ?? {},
    temperature: readNumber(body, "temperature") ?? assistant.temperature,
    top_p: readNumber(body, "top_p") ?? assistant.top_p,
    max_completion_tokens: readNumber(body, "max_completion_tokens") ?? null,
    max_prompt_tokens: readNumber(body, "max_prompt_tokens") ?? null,
    truncation_strategy: has(body, "truncation_strategy") ? body["truncation_strategy"] : { type: "auto", last_messages: null },
    incomplete_details: null,
    usage: null,
    response_format: has(body, "response_format") ? body["response_format"] : assistant.response_format,
    tool_choice: has(body, "tool_choice") ? body["tool_choice"] : "auto",
    parallel_tool_calls: readBoolean(body, "parallel_tool_calls") ?? true,
  };
}

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

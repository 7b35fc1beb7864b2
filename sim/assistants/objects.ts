// API object builders. Key order is part of the contract: lessons print these objects with
// JSON.stringify and the reports show them, so every builder lists its keys in the exact order
// the real v2 API used (see the brief and the official streaming examples).
import {
  has,
  type JsonObject,
  isObject,
  readArray,
  readBoolean,
  readMetadata,
  readNumber,
  readObject,
  readString,
} from "../core/read-body.ts";

export type Metadata = Record<string, string>;
export type Tool = JsonObject & { type: string };
export type Usage = { prompt_tokens: number; completion_tokens: number; total_tokens: number };
export type FileCitation = {
  type: "file_citation";
  text: string;
  start_index: number;
  end_index: number;
  file_citation: { file_id: string };
};
export type TextContent = { type: "text"; text: { value: string; annotations: FileCitation[] } };
export type ImageFileContent = { type: "image_file"; image_file: { file_id: string; detail?: "auto" | "low" | "high" } };
export type FunctionCall = { id: string; type: "function"; function: { name: string; arguments: string } };
export type RequiredAction = { type: "submit_tool_outputs"; submit_tool_outputs: { tool_calls: FunctionCall[] } };
export type MessageStatus = "in_progress" | "incomplete" | "completed";
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

export type AssistantObject = {
  id: string;
  object: "assistant";
  created_at: number;
  name: string | null;
  description: string | null;
  model: string;
  instructions: string | null;
  tools: Tool[];
  top_p: number;
  temperature: number;
  tool_resources: JsonObject;
  metadata: Metadata;
  response_format: unknown;
};

export type ThreadObject = { id: string; object: "thread"; created_at: number; metadata: Metadata; tool_resources: JsonObject };

export type MessageObject = {
  id: string;
  object: "thread.message";
  created_at: number;
  assistant_id: string | null;
  thread_id: string;
  run_id: string | null;
  role: "user" | "assistant";
  content: unknown[];
  attachments: unknown[];
  metadata: Metadata;
  status: MessageStatus;
  incomplete_details: null;
  completed_at: number | null;
  incomplete_at: null;
};

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

/** Real runs expire ten minutes after creation unless they finish first. */
export const RUN_LIFETIME_SECONDS = 600;

/** Per-run instructions replace the assistant's; additional_instructions are appended after a blank line. */
export function runInstructions(assistant: AssistantObject, body: JsonObject): string {
  const base = readString(body, "instructions") ?? assistant.instructions ?? "";
  const extra = readString(body, "additional_instructions");
  if (!extra) return base;
  return base ? `${base}\n\n${extra}` : extra;
}

export type RunIds = { id: string; threadId: string; createdAt: number };

/** A new, queued run with the real API's key order: the simulator's and the emulator's. */
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

/** The assistant's tool_resources: what the request gave, else an empty slot per tool that has one. */
function assistantToolResources(tools: Tool[], requested: JsonObject | undefined): JsonObject {
  if (requested) return requested;
  const resources: JsonObject = {};
  if (tools.some((tool) => tool.type === "code_interpreter")) resources["code_interpreter"] = { file_ids: [] };
  if (tools.some((tool) => tool.type === "file_search")) resources["file_search"] = { vector_store_ids: [] };
  return resources;
}

/** The ranking the API applied to file_search when a request named none. */
const DEFAULT_RANKING = { ranker: "default_2024_08_21", score_threshold: 0.0 };

/** Tools as the API echoed them: file_search with its ranking options, functions with `strict`. */
function normalTool(tool: Tool): Tool {
  if (tool.type === "file_search") {
    const options = readObject(tool, "file_search") ?? {};
    return { type: "file_search", file_search: { ...options, ranking_options: readObject(options, "ranking_options") ?? DEFAULT_RANKING } };
  }
  const fn = tool.type === "function" ? readObject(tool, "function") : undefined;
  if (fn) return { type: "function", function: { ...fn, strict: fn["strict"] ?? false } };
  return tool;
}

export function readTools(body: JsonObject): Tool[] | undefined {
  return readArray(body, "tools")
    ?.filter((tool): tool is Tool => isObject(tool) && typeof tool["type"] === "string")
    .map(normalTool);
}

export function assistantObject(id: string, createdAt: number, body: JsonObject): AssistantObject {
  const tools = readTools(body) ?? [];
  return {
    id,
    object: "assistant",
    created_at: createdAt,
    name: readString(body, "name") ?? null,
    description: readString(body, "description") ?? null,
    model: readString(body, "model") ?? "",
    instructions: readString(body, "instructions") ?? null,
    tools,
    top_p: readNumber(body, "top_p") ?? 1.0,
    temperature: readNumber(body, "temperature") ?? 1.0,
    tool_resources: assistantToolResources(tools, readObject(body, "tool_resources")),
    metadata: readMetadata(body) ?? {},
    response_format: body["response_format"] ?? "auto",
  };
}

export function threadObject(id: string, createdAt: number, body: JsonObject): ThreadObject {
  return {
    id,
    object: "thread",
    created_at: createdAt,
    metadata: readMetadata(body) ?? {},
    tool_resources: readObject(body, "tool_resources") ?? {},
  };
}

export function textContent(value: string, annotations: FileCitation[] = []): TextContent {
  return { type: "text", text: { value, annotations } };
}

/** Request content (a string or content parts) as stored message content. */
export function messageContent(content: unknown): unknown[] {
  if (typeof content === "string") return [textContent(content)];
  if (!Array.isArray(content)) return [];
  return content.filter(isObject).map((part) => {
    if (part["type"] === "text") return textContent(typeof part["text"] === "string" ? part["text"] : "");
    const image = readObject(part, "image_url") ?? readObject(part, "image_file");
    if (image) return { ...part, [String(part["type"])]: { ...image, detail: image["detail"] ?? "auto" } };
    return part;
  });
}

export type MessageFields = {
  id: string;
  createdAt: number;
  threadId: string;
  role: "user" | "assistant";
  content: unknown[];
  assistantId?: string | null;
  runId?: string | null;
  attachments?: unknown[];
  metadata?: Metadata;
  status: MessageStatus;
  completedAt: number | null;
};

export function messageObject(fields: MessageFields): MessageObject {
  return {
    id: fields.id,
    object: "thread.message",
    created_at: fields.createdAt,
    assistant_id: fields.assistantId ?? null,
    thread_id: fields.threadId,
    run_id: fields.runId ?? null,
    role: fields.role,
    content: fields.content,
    attachments: fields.attachments ?? [],
    metadata: fields.metadata ?? {},
    status: fields.status,
    incomplete_details: null,
    completed_at: fields.completedAt,
    incomplete_at: null,
  };
}

export function deletedObject(id: string, kind: "assistant" | "thread" | "thread.message") {
  return { id, object: `${kind}.deleted`, deleted: true };
}

// Object builders for the Responses and Conversations APIs. Key order is part of the contract:
// lessons print these objects and the reports show them, so each builder lists its keys in the
// order the real API sends them (the official examples of spec 2.3.0).
import { type JsonObject, isObject, readArray, readBoolean, readMetadata, readNumber, readString } from "../core/read-body.ts";

export type Metadata = Record<string, string>;
export type ResponseStatus = "queued" | "in_progress" | "completed" | "failed" | "cancelled" | "incomplete";
export type ItemStatus = "in_progress" | "completed" | "incomplete";
/** Any item: a message, a function call, its output, a tool call. Every stored item has an id. */
export type Item = JsonObject & { id: string; type: string };
export type Usage = {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number; cache_write_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
};
export type ResponseError = { code: "server_error" | "rate_limit_exceeded" | "invalid_prompt"; message: string };

// `user` is left out: it is deprecated, and the spec types it as a string while the API sends null.
export type ResponseObject = {
  id: string;
  object: "response";
  created_at: number;
  status: ResponseStatus;
  background: boolean;
  completed_at: number | null;
  conversation?: { id: string };
  error: ResponseError | null;
  incomplete_details: null;
  instructions: string | null;
  max_output_tokens: number | null;
  max_tool_calls: number | null;
  model: string;
  output: Item[];
  parallel_tool_calls: boolean;
  previous_response_id: string | null;
  prompt_cache_key: string | null;
  reasoning: { effort: null; summary: null };
  safety_identifier: string | null;
  service_tier: string;
  store: boolean;
  temperature: number;
  text: { format: { type: "text" }; verbosity: "medium" };
  tool_choice: unknown;
  tools: JsonObject[];
  top_logprobs: number;
  top_p: number;
  truncation: "auto" | "disabled";
  usage: Usage | null;
  metadata: Metadata;
};

export type ConversationObject = { id: string; object: "conversation"; created_at: number; metadata: Metadata };

/** Tools as the API echoes them: each with its defaults filled in. */
export function echoTool(tool: JsonObject): JsonObject {
  if (tool["type"] === "function") {
    return {
      type: "function",
      description: readString(tool, "description") ?? null,
      name: readString(tool, "name") ?? "",
      parameters: isObject(tool["parameters"]) ? tool["parameters"] : null,
      strict: readBoolean(tool, "strict") ?? true,
    };
  }
  if (tool["type"] === "file_search") {
    return {
      type: "file_search",
      filters: isObject(tool["filters"]) ? tool["filters"] : null,
      max_num_results: readNumber(tool, "max_num_results") ?? 20,
      ranking_options: { ranker: "auto", score_threshold: 0.0 },
      vector_store_ids: readArray(tool, "vector_store_ids") ?? [],
    };
  }
  return tool;
}

export function readTools(body: JsonObject): JsonObject[] {
  return (readArray(body, "tools") ?? []).filter(isObject).map(echoTool);
}

export type ResponseFields = {
  id: string;
  createdAt: number;
  model: string;
  background: boolean;
  conversationId?: string | undefined;
  previousResponseId: string | null;
  store: boolean;
};

export function responseObject(fields: ResponseFields, body: JsonObject): ResponseObject {
  return {
    id: fields.id,
    object: "response",
    created_at: fields.createdAt,
    status: fields.background ? "queued" : "in_progress",
    background: fields.background,
    completed_at: null,
    ...(fields.conversationId ? { conversation: { id: fields.conversationId } } : {}),
    error: null,
    incomplete_details: null,
    instructions: readString(body, "instructions") ?? null,
    max_output_tokens: readNumber(body, "max_output_tokens") ?? null,
    max_tool_calls: readNumber(body, "max_tool_calls") ?? null,
    model: fields.model,
    output: [],
    parallel_tool_calls: readBoolean(body, "parallel_tool_calls") ?? true,
    previous_response_id: fields.previousResponseId,
    prompt_cache_key: readString(body, "prompt_cache_key") ?? null,
    reasoning: { effort: null, summary: null },
    safety_identifier: readString(body, "safety_identifier") ?? null,
    service_tier: "default",
    store: fields.store,
    temperature: readNumber(body, "temperature") ?? 1.0,
    text: { format: { type: "text" }, verbosity: "medium" },
    tool_choice: body["tool_choice"] ?? "auto",
    tools: readTools(body),
    top_logprobs: readNumber(body, "top_logprobs") ?? 0,
    top_p: readNumber(body, "top_p") ?? 1.0,
    truncation: body["truncation"] === "auto" ? "auto" : "disabled",
    usage: null,
    metadata: readMetadata(body) ?? {},
  };
}

export function outputText(text: string, annotations: unknown[] = []): JsonObject {
  return { type: "output_text", annotations, logprobs: [], text };
}

export function assistantMessage(id: string, content: JsonObject[], status: ItemStatus = "completed"): Item {
  return { id, type: "message", status, content, role: "assistant" };
}

export function functionCallItem(id: string, callId: string, name: string, args: string, status: ItemStatus = "completed"): Item {
  return { id, type: "function_call", status, arguments: args, call_id: callId, name };
}

export function conversationObject(id: string, createdAt: number, metadata: Metadata): ConversationObject {
  return { id, object: "conversation", created_at: createdAt, metadata };
}

export function emptyUsage(): Usage {
  return usageOf(0, 0);
}

export function usageOf(input: number, output: number): Usage {
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: input + output,
  };
}

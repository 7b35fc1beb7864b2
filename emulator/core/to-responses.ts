// Assistants -> Responses/Conversations: a message becomes a conversation item, a run becomes
// the body of a background response on the thread's conversation. Requests the Responses API
// cannot express are refused here, before anything is sent upstream.
import { has, isObject, type JsonObject, readObject, readString } from "../../sim/core/read-body.ts";
import { apiError, fail, notEmulated } from "./errors.ts";
import type { RunObject, Tool } from "./objects.ts";

const ASSISTANT_TOOLS: ReadonlySet<string> = new Set(["code_interpreter", "file_search", "function"]);

/** Tools the Assistants API knew; anything else is refused the way it refused unknown tool types. */
export function checkTools(tools: readonly Tool[]): void {
  for (const [index, tool] of tools.entries()) {
    if (ASSISTANT_TOOLS.has(tool.type)) continue;
    const message = `Invalid value: '${tool.type}'. Supported values are: 'code_interpreter', 'function', and 'file_search'.`;
    fail(apiError(400, message, { param: `tools[${index}].type`, code: "invalid_value" }));
  }
}

function contentPart(part: JsonObject, index: number): JsonObject {
  if (part["type"] === "text") return { type: "input_text", text: readString(part, "text") ?? "" };
  const url = readObject(part, "image_url");
  if (part["type"] === "image_url" && url) return { type: "input_image", image_url: url["url"], detail: url["detail"] ?? "auto" };
  const file = readObject(part, "image_file");
  if (part["type"] === "image_file" && file) return { type: "input_image", file_id: file["file_id"], detail: file["detail"] ?? "auto" };
  return fail(apiError(400, `Invalid content part type '${String(part["type"])}'.`, { param: `content[${index}].type` }));
}

/** A message body (`role`, `content`) as a conversation item. */
export function messageItem(role: "user" | "assistant", content: unknown): JsonObject {
  if (typeof content === "string") return { type: "message", role, content };
  const parts = (Array.isArray(content) ? content : []).filter(isObject);
  if (role === "assistant") {
    // Assistant turns in a conversation hold output text only.
    if (parts.some((part) => part["type"] !== "text")) {
      fail(notEmulated("images in assistant messages", "A conversation's assistant items hold text only.", "content"));
    }
    return { type: "message", role, content: parts.map((part) => readString(part, "text") ?? "").join("\n") };
  }
  return { type: "message", role, content: parts.map(contentPart) };
}

/** What the run's tools may reach: the files and vector stores of the assistant, the thread and attachments. */
export type ToolResources = { codeFileIds: string[]; vectorStoreIds: string[] };

function functionTool(tool: Tool): JsonObject {
  const fn = readObject(tool, "function") ?? {};
  return {
    type: "function",
    name: readString(fn, "name") ?? "",
    ...(has(fn, "description") ? { description: fn["description"] } : {}),
    parameters: readObject(fn, "parameters") ?? { type: "object", properties: {} },
    // The Assistants API's functions were not strict unless asked to be.
    strict: fn["strict"] === true,
  };
}

/**
 * Ranking options keep their score threshold; the Assistants rankers (default_2024_08_21) are
 * not Responses rankers, so any ranker but "auto" is left to the upstream's default.
 */
function rankingOptions(options: JsonObject): JsonObject | undefined {
  const ranking = readObject(options, "ranking_options");
  if (!ranking) return undefined;
  return {
    ...(ranking["ranker"] === "auto" ? { ranker: "auto" } : {}),
    ...(has(ranking, "score_threshold") ? { score_threshold: ranking["score_threshold"] } : {}),
  };
}

function fileSearchTool(tool: Tool, vectorStoreIds: string[]): JsonObject {
  const options = readObject(tool, "file_search") ?? {};
  const ranking = rankingOptions(options);
  return {
    type: "file_search",
    vector_store_ids: vectorStoreIds,
    ...(has(options, "max_num_results") ? { max_num_results: options["max_num_results"] } : {}),
    ...(ranking ? { ranking_options: ranking } : {}),
  };
}

/** The run's tools as Responses tools. file_search without a vector store has nothing to search, so it is left out. */
export function responseTools(tools: readonly Tool[], resources: ToolResources): JsonObject[] {
  return tools.flatMap((tool): JsonObject[] => {
    if (tool.type === "function") return [functionTool(tool)];
    if (tool.type === "code_interpreter")
      return [{ type: "code_interpreter", container: { type: "auto", file_ids: resources.codeFileIds } }];
    if (tool.type === "file_search" && resources.vectorStoreIds.length > 0) return [fileSearchTool(tool, resources.vectorStoreIds)];
    return [];
  });
}

function toolChoice(choice: unknown): unknown {
  if (!isObject(choice)) return choice;
  if (choice["type"] === "function") return { type: "function", name: readString(readObject(choice, "function") ?? {}, "name") ?? "" };
  return { type: choice["type"] };
}

/** response_format -> text.format ("auto" is the default and sends nothing). */
function textFormat(format: unknown): JsonObject | undefined {
  if (!isObject(format)) return undefined;
  if (format["type"] !== "json_schema") return { format: { type: format["type"] } };
  const schema = readObject(format, "json_schema") ?? {};
  return { format: { type: "json_schema", ...schema } };
}

/** Run fields the Responses API has no counterpart for. */
export function checkRunBody(body: JsonObject): void {
  if (has(body, "max_prompt_tokens")) {
    fail(
      notEmulated("max_prompt_tokens", "Responses cannot cap prompt tokens; leave it out (truncation is automatic).", "max_prompt_tokens"),
    );
  }
  const truncation = readObject(body, "truncation_strategy");
  if (truncation && truncation["type"] !== "auto") {
    const reason = "Responses truncate automatically or not at all; use { type: 'auto' } or leave it out.";
    fail(notEmulated(`truncation_strategy of type '${String(truncation["type"])}'`, reason, "truncation_strategy"));
  }
}

/**
 * The body of every background response a run makes on `conversationId` (the run's first one,
 * and each one after submitted tool outputs, which adds `input`).
 */
export function responseRequest(
  run: RunObject,
  conversationId: string,
  resources: ToolResources,
  body: JsonObject,
  include: string[] = [],
): JsonObject {
  const tools = responseTools(run.tools, resources);
  const text = textFormat(run.response_format);
  const effort = readString(body, "reasoning_effort");
  // Code interpreter logs come back only when asked for; file search results when the run asked (include[]).
  const wanted = [
    ...(tools.some((tool) => tool["type"] === "code_interpreter") ? ["code_interpreter_call.outputs"] : []),
    ...(include.some((name) => name.startsWith("step_details.tool_calls[*].file_search.results")) ? ["file_search_call.results"] : []),
  ];
  return {
    model: run.model,
    ...(run.instructions ? { instructions: run.instructions } : {}),
    conversation: conversationId,
    background: true,
    ...(tools.length > 0 ? { tools } : {}),
    ...(run.tool_choice !== "auto" ? { tool_choice: toolChoice(run.tool_choice) } : {}),
    ...(run.parallel_tool_calls ? {} : { parallel_tool_calls: false }),
    // Sent only when changed: reasoning models refuse both parameters.
    ...(run.temperature !== 1 ? { temperature: run.temperature } : {}),
    ...(run.top_p !== 1 ? { top_p: run.top_p } : {}),
    ...(run.max_completion_tokens !== null ? { max_output_tokens: run.max_completion_tokens } : {}),
    ...(text ? { text } : {}),
    ...(effort ? { reasoning: { effort } } : {}),
    ...(has(body, "truncation_strategy") ? { truncation: "auto" } : {}),
    ...(wanted.length > 0 ? { include: wanted } : {}),
  };
}

/**
 * A run on a thread with no messages has nothing to send as `input`, and a response on an empty
 * conversation needs some. The Assistants model saw only the run's instructions then, so they
 * go as a developer message instead (the same context); that item stays in the conversation,
 * where later responses see it too, and is no thread message.
 */
export function emptyThreadStart(request: JsonObject): { request: JsonObject; input: JsonObject[] } {
  const { instructions, ...rest } = request;
  if (typeof instructions !== "string" || instructions === "") {
    const reason = "A response needs input, and the run has neither a message nor instructions; add a message to the thread first.";
    fail(notEmulated("a run on an empty thread without instructions", reason));
  }
  return { request: rest, input: [{ type: "message", role: "developer", content: instructions }] };
}

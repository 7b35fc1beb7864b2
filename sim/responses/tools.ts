// The hosted tools' output items: a file_search_call with what it found and an answer citing
// the files, or a code_interpreter_call with its code and logs and an answer. Results and
// outputs are only sent when the request asked for them in `include`, as the API does.
import type { JsonObject } from "../core/read-body.ts";
import type { FilesService, SearchableFile } from "../files/family.ts";
import type { CodeInterpreterTurn, FileSearchTurn } from "./answers.ts";
import { type Item, assistantMessage, outputText } from "./objects.ts";

export type ToolContext = { newId: (prefix: string) => string; files: FilesService; include: readonly string[] };

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** A plausible, deterministic relevance: the share of query words the file contains. */
function score(queries: readonly string[], text: string): number {
  const wanted = words(queries.join(" "));
  const found = words(text);
  const hits = [...wanted].filter((word) => found.has(word)).length;
  return Math.round((hits / Math.max(1, wanted.size)) * 10000) / 10000;
}

function citedMessage(context: ToolContext, turn: FileSearchTurn, files: readonly SearchableFile[]): Item {
  let text = "";
  const annotations: JsonObject[] = [];
  for (const piece of turn.answer) {
    if (typeof piece === "string") {
      text += piece;
      continue;
    }
    const file = files.find((candidate) => candidate.filename === piece.cite);
    if (!file) return assistantMessage(context.newId("msg"), [outputText(turn.notFound)]);
    annotations.push({ type: "file_citation", file_id: file.fileId, index: text.length, filename: file.filename });
  }
  return assistantMessage(context.newId("msg"), [outputText(text, annotations)]);
}

export function fileSearchOutput(context: ToolContext, turn: FileSearchTurn, tool: JsonObject): Item[] {
  const storeIds = Array.isArray(tool["vector_store_ids"]) ? tool["vector_store_ids"].map(String) : [];
  const files = context.files.searchable(storeIds);
  const results = context.include.includes("file_search_call.results")
    ? files.map((file) => ({
        attributes: {},
        file_id: file.fileId,
        filename: file.filename,
        score: score(turn.queries, file.text),
        text: file.text,
      }))
    : null;
  const call: Item = { id: context.newId("fs"), type: "file_search_call", status: "completed", queries: [...turn.queries], results };
  return [call, citedMessage(context, turn, files)];
}

export function codeInterpreterOutput(context: ToolContext, turn: CodeInterpreterTurn, containerId: string): Item[] {
  const outputs = context.include.includes("code_interpreter_call.outputs") ? [{ type: "logs", logs: turn.logs }] : null;
  const call: Item = {
    id: context.newId("ci"),
    type: "code_interpreter_call",
    status: "completed",
    code: turn.code,
    container_id: containerId,
    outputs,
  };
  return [call, assistantMessage(context.newId("msg"), [outputText(turn.reply)])];
}

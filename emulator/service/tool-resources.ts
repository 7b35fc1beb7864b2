// tool_resources of assistants and threads. `file_search.vector_stores` (vector stores made on
// the fly from file ids) is carried out with the upstream's own vector stores API; the ids of
// the new stores take its place, as the Assistants API did.
import { has, isObject, type JsonObject, readArray, readObject, readString } from "../../sim/core/read-body.ts";
import { codeInterpreterFiles } from "../core/messages.ts";
import type { AssistantObject } from "../core/objects.ts";
import type { Emulator } from "../core/ports.ts";
import type { MessageMeta, ThreadRecord } from "../core/records.ts";
import type { ToolResources } from "../core/to-responses.ts";
import { call } from "./upstream-calls.ts";

async function createVectorStore(emu: Emulator, helper: JsonObject): Promise<string> {
  const body = {
    file_ids: readArray(helper, "file_ids") ?? [],
    ...(has(helper, "chunking_strategy") ? { chunking_strategy: helper["chunking_strategy"] } : {}),
    ...(has(helper, "metadata") ? { metadata: helper["metadata"] } : {}),
  };
  const store = await call(emu, "POST", "/v1/vector_stores", body);
  return readString(store, "id") ?? "";
}

/** The request's tool_resources, with any vector_stores helpers turned into vector_store_ids. */
export async function toolResources(emu: Emulator, body: JsonObject): Promise<JsonObject | undefined> {
  const requested = readObject(body, "tool_resources");
  const fileSearch = requested && readObject(requested, "file_search");
  const helpers = (fileSearch && readArray(fileSearch, "vector_stores"))?.filter(isObject);
  if (!requested || !fileSearch || !helpers) return requested;
  const ids = (readArray(fileSearch, "vector_store_ids") ?? []).filter((id) => typeof id === "string");
  for (const helper of helpers) ids.push(await createVectorStore(emu, helper));
  return { ...requested, file_search: { vector_store_ids: ids } };
}

function strings(resources: JsonObject, tool: string, key: string): string[] {
  const entry = readObject(resources, tool);
  return ((entry && readArray(entry, key)) ?? []).filter((value): value is string => typeof value === "string");
}

/** Everything a run's tools may reach: the assistant's, the thread's and the messages' attachments. */
export function runResources(assistant: AssistantObject, thread: ThreadRecord, messages: readonly MessageMeta[]): ToolResources {
  const sources = [assistant.tool_resources, thread.thread.tool_resources];
  const codeFileIds = [...sources.flatMap((r) => strings(r, "code_interpreter", "file_ids")), ...messages.flatMap(codeInterpreterFiles)];
  const vectorStoreIds = sources.flatMap((r) => strings(r, "file_search", "vector_store_ids"));
  return { codeFileIds: [...new Set(codeFileIds)], vectorStoreIds: [...new Set(vectorStoreIds)] };
}

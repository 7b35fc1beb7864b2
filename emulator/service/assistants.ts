// /v1/assistants: kept in the emulator's store only. The Responses API has no server-side
// assistant, so each run sends the assistant's model, instructions and tools upstream itself.
import { listPage } from "../../sim/core/pagination.ts";
import { bodyObject, has, type JsonObject, readString } from "../../sim/core/read-body.ts";
import { fail, missingParameter } from "../../sim/core/errors.ts";
import { notFound } from "../core/errors.ts";
import { type AssistantObject, assistantObject, deletedObject } from "../core/objects.ts";
import type { Emulator } from "../core/ports.ts";
import { checkTools } from "../core/to-responses.ts";
import type { EmuRequest } from "../core/types.ts";
import { toolResources } from "./tool-resources.ts";

export function getAssistant(emu: Emulator, id: string): AssistantObject {
  return emu.store.assistant(id) ?? fail(notFound("assistant", id));
}

async function build(emu: Emulator, id: string, createdAt: number, body: JsonObject): Promise<AssistantObject> {
  const resources = await toolResources(emu, body);
  const assistant = assistantObject(id, createdAt, resources ? { ...body, tool_resources: resources } : body);
  checkTools(assistant.tools);
  return assistant;
}

export async function createAssistant(emu: Emulator, request: EmuRequest): Promise<AssistantObject> {
  const body = bodyObject(request.body);
  if (!readString(body, "model")) fail(missingParameter("model"));
  const assistant = await build(emu, emu.newId("asst"), emu.clock.now(), body);
  emu.store.putAssistant(assistant);
  return assistant;
}

export const listAssistants = (emu: Emulator, request: EmuRequest) => listPage(emu.store.assistants(), request.query);

export async function modifyAssistant(emu: Emulator, id: string, request: EmuRequest): Promise<AssistantObject> {
  const { id: _id, object: _object, created_at: createdAt, ...current } = getAssistant(emu, id);
  const changes = bodyObject(request.body);
  const merged: JsonObject = { ...current, ...changes };
  // New tools without explicit tool_resources get the default resources of those tools.
  if (has(changes, "tools") && !has(changes, "tool_resources")) delete merged["tool_resources"];
  const assistant = await build(emu, id, createdAt, merged);
  emu.store.putAssistant(assistant);
  return assistant;
}

export function deleteAssistant(emu: Emulator, id: string) {
  getAssistant(emu, id);
  emu.store.deleteAssistant(id);
  return deletedObject(id, "assistant");
}

// A request's `input` (a string or a list of items) as the stored items the API lists later:
// every item gets an id, and message content becomes typed parts.
import { type JsonObject, isObject, readString } from "../core/read-body.ts";
import { type Item, outputText } from "./objects.ts";

export type NewId = (prefix: string) => string;

const ROLES: ReadonlySet<string> = new Set(["user", "assistant", "system", "developer"]);

function messageContent(role: string, content: unknown): unknown[] {
  if (typeof content === "string") return [role === "assistant" ? outputText(content) : { type: "input_text", text: content }];
  return Array.isArray(content) ? content.filter(isObject) : [];
}

function messageItem(newId: NewId, role: string, content: unknown): Item {
  return { id: newId("msg"), type: "message", status: "completed", content: messageContent(role, content), role };
}

function inputItem(newId: NewId, raw: JsonObject): Item | undefined {
  const type = readString(raw, "type") ?? "message";
  const role = readString(raw, "role");
  if (type === "message" && role && ROLES.has(role)) return messageItem(newId, role, raw["content"]);
  if (type === "function_call_output") {
    const output = raw["output"];
    return { id: newId("fco"), type, status: "completed", call_id: readString(raw, "call_id") ?? "", output };
  }
  if (type === "item_reference") return undefined;
  const id = readString(raw, "id");
  return { ...raw, id: id ?? newId(type.slice(0, 3)), type };
}

export function readInput(newId: NewId, input: unknown): Item[] {
  if (typeof input === "string") return [messageItem(newId, "user", input)];
  if (!Array.isArray(input)) return [];
  return input.filter(isObject).flatMap((raw) => inputItem(newId, raw) ?? []);
}

/** The text of a message item's text parts. */
export function itemText(item: Item): string {
  const content = Array.isArray(item["content"]) ? item["content"] : [];
  return content
    .filter(isObject)
    .map((part) => (typeof part["text"] === "string" ? part["text"] : ""))
    .join("\n");
}

export function isUserMessage(item: Item): boolean {
  return item.type === "message" && item["role"] === "user";
}

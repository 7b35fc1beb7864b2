// The only helpers a lesson imports: the TypeScript twins of the tutorials' Python
// helpers `show_json`, `pretty_print`, `time.sleep`, `input()` and Jupyter's `display(Image(…))`.
import { writeFileSync } from "node:fs";
import { currentHost } from "./bridge.ts";
import { imageType } from "./image.ts";

/** Turns an SDK result into the JSON the API sent: list pages become their raw list body. */
export function toApiJson(value: unknown): unknown {
  const page = value as { getPaginatedItems?: unknown; body?: unknown } | null;
  // openai-node keeps a list page's raw body (object, data, first_id, last_id, has_more)
  // on a protected `body` field; the page object itself only exposes `data`/`has_more`.
  const raw = page && typeof page.getPaginatedItems === "function" && page.body !== undefined ? page.body : value;
  return raw === undefined ? null : JSON.parse(JSON.stringify(raw));
}

/** Shows an API object (or list page) as pretty JSON, null fields included. */
export function show_json(value: unknown): void {
  const json = toApiJson(value);
  const host = currentHost();
  if (host) host.display({ kind: "json", value: json });
  else console.log(JSON.stringify(json, null, 2));
}

// Assistants messages hold `{ type: "text", text: { value } }` parts; Responses and Conversations
// items hold `{ type: "input_text" | "output_text", text }` parts, and some items (function calls
// and their outputs) are not messages at all. The SDK's item unions are wide, so fields are read
// as unknown and checked here.
type Entry = { type?: string; role?: string; content?: unknown; name?: unknown; arguments?: unknown; output?: unknown };

function partText(part: { type?: string; text?: unknown } | undefined): string {
  if (typeof part?.text === "string") return part.text;
  const value = (part?.text as { value?: unknown } | undefined)?.value;
  return part?.type === "text" && typeof value === "string" ? value : `[${part?.type ?? "no content"}]`;
}

const asText = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));

function entryLine(entry: Entry): string {
  if (entry.role !== undefined && Array.isArray(entry.content)) return `${entry.role}: ${partText(entry.content[0])}`;
  if (entry.type === "function_call") return `function_call: ${asText(entry.name)}(${asText(entry.arguments)})`;
  if (entry.type === "function_call_output") return `function_call_output: ${asText(entry.output)}`;
  return `${entry.type}: [${entry.type}]`;
}

/** Prints a conversation as `role: text` lines under a "# Messages" heading (messages or items). */
export function pretty_print(messages: Iterable<Entry> | { data: readonly Entry[] }): void {
  const list = Symbol.iterator in messages ? [...messages] : messages.data;
  console.log(["# Messages", ...list.map(entryLine)].join("\n") + "\n");
}

/**
 * Shows an image (such as a chart a tool made) in the report, saved next to it as `name`
 * (reports/NN-slug/name). Run on its own, a lesson saves it in the current folder instead.
 */
export function show_image(data: Uint8Array | ArrayBuffer, name: string): void {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const contentType = imageType(name, bytes);
  const host = currentHost();
  if (host) host.display({ kind: "image", name, contentType, data: bytes });
  else {
    writeFileSync(name, bytes);
    console.log(`saved ${name} (${bytes.length} bytes)`);
  }
}

/** Like Python's `input()`: shows `prompt`, returns the line typed. Replays feed the recorded lines. */
export async function input(prompt: string): Promise<string> {
  const host = currentHost();
  if (host) return host.input(prompt);
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(prompt);
  } finally {
    rl.close();
  }
}

/** Waits `ms` milliseconds. Replays of recorded lessons return at once. */
export function sleep(ms: number): Promise<void> {
  const host = currentHost();
  if (host) return host.sleep(ms);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

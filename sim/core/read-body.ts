// Typed reads of untrusted JSON request bodies. A simulator echoes request fields back the way
// the real API does, so every handler needs "this key if it has the right type, else a default".

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The body as an object; an absent or non-object body reads as {}. */
export function bodyObject(body: unknown): JsonObject {
  return isObject(body) ? body : {};
}

export function readString(body: JsonObject, key: string): string | undefined {
  const value = body[key];
  return typeof value === "string" ? value : undefined;
}

export function readNumber(body: JsonObject, key: string): number | undefined {
  const value = body[key];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function readBoolean(body: JsonObject, key: string): boolean | undefined {
  const value = body[key];
  return typeof value === "boolean" ? value : undefined;
}

export function readArray(body: JsonObject, key: string): unknown[] | undefined {
  const value = body[key];
  return Array.isArray(value) ? value : undefined;
}

export function readObject(body: JsonObject, key: string): JsonObject | undefined {
  const value = body[key];
  return isObject(value) ? value : undefined;
}

/** Metadata is a string map; non-string values are dropped rather than echoed. */
export function readMetadata(body: JsonObject, key = "metadata"): Record<string, string> | undefined {
  const value = readObject(body, key);
  if (!value) return undefined;
  const metadata: Record<string, string> = {};
  for (const [name, entry] of Object.entries(value)) if (typeof entry === "string") metadata[name] = entry;
  return metadata;
}

/** A field that is present but explicitly null means "use the default" in the real API too. */
export function has(body: JsonObject, key: string): boolean {
  return body[key] !== undefined && body[key] !== null;
}

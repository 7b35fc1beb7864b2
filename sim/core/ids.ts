// Deterministic ids like the real ones: a prefix and 24 alphanumerics (asst_OrjUNkXDcvGlpfugB5CRHHjs).
// An id depends on the seed and on the request that made it (method, path, body, and how many
// identical requests came before it), never on how unrelated requests interleaved. So callers
// that race each other, or a request added earlier in a lesson, leave every other id as it was.
import { createHash } from "node:crypto";

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const ID_BODY_LENGTH = 24;

export type RequestKey = { method: string; path: string; body: unknown };

export interface IdSource {
  /** The request whose ids come next. */
  begin(request: RequestKey): void;
  /** A new id: the prefix, the separator (`_`, or `-` for files), 24 alphanumerics. */
  next(prefix: string, separator?: "_" | "-"): string;
}

/** JSON with object keys sorted, so the same body always gives the same key. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, entry]) => `${JSON.stringify(name)}:${canonicalJson(entry)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "";
}

function idBody(text: string): string {
  const digest = createHash("sha256").update(text).digest();
  let body = "";
  for (let i = 0; i < ID_BODY_LENGTH; i++) body += ID_ALPHABET[digest[i]! % ID_ALPHABET.length];
  return body;
}

export function createIdSource(seed: string): IdSource {
  const occurrences = new Map<string, number>();
  const issued = new Set<string>();
  let scope = "";
  let made = 0;
  return {
    begin({ method, path, body }) {
      const key = `${method.toUpperCase()} ${path} ${canonicalJson(body)}`;
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      scope = `${key}\n${occurrence}`;
      made = 0;
    },
    next(prefix, separator = "_") {
      made += 1;
      let id = `${prefix}${separator}${idBody(`${seed}\n${scope}\n${made}`)}`;
      // Two ids can only meet by a hash collision; salting keeps them apart, still deterministically.
      for (let salt = 1; issued.has(id); salt++) id = `${prefix}${separator}${idBody(`${seed}\n${scope}\n${made}\n${salt}`)}`;
      issued.add(id);
      return id;
    },
  };
}

// Error responses with the real API's wording, so lessons that print an error (and fixtures
// rebuilt from this fake) read exactly like a recording of the real service.
import type { FakeResponse } from "./types.ts";

type ErrorDetails = { type?: string; param?: string | null; code?: string | null; headers?: Record<string, string> };

export function apiError(status: number, message: string, details: ErrorDetails = {}): FakeResponse {
  return {
    status,
    headers: details.headers ?? {},
    json: {
      error: {
        message,
        type: details.type ?? "invalid_request_error",
        param: details.param ?? null,
        code: details.code ?? null,
      },
    },
  };
}

export type NotFoundKind = "assistant" | "thread" | "message" | "run" | "run step";

export function notFound(kind: NotFoundKind, id: string): FakeResponse {
  return apiError(404, `No ${kind} found with id '${id}'.`);
}

export function invalidUrl(method: string, path: string): FakeResponse {
  return apiError(404, `Invalid URL (${method} ${path})`);
}

export function missingParameter(param: string): FakeResponse {
  return apiError(400, `Missing required parameter: '${param}'.`, { param, code: "missing_required_parameter" });
}

export function activeRunConflict(threadId: string, runId: string): FakeResponse {
  return apiError(400, `Thread ${threadId} already has an active run ${runId}.`);
}

export function messageDuringRun(threadId: string, runId: string): FakeResponse {
  return apiError(400, `Can't add messages to ${threadId} while a run ${runId} is active.`);
}

export function missingBetaHeader(): FakeResponse {
  return apiError(
    400,
    "You must provide the 'OpenAI-Beta' header to access the Assistants API. Please try again by setting the header 'OpenAI-Beta: assistants=v2'.",
    { code: "invalid_beta" },
  );
}

export function v1BetaHeader(): FakeResponse {
  return apiError(
    400,
    "The v1 Assistants API has been deprecated. Please try the v2 Assistants API by setting the 'OpenAI-Beta: assistants=v2' header. " +
      "See the migration guide for more information: https://platform.openai.com/docs/assistants/migration.",
    { code: "invalid_beta" },
  );
}

/**
 * Masks a key like the real API: first 6 characters, asterisks, last 4. Keys too short to
 * keep anything hidden are masked completely, so the whole key is never echoed.
 */
export function maskApiKey(key: string): string {
  if (key.length < 12) return "*".repeat(Math.max(5, key.length));
  return `${key.slice(0, 6)}${"*".repeat(Math.max(5, key.length - 10))}${key.slice(-4)}`;
}

/** The 401 for a rejected key; reads the Authorization header only to mask it. */
export function invalidApiKey(authorization: string | undefined): FakeResponse {
  const key = authorization?.replace(/^Bearer\s+/i, "").trim() ?? "";
  if (!key) {
    return apiError(
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (i.e. YOUR_KEY), or as the username field with a blank password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
    );
  }
  return apiError(
    401,
    `Incorrect API key provided: ${maskApiKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    { code: "invalid_api_key" },
  );
}

/** The Assistants API was shut down on 2026-08-26; afterwards its routes answered 404. */
export function assistantsApiShutDown(): FakeResponse {
  return apiError(
    404,
    "The Assistants API has been shut down. Please migrate to the Responses API (https://platform.openai.com/docs/guides/migrate-to-responses).",
    { code: "not_found" },
  );
}

/** retry-after-ms: 1 lets the SDK's automatic retries finish at once. */
export function rateLimited(): FakeResponse {
  return apiError(
    429,
    "Rate limit reached for gpt-4o-mini in organization org-lessonbookFakeOrg0000 on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20ms. Visit https://platform.openai.com/account/rate-limits to learn more.",
    { type: "requests", code: "rate_limit_exceeded", headers: { "retry-after-ms": "1" } },
  );
}

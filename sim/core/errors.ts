// Error responses with the real OpenAI API's wording, shared by every family, so lessons that
// print an error (and fixtures rebuilt from a simulator) read like a recording of the service.
import type { SimResponse } from "./types.ts";

type ErrorDetails = { type?: string; param?: string | null; code?: string | null; headers?: Record<string, string> };

export function apiError(status: number, message: string, details: ErrorDetails = {}): SimResponse {
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

/** Thrown by handlers to answer with an error; the simulator turns it back into the response. */
export class SimError extends Error {
  readonly response: SimResponse;
  constructor(response: SimResponse) {
    super("simulated API error response");
    this.response = response;
  }
}

export function fail(response: SimResponse): never {
  throw new SimError(response);
}

export function invalidUrl(method: string, path: string): SimResponse {
  return apiError(404, `Invalid URL (${method} ${path})`);
}

export function missingParameter(param: string): SimResponse {
  return apiError(400, `Missing required parameter: '${param}'.`, { param, code: "missing_required_parameter" });
}

export const INVALID_JSON_MESSAGE =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. " +
  "The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, " +
  "please contact us through our help center at help.openai.com.)";

/**
 * Masks a key like the real API: first 6 characters, asterisks, last 4. Keys too short to
 * keep anything hidden are masked completely, so the whole key is never echoed.
 */
export function maskApiKey(key: string): string {
  if (key.length < 12) return "*".repeat(Math.max(5, key.length));
  return `${key.slice(0, 6)}${"*".repeat(Math.max(5, key.length - 10))}${key.slice(-4)}`;
}

/** The 401 for a rejected key; reads the Authorization header only to mask it. */
export function invalidApiKey(authorization: string | undefined): SimResponse {
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

/** retry-after-ms: 1 lets the SDK's automatic retries finish at once. */
export function rateLimited(): SimResponse {
  return apiError(
    429,
    "Rate limit reached for gpt-4o-mini in organization org-lessonbookFakeOrg0000 on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20ms. Visit https://platform.openai.com/account/rate-limits to learn more.",
    { type: "requests", code: "rate_limit_exceeded", headers: { "retry-after-ms": "1" } },
  );
}

// Turns what goes wrong against a live endpoint into errors that say what to do.
import type { Exchange } from "../fixtures/format.ts";
import { maskUrlPassword } from "../fixtures/redact.ts";

export class LiveGuidanceError extends Error {
  readonly details: readonly string[];
  constructor(message: string, fix: string, cause?: unknown) {
    super(message, { cause });
    this.name = "LiveError";
    this.details = [`Fix: ${fix}`];
  }
}

const SHUTDOWN_PATH = /^\/v1\/(assistants|threads)(\/|$)/;
const COLLECTION_PATH = /^\/v1\/(assistants|threads)\/?$/;

/**
 * On api.openai.com any 404 under /v1/assistants or /v1/threads means the shutdown. On
 * another server, a 404 on the collections themselves (not on an id) can only mean the
 * server does not implement the Assistants API at all.
 */
function isShutdown404(path: string, baseUrl: string): boolean {
  return SHUTDOWN_PATH.test(path) && (new URL(baseUrl).hostname === "api.openai.com" || COLLECTION_PATH.test(path));
}
const apiMessage = (exchange: Exchange | undefined) => {
  const body = exchange?.response.body as { error?: { message?: string } } | undefined;
  return body?.error?.message ?? exchange?.response.text ?? "";
};

/** Guidance for a failed HTTP status, or undefined when the lesson may handle it itself. */
export function statusGuidance(exchange: Exchange, baseUrl: string): LiveGuidanceError | undefined {
  const { status } = exchange.response;
  const shown = maskUrlPassword(baseUrl);
  const where = `${exchange.request.method} ${exchange.request.path}`;
  const said = apiMessage(exchange);
  if (status === 401) return new LiveGuidanceError(`${shown} rejected the API key (401 on ${where}: ${said})`, "check OPENAI_API_KEY in .env or your environment; create a key at https://platform.openai.com/api-keys");
  if (status === 404 && isShutdown404(exchange.request.path, baseUrl)) {
    const host = new URL(baseUrl).host;
    return new LiveGuidanceError(
      `${host} answered 404 to ${where}: the Assistants API is not available there; OpenAI shut it down on 2026-08-26, so /v1/assistants and /v1/threads no longer exist on api.openai.com (${said})`,
      'replay the lesson offline with "npm run lesson N" (no flag), or set OPENAI_BASE_URL to a server that still implements the Assistants API',
    );
  }
  if (status === 429) return new LiveGuidanceError(`${shown} is rate limiting requests (429 on ${where} after the SDK's retries: ${said})`, "wait a minute and run the lesson again, or check your plan's limits at https://platform.openai.com/account/limits");
  return undefined;
}

/** Guidance when a run (a polled response body or a streamed event's data) ends failed or expired. */
export function runGuidance(value: unknown): LiveGuidanceError | undefined {
  const run = value as { object?: string; id?: string; status?: string; last_error?: { code?: string; message?: string } | null } | undefined;
  if (run?.object !== "thread.run" || (run.status !== "failed" && run.status !== "expired")) return undefined;
  const lastError = run.last_error ? `last_error: ${run.last_error.code}: ${run.last_error.message}` : "last_error: null";
  return new LiveGuidanceError(`run ${run.id} ended "${run.status}" (${lastError})`, "run the lesson again; if it keeps failing, check https://status.openai.com and your model access");
}

export function connectionGuidance(baseUrl: string, error: unknown): LiveGuidanceError {
  const codes: string[] = [];
  let credentials = false;
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    // fetch refuses such URLs before connecting; its message would print the password.
    credentials ||= /URL that includes credentials/.test(String((e as { message?: unknown }).message));
  }
  if (credentials) {
    const message = `could not reach ${maskUrlPassword(baseUrl)}: the URL holds a user name or password, which fetch refuses to send`;
    return new LiveGuidanceError(message, "remove them from OPENAI_BASE_URL (the API key goes in OPENAI_API_KEY)", error);
  }
  const reason = codes.includes("ECONNREFUSED") ? "the connection was refused" : codes.some((c) => c === "ENOTFOUND" || c === "EAI_AGAIN") ? "its host name could not be resolved (DNS)" : `the connection failed (${codes[0] ?? (error as Error)?.message ?? "unknown error"})`;
  return new LiveGuidanceError(`could not reach ${maskUrlPassword(baseUrl)}: ${reason}`, "check OPENAI_BASE_URL and your network, or replay offline without --live", error);
}

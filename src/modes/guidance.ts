// Turns what goes wrong against a live endpoint into errors that say what to do.
import { familyOf, objectProblem, type ApiFamily } from "../families/index.ts";
import { CellProblem, fixLine } from "../errors.ts";
import type { Exchange } from "../fixtures/format.ts";
import { maskUrlPassword } from "../fixtures/redact.ts";

export class LiveGuidanceError extends CellProblem {
  readonly fix: string;
  constructor(message: string, fix: string, cause?: unknown) {
    super("LiveError", message, [fixLine(fix)], cause);
    this.fix = fix;
  }
}

/** Cell tag for a cell that gets an API error (4xx) on purpose and catches it, like lesson 8's 404. */
export const EXPECT_API_ERROR_TAG = "expect-api-error";

/** A failed request the lesson caught: it still fails the run, so nothing is written. */
export const caughtGuidance = (error: LiveGuidanceError): LiveGuidanceError =>
  new LiveGuidanceError(
    `${error.message}; the lesson caught the error, but a run with a failed request writes no fixture or report`,
    error.fix,
    error,
  );

/** Guidance for any failed HTTP status; one the lesson may expect says how to mark it. */
export function apiErrorGuidance(exchange: Exchange, baseUrl: string): LiveGuidanceError {
  const guided = statusGuidance(exchange, baseUrl);
  if (guided) return guided;
  const where = `${exchange.request.method} ${exchange.request.path}`;
  return new LiveGuidanceError(
    `${where} failed with ${exchange.response.status} (${apiMessage(exchange) || "no message"})`,
    `fix the request; if the cell gets this error on purpose and catches it, tag the cell with tags=["${EXPECT_API_ERROR_TAG}"]`,
  );
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
  if (status === 401)
    return new LiveGuidanceError(
      `${shown} rejected the API key (401 on ${where}: ${said})`,
      "check OPENAI_API_KEY in .env or your environment; create a key at https://platform.openai.com/api-keys",
    );
  const familyProblem = familyOf(exchange.request.path)?.statusProblem(exchange, baseUrl);
  if (familyProblem) return new LiveGuidanceError(familyProblem.message, familyProblem.fix);
  if (status >= 500) {
    return new LiveGuidanceError(
      `${shown} failed with ${status} on ${where}, also after the SDK's retries (${said || "no message"})`,
      "the server had a problem, not your lesson: wait a moment and run it again; if it keeps failing, check https://status.openai.com or the server's logs",
    );
  }
  if (status === 429)
    return new LiveGuidanceError(
      `${shown} is rate limiting requests (429 on ${where} after the SDK's retries: ${said})`,
      "wait a minute and run the lesson again, or check your plan's limits at https://platform.openai.com/account/limits",
    );
  return undefined;
}

/** A failed API object (a run that ended failed or expired), and the family whose tag excuses it. */
export function objectGuidance(value: unknown): { family: ApiFamily; error: LiveGuidanceError } | undefined {
  const found = objectProblem(value);
  return found && { family: found.family, error: new LiveGuidanceError(found.problem.message, found.problem.fix) };
}

/** A live request that the --timeout abandoned. */
export function timeoutGuidance(baseUrl: string, request: string, ms: number, error: unknown): LiveGuidanceError {
  return new LiveGuidanceError(
    `${request} got no answer from ${maskUrlPassword(baseUrl)} within ${ms / 1000} s`,
    "check that the server is up and answering, or allow longer with --timeout SECONDS",
    error,
  );
}

/** The server answered, then the connection broke before the whole response (or stream) arrived. */
export function droppedGuidance(baseUrl: string, request: string, error: unknown): LiveGuidanceError {
  const code = errorCodes(error)[0];
  return new LiveGuidanceError(
    `the connection to ${maskUrlPassword(baseUrl)} was dropped while receiving the response to ${request}${code ? ` (${code})` : ""}`,
    "run the lesson again; if it keeps happening, check the server's logs or your network (a proxy may cut long responses)",
    error,
  );
}

/** Thrown into a live request that the --timeout abandoned (the traffic door aborts with it). */
export class RequestTimeoutError extends Error {
  readonly request: string;
  readonly ms: number;
  constructor(request: string, ms: number) {
    super(`${request} got no answer within ${ms / 1000} s`);
    this.name = "RequestTimeoutError";
    this.request = request;
    this.ms = ms;
  }
}

function errorChain(error: unknown): { codes: string[]; credentials: boolean; badPort: boolean; timeout?: RequestTimeoutError } {
  const codes: string[] = [];
  let credentials = false;
  let badPort = false;
  let timeout: RequestTimeoutError | undefined;
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    const message = String((e as { message?: unknown }).message);
    // fetch refuses such URLs before connecting; its message would print the password.
    credentials ||= /URL that includes credentials/.test(message);
    // fetch refuses ports that browsers block (6000, 6665–6669, …) with a bare "bad port".
    badPort ||= message === "bad port";
    if (e instanceof RequestTimeoutError) timeout ??= e;
  }
  return { codes, credentials, badPort, timeout };
}

const errorCodes = (error: unknown): string[] => errorChain(error).codes;

export function connectionGuidance(baseUrl: string, error: unknown): LiveGuidanceError {
  const { codes, credentials, badPort, timeout } = errorChain(error);
  if (timeout) return timeoutGuidance(baseUrl, timeout.request, timeout.ms, error);
  if (badPort) {
    const port = new URL(baseUrl).port;
    return new LiveGuidanceError(
      `could not reach ${maskUrlPassword(baseUrl)}: fetch refuses to connect to port ${port} ("bad port"), one of the ports browsers block for safety`,
      "run the server on another port (such as 8787) and point OPENAI_BASE_URL at it",
      error,
    );
  }
  if (credentials) {
    const message = `could not reach ${maskUrlPassword(baseUrl)}: the URL holds a user name or password, which fetch refuses to send`;
    return new LiveGuidanceError(message, "remove them from OPENAI_BASE_URL (the API key goes in OPENAI_API_KEY)", error);
  }
  const reason = codes.includes("ECONNREFUSED")
    ? "the connection was refused"
    : codes.some((c) => c === "ENOTFOUND" || c === "EAI_AGAIN")
      ? "its host name could not be resolved (DNS)"
      : `the connection failed (${codes[0] ?? (error as Error)?.message ?? "unknown error"})`;
  return new LiveGuidanceError(
    `could not reach ${maskUrlPassword(baseUrl)}: ${reason}`,
    "check OPENAI_BASE_URL and your network, or replay offline without --live",
    error,
  );
}

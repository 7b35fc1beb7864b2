// The Assistants API v2 (assistants, threads, messages, runs, run steps), shut down by
// OpenAI on 2026-08-26.
import type { Exchange } from "../fixtures/format.ts";
import type { ApiFamily, FamilyProblem } from "./family.ts";

export const ASSISTANTS_SHUTDOWN_DATE = "2026-08-26";
const OWNED = /^\/v1\/(assistants|threads)(\/|$)/;
const COLLECTION = /^\/v1\/(assistants|threads)\/?$/;

const apiMessage = (exchange: Exchange): string => {
  const body = exchange.response.body as { error?: { message?: string } } | undefined;
  return body?.error?.message ?? exchange.response.text ?? "";
};

/**
 * On api.openai.com any 404 under /v1/assistants or /v1/threads means the shutdown. On
 * another server, a 404 on the collections themselves (not on an id) can only mean the
 * server does not implement the Assistants API at all.
 */
function shutdownProblem(exchange: Exchange, baseUrl: string): FamilyProblem | undefined {
  const { path, method } = exchange.request;
  const onOpenAi = new URL(baseUrl).hostname === "api.openai.com";
  if (exchange.response.status !== 404 || !OWNED.test(path) || !(onOpenAi || COLLECTION.test(path))) return undefined;
  return {
    message: `${new URL(baseUrl).host} answered 404 to ${method} ${path}: the Assistants API is not available there; OpenAI shut it down on ${ASSISTANTS_SHUTDOWN_DATE}, so /v1/assistants and /v1/threads no longer exist on api.openai.com (${apiMessage(exchange)})`,
    fix: 'replay the lesson offline with "npm run lesson N" (no flag), or set OPENAI_BASE_URL to a server that still implements the Assistants API',
  };
}

type RunLike = { object?: string; id?: string; status?: string; last_error?: { code?: string; message?: string } | null };

function runProblem(value: unknown): FamilyProblem | undefined {
  const run = value as RunLike | undefined;
  if (run?.object !== "thread.run" || (run.status !== "failed" && run.status !== "expired")) return undefined;
  const lastError = run.last_error ? `last_error: ${run.last_error.code}: ${run.last_error.message}` : "last_error: null";
  return {
    message: `run ${run.id} ended "${run.status}" (${lastError})`,
    fix: "run the lesson again; if it keeps failing, check https://status.openai.com and your model access",
  };
}

export const assistantsFamily: ApiFamily = {
  name: "assistants",
  title: "Assistants API v2",
  owns: (path) => OWNED.test(path),
  schemaBundle: "assistants-v2.schemas.json",
  statusProblem: shutdownProblem,
  objectProblem: runProblem,
  expectFailureTag: "expect-run-failure",
};

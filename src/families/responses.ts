// The Responses and Conversations APIs (responses, their input items, conversations and their
// items): what replaced the Assistants API, and what part 2 of the course runs live today.
import type { Exchange } from "../fixtures/format.ts";
import type { ApiFamily, FamilyProblem } from "./family.ts";

const OWNED = /^\/v1\/(responses|conversations)(\/|$)/;
const CONVERSATION_PATH = /^\/v1\/conversations\/([^/]+)/;

type ApiErrorBody = { message?: string; code?: string | null; param?: string | null };

const apiError = (exchange: Exchange): ApiErrorBody => (exchange.response.body as { error?: ApiErrorBody } | undefined)?.error ?? {};

const quoted = (message: string | undefined, pattern: RegExp): string | undefined => (message ? pattern.exec(message)?.[1] : undefined);

function modelProblem(error: ApiErrorBody, requested: unknown): FamilyProblem | undefined {
  if (error.code !== "model_not_found") return undefined;
  const model = quoted(error.message, /model '([^']*)'/) ?? (typeof requested === "string" ? requested : "?");
  return {
    message: `the model "${model}" does not exist, or your project cannot use it (${error.message})`,
    fix: 'use a model your project can access, such as "gpt-4o-mini": see https://platform.openai.com/docs/models and your project\'s limits at https://platform.openai.com/settings/organization/limits',
  };
}

function stateProblem(error: ApiErrorBody): FamilyProblem | undefined {
  if (error.code === "mutually_exclusive_parameters") {
    return {
      message: `previous_response_id and conversation were both given, and a response continues from one or the other (${error.message})`,
      fix: "keep a conversation's state in the conversation (pass conversation only), or chain responses yourself (pass previous_response_id only)",
    };
  }
  if (error.code === "previous_response_not_found") {
    return {
      message: `${error.message} A response can only be continued while it is stored: not made with store: false, not deleted, and less than 30 days old`,
      fix: "continue from a response this run created (store left on), or start a new chain without previous_response_id",
    };
  }
  return undefined;
}

/** A conversation id that does not exist (deleted, mistyped, or made with another key or project). */
function conversationProblem(exchange: Exchange, error: ApiErrorBody): FamilyProblem | undefined {
  const { status, path, body } = { ...exchange.request, status: exchange.response.status };
  if (status !== 404) return undefined;
  const requested = (body as { conversation?: unknown } | undefined)?.conversation;
  const fromBody = typeof requested === "string" ? requested : (requested as { id?: string } | undefined)?.id;
  const id = quoted(error.message, /Conversation with id '([^']*)'/) ?? CONVERSATION_PATH.exec(path)?.[1] ?? fromBody;
  if (!id || !/^Conversation with id/.test(error.message ?? "")) return undefined;
  return {
    message: `conversation ${id} does not exist: it was deleted, or it belongs to another project or API key (${error.message})`,
    fix: "create one with client.conversations.create() and use the id it returns; run the lesson from its first cell so its setup cells make one",
  };
}

function rateProblem(exchange: Exchange, error: ApiErrorBody, baseUrl: string): FamilyProblem | undefined {
  if (exchange.response.status !== 429) return undefined;
  const where = `${exchange.request.method} ${exchange.request.path}`;
  if (error.code === "insufficient_quota") {
    return {
      message: `${new URL(baseUrl).host} refused ${where}: the project has no credit left (429 insufficient_quota: ${error.message})`,
      fix: "add credit or raise the budget at https://platform.openai.com/settings/organization/billing, then run the lesson again",
    };
  }
  return {
    message: `${new URL(baseUrl).host} is rate limiting ${where} for this model, also after the SDK's retries (429: ${error.message})`,
    fix: "wait a minute and run the lesson again; your limits per model (requests and tokens per minute) are at https://platform.openai.com/settings/organization/limits",
  };
}

function statusProblem(exchange: Exchange, baseUrl: string): FamilyProblem | undefined {
  if (exchange.response.status < 400) return undefined;
  const error = apiError(exchange);
  const requested = (exchange.request.body as { model?: unknown } | undefined)?.model;
  return (
    modelProblem(error, requested) ?? stateProblem(error) ?? conversationProblem(exchange, error) ?? rateProblem(exchange, error, baseUrl)
  );
}

type ResponseLike = { object?: string; id?: string; status?: string; error?: { code?: string; message?: string } | null };

/** A response that ended `failed`, as a body or inside a streamed `response.failed` event. */
function responseProblem(value: unknown): FamilyProblem | undefined {
  const event = value as { type?: string; response?: ResponseLike } | undefined;
  const response = event?.type === "response.failed" ? event.response : (value as ResponseLike | undefined);
  if (response?.object !== "response" || response.status !== "failed") return undefined;
  const detail = response.error ? `error: ${response.error.code}: ${response.error.message}` : "error: null";
  return {
    message: `response ${response.id} ended "failed" (${detail})`,
    fix: "run the lesson again; if it keeps failing, check https://status.openai.com and your model access",
  };
}

export const responsesFamily: ApiFamily = {
  name: "responses",
  title: "Responses and Conversations APIs",
  owns: (path) => OWNED.test(path),
  schemaBundle: "responses.schemas.json",
  statusProblem,
  objectProblem: responseProblem,
  expectFailureTag: "expect-response-failure",
};

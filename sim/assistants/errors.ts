// Errors only the Assistants API gave, in its own wording.
import { apiError } from "../core/errors.ts";
import type { SimResponse } from "../core/types.ts";

export type NotFoundKind = "assistant" | "thread" | "message" | "run" | "run step";

export function notFound(kind: NotFoundKind, id: string): SimResponse {
  return apiError(404, `No ${kind} found with id '${id}'.`);
}

export function activeRunConflict(threadId: string, runId: string): SimResponse {
  return apiError(400, `Thread ${threadId} already has an active run ${runId}.`);
}

export function messageDuringRun(threadId: string, runId: string): SimResponse {
  return apiError(400, `Can't add messages to ${threadId} while a run ${runId} is active.`);
}

export function missingBetaHeader(): SimResponse {
  return apiError(
    400,
    "You must provide the 'OpenAI-Beta' header to access the Assistants API. Please try again by setting the header 'OpenAI-Beta: assistants=v2'.",
    { code: "invalid_beta" },
  );
}

export function v1BetaHeader(): SimResponse {
  return apiError(
    400,
    "The v1 Assistants API has been deprecated. Please try the v2 Assistants API by setting the 'OpenAI-Beta: assistants=v2' header. " +
      "See the migration guide for more information: https://platform.openai.com/docs/assistants/migration.",
    { code: "invalid_beta" },
  );
}

/** The Assistants API was shut down on 2026-08-26; afterwards its routes answered 404. */
export function assistantsApiShutDown(): SimResponse {
  return apiError(
    404,
    "The Assistants API has been shut down. Please migrate to the Responses API (https://platform.openai.com/docs/guides/migrate-to-responses).",
    { code: "not_found" },
  );
}

// Errors only the Responses and Conversations APIs give, in their own wording.
import { apiError } from "../core/errors.ts";
import type { SimResponse } from "../core/types.ts";

export function responseNotFound(id: string): SimResponse {
  return apiError(404, `Response with id '${id}' not found.`);
}

export function conversationNotFound(id: string): SimResponse {
  return apiError(404, `Conversation with id '${id}' not found.`);
}

export function itemNotFound(id: string): SimResponse {
  return apiError(404, `Item with id '${id}' not found.`);
}

/** A previous_response_id that is unknown, deleted or was never stored (`store: false`). */
export function previousResponseNotFound(id: string): SimResponse {
  return apiError(400, `Previous response with id '${id}' not found.`, {
    param: "previous_response_id",
    code: "previous_response_not_found",
  });
}

/** The two ways of carrying state cannot be combined in one request. */
export function stateConflict(): SimResponse {
  return apiError(400, "Mutually exclusive parameters. Ensure you are only providing one of: 'previous_response_id' or 'conversation'.", {
    code: "mutually_exclusive_parameters",
  });
}

export function modelNotFound(model: string): SimResponse {
  return apiError(400, `The requested model '${model}' does not exist.`, { param: "model", code: "model_not_found" });
}

export function notCancellable(): SimResponse {
  return apiError(400, "Only responses created with background=true can be cancelled.");
}

export function alreadyFinished(status: string): SimResponse {
  return apiError(400, `Cannot cancel a response with status '${status}'.`);
}

export function backgroundNeedsStore(): SimResponse {
  return apiError(400, "Background responses must be stored: set store to true or leave it out.", { param: "background" });
}

export function unknownToolOutput(callId: string): SimResponse {
  return apiError(400, `No tool call found for function call output with call_id ${callId}.`, { param: "input" });
}

// The Responses family's live guidance, from exchanges shaped like the API's own failures.
import { describe, expect, it } from "vitest";
import { familyOf, objectProblem } from "../src/families/index.ts";
import type { Exchange } from "../src/fixtures/format.ts";
import { statusGuidance } from "../src/modes/guidance.ts";

const BASE = "https://api.openai.com/v1";

function failed(method: string, path: string, status: number, error: Record<string, string>, body?: Record<string, string>): Exchange {
  return {
    at: 0,
    request: { method, path, query: {}, headers: {}, ...(body ? { body } : {}) },
    response: { status, headers: {}, body: { error: { type: "invalid_request_error", param: null, code: null, ...error } } },
  };
}

const said = (exchange: Exchange) => {
  const guidance = statusGuidance(exchange, BASE);
  return guidance ? [guidance.message, ...guidance.details] : undefined;
};

describe("the Responses family", () => {
  it("owns /v1/responses and /v1/conversations, and nothing of part 1", () => {
    expect(familyOf("/v1/responses")?.name).toBe("responses");
    expect(familyOf("/v1/responses/resp_1/input_items")?.name).toBe("responses");
    expect(familyOf("/v1/conversations/conv_1/items")?.name).toBe("responses");
    expect(familyOf("/v1/threads/thread_1")?.name).toBe("assistants");
    expect(familyOf("/v1/responsesx")).toBeUndefined();
  });

  it("explains a model that does not exist", () => {
    const exchange = failed(
      "POST",
      "/v1/responses",
      400,
      { message: "The requested model 'gpt-4o-mnii' does not exist.", param: "model", code: "model_not_found" },
      { model: "gpt-4o-mnii" },
    );
    expect(said(exchange)).toEqual([
      `the model "gpt-4o-mnii" does not exist, or your project cannot use it (The requested model 'gpt-4o-mnii' does not exist.)`,
      `Fix: use a model your project can access, such as "gpt-4o-mini": see https://platform.openai.com/docs/models and your project's limits at https://platform.openai.com/settings/organization/limits`,
    ]);
  });

  it("explains a conversation id that does not exist, on its own path or in a response request", () => {
    const message = "Conversation with id 'conv_gone' not found.";
    const expected = [
      `conversation conv_gone does not exist: it was deleted, or it belongs to another project or API key (${message})`,
      "Fix: create one with client.conversations.create() and use the id it returns; run the lesson from its first cell so its setup cells make one",
    ];
    expect(said(failed("GET", "/v1/conversations/conv_gone/items", 404, { message }))).toEqual(expected);
    expect(said(failed("POST", "/v1/responses", 404, { message }, { model: "gpt-4o-mini", conversation: "conv_gone" }))).toEqual(expected);
    // Any other 404 (an unknown response id) is left to the lesson, which may catch it.
    expect(said(failed("GET", "/v1/responses/resp_gone", 404, { message: "Response with id 'resp_gone' not found." }))).toBeUndefined();
  });

  it("explains previous_response_id and conversation together, and a previous response that is gone", () => {
    const both = failed("POST", "/v1/responses", 400, {
      message: "Mutually exclusive parameters. Ensure you are only providing one of: 'previous_response_id' or 'conversation'.",
      code: "mutually_exclusive_parameters",
    });
    expect(said(both)).toEqual([
      "previous_response_id and conversation were both given, and a response continues from one or the other (Mutually exclusive parameters. Ensure you are only providing one of: 'previous_response_id' or 'conversation'.)",
      "Fix: keep a conversation's state in the conversation (pass conversation only), or chain responses yourself (pass previous_response_id only)",
    ]);
    const gone = failed("POST", "/v1/responses", 400, {
      message: "Previous response with id 'resp_old' not found.",
      param: "previous_response_id",
      code: "previous_response_not_found",
    });
    expect(said(gone)?.[0]).toBe(
      "Previous response with id 'resp_old' not found. A response can only be continued while it is stored: not made with store: false, not deleted, and less than 30 days old",
    );
  });

  it("tells a rate limit from an exhausted quota", () => {
    const limited = failed("POST", "/v1/responses", 429, {
      message: "Rate limit reached for gpt-4o-mini on tokens per min (TPM).",
      code: "rate_limit_exceeded",
    });
    expect(said(limited)).toEqual([
      "api.openai.com is rate limiting POST /v1/responses for this model, also after the SDK's retries (429: Rate limit reached for gpt-4o-mini on tokens per min (TPM).)",
      "Fix: wait a minute and run the lesson again; your limits per model (requests and tokens per minute) are at https://platform.openai.com/settings/organization/limits",
    ]);
    const broke = failed("POST", "/v1/responses", 429, { message: "You exceeded your current quota.", code: "insufficient_quota" });
    expect(said(broke)?.[0]).toBe(
      "api.openai.com refused POST /v1/responses: the project has no credit left (429 insufficient_quota: You exceeded your current quota.)",
    );
  });

  it("reports a response that ended failed, as a body or as a streamed event, and nothing else", () => {
    const response = {
      object: "response",
      id: "resp_1",
      status: "failed",
      error: { code: "server_error", message: "Sorry, something went wrong." },
    };
    const expected = {
      message: 'response resp_1 ended "failed" (error: server_error: Sorry, something went wrong.)',
      fix: expect.any(String),
    };
    expect(objectProblem(response)?.problem).toEqual(expected);
    expect(objectProblem({ type: "response.failed", sequence_number: 2, response })?.problem).toEqual(expected);
    expect(objectProblem(response)?.family.expectFailureTag).toBe("expect-response-failure");
    expect(objectProblem({ ...response, status: "cancelled" })).toBeUndefined();
    expect(objectProblem({ type: "response.completed", response: { ...response, status: "completed" } })).toBeUndefined();
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, SHORT_TUTOR, apiErrorOf, firstText, oneSecondPerRequest, startHarness } from "./sdk-harness.ts";

let harness: Harness;
// Each request arrives a second after the one before, so timestamps show the order of events.
beforeEach(async () => {
  harness = await startHarness({ clock: oneSecondPerRequest() });
});
afterEach(async () => {
  await harness.server.close();
});

async function askedThread() {
  const assistant = await harness.client.beta.assistants.create(SHORT_TUTOR);
  const thread = await harness.client.beta.threads.create({ messages: [{ role: "user", content: "Thank you!" }] });
  return { assistant, thread };
}

describe("error scenarios", () => {
  it("rejectKey answers 401 invalid_api_key with the key masked, and is not retried", async () => {
    harness.server.scenario.rejectKey = true;
    const failure = await apiErrorOf(harness.client.beta.assistants.create(SHORT_TUTOR));
    expect(failure).toEqual({
      status: 401,
      name: "AuthenticationError",
      error: {
        message: "Incorrect API key provided: sk-tes*****fake. You can find your API key at https://platform.openai.com/account/api-keys.",
        type: "invalid_request_error",
        param: null,
        code: "invalid_api_key",
      },
    });
    expect(JSON.stringify(failure)).not.toContain("sk-test-fake");
    expect(harness.server.requestCount()).toBe(1);
  });

  it("shutdown answers every Assistants API route with the post-shutdown 404 until it is switched off", async () => {
    const { thread } = await askedThread();
    harness.server.scenario.shutdown = true;
    const shutDown = {
      message:
        "The Assistants API has been shut down. Please migrate to the Responses API (https://platform.openai.com/docs/guides/migrate-to-responses).",
      type: "invalid_request_error",
      param: null,
      code: "not_found",
    };
    expect(await apiErrorOf(harness.client.beta.assistants.list())).toEqual({ status: 404, name: "NotFoundError", error: shutDown });
    expect((await apiErrorOf(harness.client.beta.threads.retrieve(thread.id))).error).toEqual(shutDown);
    harness.server.scenario.shutdown = false;
    await expect(harness.client.beta.threads.retrieve(thread.id)).resolves.toMatchObject({ id: thread.id });
  });

  it("rateLimit answers 429 with retry-after-ms: 1, so the SDK's two retries finish at once", async () => {
    harness.server.scenario.rateLimit = true;
    const failure = await apiErrorOf(harness.client.beta.threads.create());
    expect(failure).toMatchObject({
      status: 429,
      name: "RateLimitError",
      error: { type: "requests", param: null, code: "rate_limit_exceeded" },
    });
    expect((failure.error as { message: string }).message).toMatch(/^Rate limit reached for gpt-4o-mini .* Please try again in 20ms\. /);
    expect(harness.server.requestCount()).toBe(3);
    const raw = await fetch(`${harness.server.baseUrl}/threads`, { method: "POST", headers: { authorization: "Bearer sk-test-fake" } });
    expect([raw.status, raw.headers.get("retry-after-ms")]).toEqual([429, "1"]);
  });

  it("runOutcome failed ends polled runs with failed_at and a server_error, and writes no answer", async () => {
    const { assistant, thread } = await askedThread();
    harness.server.scenario.runOutcome = "failed";
    const run = await harness.client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id });
    expect(run).toMatchObject({
      status: "failed",
      completed_at: null,
      expires_at: null,
      last_error: { code: "server_error", message: "Sorry, something went wrong." },
    });
    expect(run.failed_at).toBeGreaterThan(run.created_at);
    expect((await harness.client.beta.threads.messages.list(thread.id)).data.map(firstText)).toEqual(["Thank you!"]);
  });

  it("fails polled runs of the question the answer table marks as failed, with the scenario left at completed", async () => {
    const assistant = await harness.client.beta.assistants.create(SHORT_TUTOR);
    const thread = await harness.client.beta.threads.create({ messages: [{ role: "user", content: "Can you graph y = x^2 for me?" }] });
    let run = await harness.client.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    const seen = [run.status];
    while (run.status === "queued" || run.status === "in_progress") {
      run = await harness.client.beta.threads.runs.retrieve(run.id, { thread_id: thread.id });
      seen.push(run.status);
    }
    expect(seen).toEqual(["queued", "in_progress", "failed"]);
    expect(run).toMatchObject({
      completed_at: null,
      expires_at: null,
      usage: { total_tokens: 0 },
      last_error: { code: "server_error", message: "Sorry, something went wrong." },
    });
    expect(run.failed_at).toBeGreaterThan(run.started_at!);
    expect((await harness.client.beta.threads.messages.list(thread.id)).data.map(firstText)).toEqual(["Can you graph y = x^2 for me?"]);
    // The thread is free again: a new question gets an answer.
    await harness.client.beta.threads.messages.create(thread.id, { role: "user", content: "Thank you!" });
    expect((await harness.client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id })).status).toBe("completed");
  });

  it("runOutcome expired ends streamed runs with thread.run.expired and no error", async () => {
    const { assistant, thread } = await askedThread();
    harness.server.scenario.runOutcome = "expired";
    const stream = harness.client.beta.threads.runs.stream(thread.id, { assistant_id: assistant.id });
    const names: string[] = [];
    for await (const event of stream) names.push(event.event);
    expect(names).toEqual(["thread.run.created", "thread.run.queued", "thread.run.in_progress", "thread.run.expired"]);
    expect(await stream.finalRun()).toMatchObject({ status: "expired", last_error: null, expires_at: expect.any(Number) as unknown });
  });

  it("refuses requests without the OpenAI-Beta: assistants=v2 header", async () => {
    const response = await fetch(`${harness.server.baseUrl}/assistants`, { headers: { authorization: "Bearer sk-test-fake" } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        message:
          "You must provide the 'OpenAI-Beta' header to access the Assistants API. Please try again by setting the header 'OpenAI-Beta: assistants=v2'.",
        type: "invalid_request_error",
        param: null,
        code: "invalid_beta",
      },
    });
  });
});

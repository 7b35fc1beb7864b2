// %% [markdown] id="intro"
// # Lesson 25: Background responses and polling
//
// A plain `responses.create()` call holds the connection open until the answer is
// written. That is fine for a tutor's short answers, but a long task (a big report, a
// lot of tool use) could outlast your HTTP timeout. For those, ask for a **background**
// response: the API accepts the request at once and works on it while you poll, just
// as with a run.
//
// **This lesson replaces lessons 4, 5, 8 and 10**: a queued run, `wait_on_run`, the run
// lifecycle with cancelling and failures, and the SDK's polling helpers.

// %% [markdown] id="setup-note"
// The setup cells below recreate the client and the tutor's configuration from lesson 21.

// %% Recreate the client id="recreate-client" tags=["setup"]
import OpenAI from "openai";
import dotenv from "dotenv";
dotenv.config({ quiet: true });
const client = new OpenAI();

// %% Recreate the tutor's configuration id="recreate-configuration" tags=["setup"]
const MODEL = "gpt-4o-mini";
const INSTRUCTIONS = "You are a personal math tutor. Answer questions briefly, in a sentence or less.";
const QUESTION = "I need to solve the equation `3x^2 + 11x - 10 = 0`. Can you help me?";

// %% [markdown] id="start-in-background"
// ## Start a response in the background
//
// Add `background: true`. What comes back is a receipt, like the queued run of lesson 4:
// `status` is `"queued"`, `output` is empty and `usage` is `null`.

// %% Start a background response id="start-background"
import { show_json } from "../src/helpers/index.ts";
let response = await client.responses.create({
  model: MODEL,
  instructions: INSTRUCTIONS,
  input: QUESTION,
  background: true,
});
show_json(response);

// %% [markdown] id="polling-helper"
// ## Poll until it is done
//
// `wait_on_response` is lesson 5's `wait_on_run`, with one argument fewer: a response
// needs no thread id, so `responses.retrieve(id)` is all it takes. It prints each new
// status and pauses half a second between polls.

// %% Define wait_on_response id="define-wait-on-response"
import { sleep } from "../src/helpers/index.ts";
import type { Response } from "openai/resources/responses/responses";
async function wait_on_response(response: Response): Promise<Response> {
  let lastStatus = response.status;
  console.log(lastStatus);
  while (response.status === "queued" || response.status === "in_progress") {
    await sleep(500);
    response = await client.responses.retrieve(response.id);
    if (response.status !== lastStatus) {
      lastStatus = response.status;
      console.log(lastStatus);
    }
  }
  return response;
}

// %% Wait for the response id="wait-for-response"
response = await wait_on_response(response);
console.log(response.output_text);

// %% [markdown] id="every-status"
// ## Every response status
//
// Fewer statuses than a run had, because a response never stops to wait for you:
// function calls end the response instead (lesson 29), and nothing expires.
//
// | Status | What it means |
// | --- | --- |
// | `queued` | Accepted, waiting to start (background only). |
// | `in_progress` | The model is working (seen when polling or streaming). |
// | `completed` | Done: the answer is in `output`. |
// | `failed` | Something went wrong; `error` says what. |
// | `cancelled` | You cancelled it (background only). |
// | `incomplete` | It stopped early, for example at `max_output_tokens`; see `incomplete_details`. |
//
// There is no `createAndPoll` helper for responses, and you rarely need one: without
// `background`, `responses.create()` already waits for the answer. Poll only what you
// started in the background.

// %% [markdown] id="cancel"
// ## Cancel a background response
//
// `responses.cancel(id)` stops a background response. Unlike a run, which went through
// `cancelling`, the response comes back `"cancelled"` straight away. Only background
// responses can be cancelled; a plain one has finished before you could ask.

// %% Start a response and cancel it id="start-and-cancel"
const started = await client.responses.create({
  model: MODEL,
  instructions: INSTRUCTIONS,
  input: QUESTION,
  background: true,
});
const cancelled = await client.responses.cancel(started.id);
console.log(cancelled.status);
console.log(cancelled.output.length, cancelled.completed_at);

// %% [markdown] id="when-a-request-fails"
// ## When a request fails
//
// The SDK's errors are the same as in part 1: `OpenAI.APIError` and its subclasses by
// status. Asking for a response that does not exist is a `NotFoundError`.

// %% Retrieve a response that does not exist id="retrieve-missing-response"
try {
  await client.responses.retrieve("resp_doesNotExist000000000");
} catch (error) {
  if (error instanceof OpenAI.APIError) console.log(error.constructor.name, error.status, error.message);
  else throw error;
}

// %% [markdown] id="when-a-response-fails"
// ## When a response fails
//
// As with runs, a response can fail after it was accepted. Then no request throws:
// `retrieve()` returns normally with `status: "failed"`, and `error` holds a `code` and
// a `message`. Real responses fail only now and then, so the recording this lesson
// replays contains one on purpose: lesson 8's question about a graph, in the background.
// (Run live, it will most likely be answered instead.)

// %% A response that fails id="response-that-fails" tags=["expect-response-failure"]
let graph = await client.responses.create({
  model: MODEL,
  instructions: INSTRUCTIONS,
  input: "Can you graph y = x^2 for me?",
  background: true,
});
graph = await wait_on_response(graph);
console.log(graph.error);

// %% [markdown] id="check-the-outcome"
// The lesson is the same as in lesson 8: check `status` before you trust `output`. Here
// is `check_run` for responses, tried on the three responses of this lesson.

// %% Check how each response ended id="check-outcomes"
function check_response(response: Response): boolean {
  if (response.status === "completed") return true;
  console.log(`The response ended "${response.status}".`);
  if (response.error) console.log(`${response.error.code}: ${response.error.message}`);
  return false;
}
console.log(check_response(response));
console.log(check_response(cancelled));
console.log(check_response(graph));

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - `background: true` returns a `queued` response at once; poll it with
//   `responses.retrieve(id)` until it leaves `queued` and `in_progress`.
// - Without `background`, `responses.create()` waits for the answer, so there is no
//   poll helper to learn.
// - `responses.cancel(id)` cancels a background response at once.
// - Failed requests throw `OpenAI.APIError` subclasses; a failed response throws
//   nothing, so check `status` and read `error`.
//
// **Next:** in lesson 26 the tutor serves several learners at once.

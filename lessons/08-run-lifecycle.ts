// %% [markdown] id="intro"
// # Lesson 8: Run lifecycle and errors
//
// So far every run went `queued`, `in_progress`, `completed`, and every request
// succeeded. Real applications need to handle the other paths too. In this lesson you
// steer a single run with its own instructions, cancel a run, catch an API error, and
// check how a run ended before you trust its answer.

// %% [markdown] id="setup-note"
// The setup cells below recreate the client, the assistant and the `wait_on_run` helper from lessons 1–6.

// %% Recreate the client id="recreate-client" tags=["setup"]
import OpenAI from "openai";
import dotenv from "dotenv";
dotenv.config({ quiet: true });
const client = new OpenAI();

// %% Recreate the assistant id="recreate-assistant" tags=["setup"]
const assistant = await client.beta.assistants.create({
  name: "Math Tutor",
  instructions: "You are a personal math tutor. Answer questions briefly, in a sentence or less.",
  model: "gpt-4o-mini",
});

// %% Recreate wait_on_run id="recreate-wait-on-run" tags=["setup"]
import { sleep } from "../src/helpers/index.ts";
import type { Run } from "openai/resources/beta/threads/runs/runs";
import type { Thread } from "openai/resources/beta/threads/threads";
async function wait_on_run(run: Run, thread: Thread): Promise<Run> {
  while (run.status === "queued" || run.status === "in_progress") {
    run = await client.beta.threads.runs.retrieve(run.id, { thread_id: thread.id });
    await sleep(500);
  }
  return run;
}

// %% [markdown] id="instructions-for-one-run"
// ## Instructions for one run
//
// In lesson 4 we started a run whose `instructions` replaced the assistant's, but never
// read its answer. Let's finish that now, on a fresh thread that holds the question.

// %% Run with per-run instructions id="run-with-instructions"
const QUESTION = "I need to solve the equation `3x^2 + 11x - 10 = 0`. Can you help me?";
const thread = await client.beta.threads.create({ messages: [{ role: "user", content: QUESTION }] });
let run = await client.beta.threads.runs.create(thread.id, {
  assistant_id: assistant.id,
  instructions: "Please address the user as Jane Doe. The user has a premium account.",
});
run = await wait_on_run(run, thread);
console.log(run.status);
console.log(run.instructions);

// %% Read the answer id="read-answer"
const messages = await client.beta.threads.messages.list(thread.id);
const answer = messages.data[0]?.content[0];
if (answer?.type === "text") console.log(answer.text.value);

// %% [markdown] id="override-is-per-run"
// The answer greets Jane Doe, as this run was told to, and that is all it does. The
// run's `instructions` *replaced* the tutor's, so nothing told it that it is a math tutor
// or that it should answer briefly: it replies like a general-purpose assistant and does
// not even solve the equation. The source tutorial's real run answered the same way. To
// keep the tutor and add the name, pass the extra text as `additional_instructions`,
// which is appended to the assistant's instructions instead of replacing them.
//
// The override lived only on the run: the assistant itself still has its original
// instructions.

// %% Check the assistant's instructions id="check-assistant-instructions"
const stored = await client.beta.assistants.retrieve(assistant.id);
console.log(stored.instructions);

// %% [markdown] id="cancel-a-run"
// ## Cancel a run
//
// A run that is no longer needed, say because the user closed the chat, can be
// cancelled. Let's start one on another fresh thread and cancel it straight away.

// %% Start a run and cancel it id="start-and-cancel-run"
const thread2 = await client.beta.threads.create({ messages: [{ role: "user", content: QUESTION }] });
const run2 = await client.beta.threads.runs.create(thread2.id, { assistant_id: assistant.id });
let cancelled = await client.beta.threads.runs.cancel(run2.id, { thread_id: thread2.id });
console.log(cancelled.status);

// %% [markdown] id="cancelling-is-a-request"
// The status is `cancelling`, not `cancelled`. Cancelling is a request, like creating a
// run: the API accepts it at once and finishes it in the background. So we poll again,
// this time while the run is `cancelling`, printing each new status.

// %% Wait until the run is cancelled id="wait-until-cancelled"
import { show_json } from "../src/helpers/index.ts";
while (cancelled.status === "cancelling") {
  cancelled = await client.beta.threads.runs.retrieve(cancelled.id, { thread_id: thread2.id });
  if (cancelled.status !== "cancelling") console.log(cancelled.status);
  await sleep(500);
}
show_json(cancelled);

// %% [markdown] id="cancelled-run-fields"
// `cancelled_at` now records when the run stopped. `started_at` and `completed_at` are
// `null`: the assistant never got to work, so nothing was added to the thread.

// %% List the second thread's messages id="list-second-thread"
import { pretty_print } from "../src/helpers/index.ts";
pretty_print(await client.beta.threads.messages.list(thread2.id, { order: "asc" }));

// %% [markdown] id="thread-free-again"
// Only our question is there. A cancelled run no longer counts as active, so the thread
// is free again for new messages and runs.

// %% [markdown] id="when-a-request-fails"
// ## When a request fails
//
// If the API rejects a request, the SDK throws. Every such error is an
// `OpenAI.APIError`, and the SDK picks a subclass from the HTTP status:
// `BadRequestError` (400), `AuthenticationError` (401), `NotFoundError` (404),
// `RateLimitError` (429), `InternalServerError` (500 and above), and a few more. A
// network problem without any response is an `OpenAI.APIConnectionError`.
//
// Let's ask for a thread that does not exist and catch what comes back.

// %% Retrieve a thread that does not exist id="retrieve-missing-thread" tags=["expect-api-error"]
try {
  await client.beta.threads.retrieve("thread_doesNotExist000000000");
} catch (error) {
  if (error instanceof OpenAI.APIError) console.log(error.constructor.name, error.status, error.message);
  else throw error;
}

// %% [markdown] id="not-found-error"
// We got a `NotFoundError` with status 404, and its `message` (which starts with the
// status) repeats the API's own explanation. Catch the error classes you know how to
// handle, such as `OpenAI.NotFoundError` for a stale id, and rethrow the rest.
//
// Note what the SDK did **not** do: retry. It retries on its own (twice by default,
// with a growing pause) only when trying again might help: connection errors, 408,
// 409, 429 and 500 and above. A 404 will not change if you ask again, so the error
// reached our code after a single request. `new OpenAI({ maxRetries: 5 })` changes the
// number of retries, and `{ maxRetries: 0 }` as a request's last argument turns them off.

// %% [markdown] id="when-a-run-fails"
// ## When a run fails
//
// A run can also go wrong *after* it was created. Then no request fails:
// `runs.retrieve()` returns normally, but the run ends in `failed` instead of
// `completed`. Real runs fail only now and then: when something breaks on OpenAI's side
// (`server_error`), when your account runs into a rate limit while the run is working
// (`rate_limit_exceeded`), or when the prompt is refused (`invalid_prompt`). There is no
// way to make a run fail on purpose, but the recording this lesson replays contains one:
// on a fresh thread, we asked the tutor to graph y = x^2, and that run failed.
//
// (If you run this lesson live, the same question will most likely get an answer
// instead. The cells below handle both outcomes.)

// %% Run a question whose run fails id="run-that-fails" tags=["expect-run-failure"]
const thread3 = await client.beta.threads.create({
  messages: [{ role: "user", content: "Can you graph y = x^2 for me?" }],
});
let run3 = await client.beta.threads.runs.create(thread3.id, { assistant_id: assistant.id });
run3 = await wait_on_run(run3, thread3);
show_json(run3);

// %% [markdown] id="failed-run-fields"
// `wait_on_run` returned as usual, because `failed` is neither `queued` nor
// `in_progress`. The run got as far as `started_at`, and then:
//
// - `status` is `"failed"`, and `failed_at` says when it failed.
// - `last_error` says why: its `code` is `server_error`, and its `message` is all the
//   explanation you get.
// - `completed_at` is `null`, and so is `expires_at`: a failed run is over, so it can no
//   longer expire.
//
// Nothing was added to the thread. And since a failed run is no longer active, the
// thread accepts a new run straight away: for a `server_error`, trying again is usually
// the right thing to do.
//
// The lesson for your code is never to assume success. `wait_on_run` returns on *any*
// status other than `queued` and `in_progress`, so its caller should check the result
// before reading the thread. Here is a small helper that does that, tried on all three
// runs of this lesson.

// %% Check how a run ended id="check-run-outcomes"
function check_run(run: Run): boolean {
  if (run.status === "completed") return true;
  console.log(`The run ended "${run.status}".`);
  if (run.last_error) console.log(`${run.last_error.code}: ${run.last_error.message}`);
  return false;
}
console.log(check_run(run));
console.log(check_run(cancelled));
console.log(check_run(run3));

// %% [markdown] id="which-runs-passed"
// The Jane Doe run passes, so reading its answer earlier was safe. The cancelled run
// does not; it has no `last_error` because nothing went wrong: we stopped it. The failed
// run prints its error code and message, which is what you would log, or turn into a
// friendly "please try again" for the user, before starting a new run.

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - Per-run `instructions` replace the assistant's for one run, persona and all;
//   `additional_instructions` add to them. The assistant keeps its own instructions.
// - `runs.cancel(runId, { thread_id })` returns a `cancelling` run, which becomes
//   `cancelled` shortly after.
// - Failed requests throw subclasses of `OpenAI.APIError`, such as `NotFoundError`; the
//   SDK retries only errors that may go away, so a 404 reaches your code at once.
// - A failed run throws nothing: check `run.status`, and read `last_error` when it is
//   not `"completed"`.
//
// **Next:** in lesson 9 the tutor serves several users at once, each in their own thread.

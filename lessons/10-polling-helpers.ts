// %% [markdown] id="intro"
// # Lesson 10: Let the SDK poll for you
//
// Every lesson since lesson 5 has carried its own `wait_on_run` loop. Writing it once
// taught you how runs move along, but you do not have to keep writing it: the SDK ships
// helpers that create a run and poll it until it is done, in one call.

// %% [markdown] id="setup-note"
// The setup cells below recreate the client and the Math Tutor assistant from lesson 1.

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

// %% [markdown] id="create-and-poll"
// ## Create and poll a run
//
// `runs.createAndPoll()` takes the same arguments as `runs.create()`, plus request
// options as a third argument. One of those options is `pollIntervalMs`, the pause
// between two polls; we ask for half a second, like our own loop.

// %% Create a thread with a question id="create-thread"
const thread = await client.beta.threads.create({
  messages: [{ role: "user", content: "Solve the equation `3x + 11 = 14`." }],
});

// %% Create a run and poll it id="create-and-poll-run"
import { show_json } from "../src/helpers/index.ts";
const run = await client.beta.threads.runs.createAndPoll(
  thread.id,
  { assistant_id: assistant.id },
  { pollIntervalMs: 500 },
);
show_json(run);

// %% [markdown] id="finished-run"
// What came back is the **finished** run, not the queued receipt from lesson 4:
// `completed_at` and `usage` are filled in. Behind the scenes the helper did what our
// loop did: one `runs.create()`, then `runs.retrieve()` again and again.
//
// It keeps polling while the run is `queued`, `in_progress` or `cancelling`, and
// returns as soon as it reaches any other status: `completed`, but also `failed`,
// `cancelled`, `expired`, `incomplete` or `requires_action`. So, as in lesson 8, check
// the status before you read the thread. Listing with `run_id` returns only the
// messages that this run wrote.

// %% Read the answer id="read-answer"
if (run.status === "completed") {
  const messages = await client.beta.threads.messages.list(thread.id, { run_id: run.id });
  const answer = messages.data[0]?.content[0];
  if (answer?.type === "text") console.log(answer.text.value);
} else {
  console.log(`The run ended "${run.status}".`, run.last_error);
}

// %% [markdown] id="create-and-run-poll"
// ## Create a thread and run it in one call
//
// `threads.createAndRunPoll()` goes one step further: it creates the thread with its
// messages, starts a run and polls it, all at once. The finished run tells us which
// thread was created, in `thread_id`. This time we leave out `pollIntervalMs`.

// %% Create a thread, run it and poll it id="create-and-run-thread"
const run2 = await client.beta.threads.createAndRunPoll({
  assistant_id: assistant.id,
  thread: { messages: [{ role: "user", content: "What is 2 to the power of 10?" }] },
});
console.log(run2.status);

// %% Read the second answer id="read-second-answer"
const messages2 = await client.beta.threads.messages.list(run2.thread_id);
const answer2 = messages2.data[0]?.content[0];
if (answer2?.type === "text") console.log(answer2.text.value);

// %% [markdown] id="poll-interval"
// ## How long the helpers wait
//
// Between two polls, the helpers pause for:
//
// 1. `pollIntervalMs`, when you pass it. It always wins.
// 2. Otherwise, the interval the API suggests in the `openai-poll-after-ms` header of
//    each run response. That lets the service pace its clients, and it is what our
//    second call followed.
// 3. Otherwise, 5 seconds.
//
// Live, the first call above waits half a second between polls, and the second as long
// as the server suggests. A replay waits for neither: it sets the suggestion to 0 ms and
// runs the lesson's timers on a fast-forward clock, so even the explicit half second
// passes at once. The recording keeps the real pace: in the fixture, the first call's
// polls are about 500 ms apart, and the second call's about 100 ms, the hint its server
// sent while it was recorded.
//
// The same family has `runs.poll()` for a run you already started, and
// `runs.submitToolOutputsAndPoll()` for runs that call your functions.

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - `runs.createAndPoll(threadId, body, { pollIntervalMs })` creates a run and returns
//   it once it has finished; `threads.createAndRunPoll(body)` also creates the thread.
// - The helpers return on any final status, so check `status` before reading the thread.
// - The wait between polls is `pollIntervalMs` if given, else the server's
//   `openai-poll-after-ms` hint, else 5 seconds.
// - `messages.list(threadId, { run_id })` returns only what one run wrote.
//
// **Next:** in lesson 11 you stop polling altogether and stream the run as it happens.

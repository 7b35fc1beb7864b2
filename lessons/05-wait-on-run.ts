// %% [markdown] id="intro"
// # Lesson 5: Wait for the run to finish
//
// In lesson 4 the run came back as `"queued"`: the assistant had not even started. Since
// runs are asynchronous, your code has to check back until the run is done. The simplest
// way is **polling**: ask for the run again every so often and look at its `status`.

// %% [markdown] id="setup-note"
// The setup cells below recreate the client, the assistant, the thread with its question, and the first run from lesson 4.

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

// %% Recreate the thread id="recreate-thread" tags=["setup"]
const thread = await client.beta.threads.create();

// %% Recreate the message id="recreate-message" tags=["setup"]
await client.beta.threads.messages.create(thread.id, {
  role: "user",
  content: "I need to solve the equation `3x^2 + 11x - 10 = 0`. Can you help me?",
});

// %% Recreate the run id="recreate-run" tags=["setup"]
let run = await client.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });

// %% [markdown] id="polling-helper"
// ## A polling helper
//
// `wait_on_run` keeps going while the run is `"queued"` or `"in_progress"`. Each time
// around it fetches a fresh copy with `runs.retrieve()` (which needs both the run id and
// its thread id), then pauses for half a second so we do not flood the API with
// requests. It prints a status whenever it changes, so you can watch the run move along.
//
// `sleep` comes from the course helpers: it behaves like a normal timer when you run
// live, and returns at once when a lesson is replayed from a recording.

// %% Define wait_on_run id="define-wait-on-run"
import { sleep } from "../src/helpers/index.ts";
import type { Run } from "openai/resources/beta/threads/runs/runs";
import type { Thread } from "openai/resources/beta/threads/threads";
async function wait_on_run(run: Run, thread: Thread): Promise<Run> {
  let lastStatus = run.status;
  console.log(lastStatus);
  while (run.status === "queued" || run.status === "in_progress") {
    run = await client.beta.threads.runs.retrieve(run.id, { thread_id: thread.id });
    // Print changes only, so the output does not depend on how many polls it took.
    if (run.status !== lastStatus) {
      lastStatus = run.status;
      console.log(lastStatus);
    }
    await sleep(500);
  }
  return run;
}

// %% [markdown] id="wait-intro"
// Now wait for our run, and keep the finished run in the same variable.

// %% Wait for the run id="wait-for-run"
run = await wait_on_run(run, thread);

// %% [markdown] id="status-trace"
// The printed statuses trace the run's journey, typically `queued`, then `in_progress`,
// then `completed`. Let's look at the finished run.

// %% Show the completed run id="show-completed-run"
import { show_json } from "../src/helpers/index.ts";
show_json(run);

// %% [markdown] id="usage-fields"
// Compared with lesson 4, `started_at` and `completed_at` now have values, and
// `expires_at` is `null` because a finished run can no longer expire.
//
// The new field to notice is `usage`, the bill for this run:
//
// - `prompt_tokens`: everything the model had to read, namely the instructions plus
//   the **whole thread**. This number grows as the conversation gets longer.
// - `completion_tokens`: what the model wrote in its answer.
// - `total_tokens`: the sum of the two.

// %% Summarize the token usage id="summarize-usage"
if (run.usage) {
  const { prompt_tokens, completion_tokens, total_tokens } = run.usage;
  console.log(`${prompt_tokens} prompt + ${completion_tokens} completion = ${total_tokens} tokens`);
}

// %% [markdown] id="run-statuses"
// ## Every run status
//
// Our helper only waits through the first two statuses below. It returns on any of
// the others, so always check `status` before you go looking for an answer.
//
// | Status | What it means |
// | --- | --- |
// | `queued` | The run was accepted and is waiting to start. |
// | `in_progress` | The assistant is reading the thread, thinking, and maybe using tools. |
// | `requires_action` | The assistant wants you to run a function and send back its output before it can go on. |
// | `cancelling` | You asked to cancel the run, and the cancellation is under way. |
// | `cancelled` | The run was cancelled. |
// | `failed` | Something went wrong; `last_error` explains what. |
// | `completed` | Done: the assistant's reply is now in the thread. |
// | `incomplete` | The run stopped early, for example after hitting `max_completion_tokens`; see `incomplete_details`. |
// | `expired` | The run passed its `expires_at` deadline, for example while waiting for function outputs. |
//
// The SDK also ships a ready-made `runs.createAndPoll()` helper. Writing the loop
// yourself once shows what such helpers do for you.

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - A run is asynchronous, so you poll it with
//   `client.beta.threads.runs.retrieve(runId, { thread_id })` until it leaves
//   `queued` and `in_progress`.
// - A finished run reports its token `usage`, and the prompt side covers the whole thread.
// - Runs can end in several states, not only `completed`.
//
// **Next:** the run is done, so in lesson 6 you read the assistant's answer from the
// thread.

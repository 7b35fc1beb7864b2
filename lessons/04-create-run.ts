// %% [markdown] id="intro"
// # Lesson 4: Start a run
//
// So far the assistant and the thread have never met. A **run** brings them together:
// it tells one assistant to read one thread and respond. That is why creating a run
// needs two ids, the thread's and the assistant's.

// %% [markdown] id="setup-note"
// The setup cells below recreate the client, the assistant, and a thread holding the question from lesson 3.

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
const QUESTION = "I need to solve the equation `3x^2 + 11x - 10 = 0`. Can you help me?";
await client.beta.threads.messages.create(thread.id, { role: "user", content: QUESTION });

// %% [markdown] id="about-runs"
// ## Create the run
//
// When the assistant runs, it may simply write a reply, or, if it has tools, call
// them and add several messages along the way. That is the big difference from a
// Chat Completions call, which always returns exactly one answer.

// %% Create a run id="create-run"
import { show_json } from "../src/helpers/index.ts";
const run = await client.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
show_json(run);

// %% [markdown] id="run-is-queued"
// Look at `status`: it says `"queued"`. Creating a run is **asynchronous**. The API
// answers at once with a receipt, and the actual work happens afterwards on OpenAI's
// side. That is why `started_at`, `completed_at` and `usage` are still `null`, and why
// there is an `expires_at` deadline.
//
// A few other fields worth knowing:
//
// - `id` starts with `run_`; `assistant_id` and `thread_id` name the pair being run.
// - `model`, `instructions` and `tools` were copied from the assistant. A run may
//   override them, as we will do next.
// - `truncation_strategy` decides what happens when the thread grows too long for the
//   model's context window; with `"auto"`, the API drops messages from the middle of
//   the thread to make it fit.
// - `max_prompt_tokens` and `max_completion_tokens` can cap the cost of a run.

// %% [markdown] id="per-run-instructions"
// ## Override instructions for one run
//
// Sometimes one request needs extra context, such as who the user is. The `instructions`
// parameter replaces the assistant's instructions **for this run only**; the assistant
// itself is left unchanged.
//
// There is a catch: a thread can have only **one active run** at a time, and our first
// run may still be working. So we start a fresh thread with the same question as its
// first message, and run that one.

// %% Create a second thread with the question id="create-second-thread"
const thread2 = await client.beta.threads.create({
  messages: [{ role: "user", content: QUESTION }],
});
console.log(thread2.id);

// %% Run it with per-run instructions id="run-with-instructions"
const run2 = await client.beta.threads.runs.create(thread2.id, {
  assistant_id: assistant.id,
  instructions: "Please address the user as Jane Doe. The user has a premium account.",
});
show_json(run2);

// %% [markdown] id="compare-runs"
// Compare the two runs: the `assistant_id` is the same, but `instructions` now reads
// "Please address the user as Jane Doe…" instead of the tutor's usual instructions.
// Note that the override *replaces* them rather than adding to them: this run is no
// longer told that it is a math tutor, nor to answer briefly. Lesson 8 reads its answer,
// and the tutor is gone from it. To keep both, you would pass the combined text, or use
// `additional_instructions`, which is appended to the assistant's instructions.

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - `client.beta.threads.runs.create(threadId, { assistant_id })` asks an assistant to
//   respond to a thread.
// - A run starts as `"queued"`: it is asynchronous, and the answer is not there yet.
// - Per-run `instructions` override the assistant's instructions for that run only.
// - A thread allows one active run at a time.
//
// **Next:** in lesson 5 you poll the run until it has finished.

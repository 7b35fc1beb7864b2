// %% [markdown] id="intro"
// # Lesson 9: Several users at once
//
// A real tutor app has many learners, and each of them needs a conversation of their
// own. With the Assistants API that means **one thread per user**, all answered by the
// same assistant. Runs on different threads are independent, so the assistant can work
// on all of them at the same time. In this lesson you wrap the steps from earlier
// lessons in small helpers and serve three users at once.

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

// %% [markdown] id="three-helpers"
// ## Three small helpers
//
// - `submit_message` adds a user message to a thread and starts a run, the two steps
//   of every turn.
// - `get_response` lists a thread's messages oldest first, ready for `pretty_print`.
// - `create_thread_and_run` opens a new thread for a new user and submits their first
//   message. It returns both the thread and the run, since we need both to wait.
//
// In an app, the assistant id would come from your configuration; here we keep the one
// from the setup in `ASSISTANT_ID`, as in lesson 1.

// %% Define the helpers id="define-helpers"
import type { Run } from "openai/resources/beta/threads/runs/runs";
import type { Thread } from "openai/resources/beta/threads/threads";
const ASSISTANT_ID = assistant.id;

async function submit_message(assistant_id: string, thread: Thread, user_message: string): Promise<Run> {
  await client.beta.threads.messages.create(thread.id, { role: "user", content: user_message });
  return client.beta.threads.runs.create(thread.id, { assistant_id });
}

function get_response(thread: Thread) {
  return client.beta.threads.messages.list(thread.id, { order: "asc" });
}

async function create_thread_and_run(user_input: string): Promise<[Thread, Run]> {
  const thread = await client.beta.threads.create();
  const run = await submit_message(ASSISTANT_ID, thread, user_input);
  return [thread, run];
}

// %% [markdown] id="start-at-once"
// ## Start three conversations at once
//
// Three users write in at about the same moment. Instead of serving them one after the
// other, we start all three with `Promise.all`: each `create_thread_and_run` call begins
// at once, and `Promise.all` waits until all of them have returned. The requests of the
// three users overlap, so this takes about as long as the slowest user, not the sum.

// %% Start three users' threads concurrently id="start-three-threads"
let [[thread1, run1], [thread2, run2], [thread3, run3]] = await Promise.all([
  create_thread_and_run("Solve the equation `3x + 11 = 14`."),
  create_thread_and_run("Explain linear algebra to me."),
  create_thread_and_run("I hate math. What can I do about it?"),
]);
console.log(run1.status, run2.status, run3.status);

// %% [markdown] id="runs-side-by-side"
// All three runs are queued, each on its own thread, and the assistant can now work on
// them side by side. If one call failed, `Promise.all` would reject as a whole; use
// `Promise.allSettled` when each user's result should stand on its own.

// %% [markdown] id="wait-and-read"
// ## Wait and read each answer
//
// Here is the familiar `wait_on_run` helper: poll the run every half second until it
// has left `queued` and `in_progress`.

// %% Define wait_on_run id="define-wait-on-run"
import { sleep } from "../src/helpers/index.ts";
async function wait_on_run(run: Run, thread: Thread): Promise<Run> {
  while (run.status === "queued" || run.status === "in_progress") {
    run = await client.beta.threads.runs.retrieve(run.id, { thread_id: thread.id });
    await sleep(500);
  }
  return run;
}

// %% [markdown] id="one-by-one"
// We wait for the runs one by one, in the order the users wrote in. While we wait for
// the first, the others keep running on the server, so by the time we get to them they
// may well be done already. In this recording they were: the first poll of runs 2 and 3
// already says `completed`, and all three runs finished within the same second.

// %% Wait for each run and print its thread id="wait-and-print-threads"
import { pretty_print } from "../src/helpers/index.ts";
run1 = await wait_on_run(run1, thread1);
pretty_print(await get_response(thread1));

run2 = await wait_on_run(run2, thread2);
pretty_print(await get_response(thread2));

run3 = await wait_on_run(run3, thread3);
pretty_print(await get_response(thread3));

// %% [markdown] id="threads-never-mix"
// Each thread holds exactly one question and its answer: the three conversations never
// mix, even though one assistant answered them all.

// %% [markdown] id="one-user-carries-on"
// ## One user carries on
//
// The third user says thanks. That is just another turn on *their* thread, so
// `submit_message` is all we need.

// %% Say thank you on thread 3 id="thank-you-on-thread-3"
let run4 = await submit_message(ASSISTANT_ID, thread3, "Thank you!");
run4 = await wait_on_run(run4, thread3);
pretty_print(await get_response(thread3));

// %% [markdown] id="one-active-run-per-thread"
// Thread 3 now has four messages, while threads 1 and 2 are untouched. Keep in mind
// the rule from lesson 4: a thread can have only **one active run** at a time. Running
// many *threads* in parallel is fine, but two runs on the *same* thread must wait for
// each other, and adding a message while a run is active is refused as well.

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - Give every user their own thread; one assistant can serve them all.
// - Small helpers (`submit_message`, `get_response`, `create_thread_and_run`) turn
//   the step-by-step calls into one line per turn.
// - `Promise.all` starts independent requests together, so several users are served
//   in about the time of one.
// - Runs on different threads are independent; each thread allows one active run.
//
// **Next:** in lesson 10 you let the SDK's own helpers do the polling for you.

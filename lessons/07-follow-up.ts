// %% [markdown] id="intro"
// # Lesson 7: Keep the conversation going
//
// The tutor's first answer was short, as its instructions asked. What if the learner
// does not follow it? In a chat you would simply say so, and with the Assistants API it
// works the same way: add another message to the **same thread** and start another run.
// The thread already holds the earlier question and answer, so you never resend them.

// %% [markdown] id="setup-note"
// The setup cells below recreate the client, assistant, thread, question and run from lessons 1–6, and wait for the run to finish.

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

// %% Recreate the run and wait for it id="recreate-run" tags=["setup"]
let run = await client.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
run = await wait_on_run(run, thread);

// %% [markdown] id="follow-up-question"
// ## Ask a follow-up question
//
// The follow-up does not repeat the equation. It only makes sense to someone who
// remembers the conversation so far, which is exactly what the thread is for. We keep
// the new message in a variable: its id will be useful in a moment.

// %% Add the follow-up question id="add-follow-up"
const followUp = await client.beta.threads.messages.create(thread.id, {
  role: "user",
  content: "I don't quite follow. Could you explain it in more detail?",
});
console.log(followUp.id);

// %% [markdown] id="run-again-intro"
// A message on its own does nothing, so we start a new run on the same thread with the
// same assistant and wait for it. We keep the first run around so we can compare the two.

// %% Run the thread again id="run-again"
const firstRun = run;
run = await client.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
run = await wait_on_run(run, thread);
console.log(run.status);

// %% [markdown] id="whole-thread-cost"
// Remember the warning from lesson 3: every run reads the **whole** thread. Compare what
// the model had to read on each run.

// %% Compare the prompt tokens of both runs id="compare-prompt-tokens"
console.log(`first run:  ${firstRun.usage?.prompt_tokens} prompt tokens`);
console.log(`second run: ${run.usage?.prompt_tokens} prompt tokens`);

// %% [markdown] id="price-of-memory"
// The second run read more, because it saw the first question and answer as well as
// the follow-up. That is the price of memory: the longer the thread, the more each new
// answer costs.

// %% [markdown] id="read-only-new"
// ## Read only what is new
//
// The thread now holds four messages. In lesson 6 we saw that a list comes **newest
// first** by default. That default suits a chat window, where the latest answer belongs
// on top, and it means the first page of a long thread is always its most recent part:
// paging starts at the newest message and walks back in time.
//
// Here, though, we want something more precise: every message that arrived **after**
// our follow-up, in the order it was written. Two options give exactly that:
//
// - `order: "asc"` reads the thread oldest first, like a transcript.
// - `after: followUp.id` uses our message as the cursor and starts just past it.
//
// Together they mean "from my last message onwards, in reading order".

// %% List only the new messages id="list-new-messages"
import { show_json } from "../src/helpers/index.ts";
const newMessages = await client.beta.threads.messages.list(thread.id, {
  order: "asc",
  after: followUp.id,
});
show_json(newMessages);

// %% [markdown] id="why-not-data-0"
// Only the assistant's new answer came back; the first question and answer and our
// follow-up are all left out. Why not just take `data[0]` of the default list, as in
// lesson 6? Because a run may add **more than one** message, for example when the
// assistant uses tools and comments before and after. Newest first, `data[0]` would be
// only the last of them, while `asc` with `after` returns all of them, in order.
//
// Now print the text of each new message.

// %% Print the new answer id="print-new-answer"
for (const message of newMessages.data) {
  for (const part of message.content) {
    if (part.type === "text") console.log(part.text.value);
  }
}

// %% [markdown] id="context-from-thread"
// The tutor explained the same equation step by step without being told which equation
// we meant: it read that from the thread. Notice also that this answer is far from
// "a sentence or less". Instructions guide the model rather than bind it, and a user
// who explicitly asks for more detail will usually get it.

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - To continue a conversation, add a message to the same thread and create a new run.
// - Each run reads the whole thread, so `usage.prompt_tokens` grows as the thread grows.
// - Lists are newest first, so the latest messages come first and paging starts there;
//   `order: "asc"` with `after: <your message id>` returns only what came after your
//   message, in reading order.
//
// **Next:** in lesson 8 you look at the rest of a run's life: per-run instructions,
// cancelling a run, and what to do when a request or a run fails.

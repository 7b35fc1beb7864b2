// %% [markdown] id="intro"
// # Lesson 6: Read the answer
//
// The run has completed, and the assistant's reply was added to the thread as a new
// message. To read it, we list the thread's messages. Along the way you will learn how
// the API pages through long lists.

// %% [markdown] id="setup-note"
// The setup cells below recreate the client, assistant, thread, question and run from lessons 1–5, and wait for the run to finish.

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

// %% [markdown] id="list-the-messages"
// ## List the messages

// %% List the thread's messages id="list-messages"
import { show_json } from "../src/helpers/index.ts";
const messages = await client.beta.threads.messages.list(thread.id);
show_json(messages);

// %% [markdown] id="newest-first"
// Two things may surprise you here.
//
// First, the order: the assistant's answer comes **first** and our question second.
// Lists are sorted **newest first** by default, so the latest answer is always on top,
// however long the thread gets. This is the reverse of a Chat Completions message
// array, which reads oldest to newest.
//
// Second, the shape. A list is an object that wraps one page of results:
//
// - `object` is `"list"` and `data` holds the messages of this page.
// - `first_id` and `last_id` are the ids of the first and last message in `data`.
// - `has_more` says whether more messages lie beyond this page.
//
// Also notice that the assistant's message carries `assistant_id` and `run_id`: it
// records who wrote it and which run produced it.

// %% [markdown] id="answer-in-data-0"
// Since the newest message is on top, the answer is in `data[0]`. Its content is a
// list of parts, so we narrow the first part to text before reading it.

// %% Print the answer id="print-answer"
const latest = messages.data[0]?.content[0];
if (latest?.type === "text") console.log(latest.text.value);

// %% [markdown] id="oldest-first"
// ## Oldest first
//
// To read a conversation like a chat transcript, ask for ascending order. The
// `pretty_print` helper then prints each message as a `role: text` line.

// %% List oldest first id="list-oldest-first"
import { pretty_print } from "../src/helpers/index.ts";
const ascending = await client.beta.threads.messages.list(thread.id, { order: "asc" });
show_json(ascending);
pretty_print(ascending);

// %% [markdown] id="paging-with-cursors"
// ## Paging with cursors
//
// A page holds 20 messages by default (`limit` goes from 1 to 100). Long threads are
// read page by page with **cursors**: message ids that mark a position in the list.
// Let's make the pages tiny so we can see this with only two messages.

// %% Ask for one message at a time id="list-one-message"
const firstPage = await client.beta.threads.messages.list(thread.id, { limit: 1 });
show_json(firstPage);

// %% [markdown] id="next-page-with-after"
// Only the newest message came back, and `has_more` is now `true`. To get the next
// page, pass the page's `last_id` as `after`: "give me what comes after this one".
// The SDK's page object exposes `data`, so we read that id from the last message in it.

// %% Fetch the next page id="fetch-next-page"
const lastId = firstPage.data.at(-1)?.id;
if (lastId === undefined) throw new Error("The first page is empty.");
const nextPage = await client.beta.threads.messages.list(thread.id, { limit: 1, after: lastId });
show_json(nextPage);

// %% [markdown] id="cursors-with-before"
// This page holds our question, and `has_more` is `false`: we have reached the end.
//
// `before` works the other way round and returns what comes *before* a cursor in the
// chosen order. With `order: "asc"` and the answer's id as the cursor, we get every
// message older than the answer, which is handy for "show me what led up to this".

// %% List what came before the answer id="list-before-answer"
const answerId = messages.data.find((m) => m.role === "assistant")?.id;
if (answerId === undefined) throw new Error("The thread has no answer yet.");
const beforeAnswer = await client.beta.threads.messages.list(thread.id, {
  order: "asc",
  before: answerId,
});
show_json(beforeAnswer);

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - `client.beta.threads.messages.list(threadId)` returns a page of messages, newest
//   first, so the latest answer is `data[0]`.
// - `order: "asc"` reads the thread oldest first.
// - `limit`, `after` and `before` page through long threads using message ids as
//   cursors, with `first_id`, `last_id` and `has_more` telling you where you are.
//
// You have now walked the whole Assistants loop: assistant, thread, message, run, wait,
// read. **Next:** lesson 7 keeps the conversation going. Part 2 of this course (lessons
// 21 onward) shows the same flow on the Responses and Conversations APIs.

// %% [markdown] id="intro"
// # Lesson 12: A chat loop, then clean up
//
// Up to now, every question was written into the lesson. A real tutor asks the learner
// instead, answers, and waits for the next question, until the learner is done. In this
// lesson you put the pieces from lessons 1–10 together into a small command-line chat
// program: one assistant, one thread, and a loop that reads a question, runs the thread
// and prints the answer. When the learner quits, the program deletes the assistant and
// the thread it created.

// %% [markdown] id="setup-note"
// The setup cell below recreates the client from lesson 1.

// %% Recreate the client id="recreate-client" tags=["setup"]
import OpenAI from "openai";
import dotenv from "dotenv";
dotenv.config({ quiet: true });
const client = new OpenAI();

// %% [markdown] id="assistant-and-thread"
// ## One assistant and one thread
//
// The program creates what it needs when it starts: the Math Tutor from lesson 1 and
// an empty thread for the conversation. Every question of the session goes into this
// one thread, so the tutor remembers what was said before.

// %% Create the assistant and the thread id="create-assistant-and-thread"
const assistant = await client.beta.assistants.create({
  name: "Math Tutor",
  instructions: "You are a personal math tutor. Answer questions briefly, in a sentence or less.",
  model: "gpt-4o-mini",
});
const thread = await client.beta.threads.create();
console.log(assistant.id);
console.log(thread.id);

// %% [markdown] id="print-new-answers"
// ## Print only the new answers
//
// After each run we want to show what the assistant just said, not the whole thread
// again. Lesson 7 showed how: list the thread **oldest first**, starting **after** the
// question's id. That returns every message the run added, in the order it wrote them.
// Each text part is printed on an `Assistant>` line; any other part, such as an image
// made by a tool, is shown by its type.

// %% Define print_assistant_messages id="define-print-assistant-messages"
import type { Thread } from "openai/resources/beta/threads/threads";
async function print_assistant_messages(thread: Thread, questionId: string): Promise<void> {
  const messages = await client.beta.threads.messages.list(thread.id, { order: "asc", after: questionId });
  for (const message of messages.data) {
    if (message.role !== "assistant") continue;
    for (const part of message.content) {
      console.log(`Assistant> ${part.type === "text" ? part.text.value : `[${part.type}]`}`);
    }
  }
}

// %% [markdown] id="the-loop"
// ## The loop
//
// `input(prompt)` from the course helpers works like Python's `input()`: it shows the
// prompt and returns the line the learner typed. Each time around, the loop:
//
// 1. reads a question, and stops when it is `/q`;
// 2. adds the question to the thread;
// 3. runs the thread and waits for the run with `createAndPoll` (lesson 10), polling
//    every half second;
// 4. prints the new answers if the run completed, and a short apology otherwise. A
//    chat program should never crash on one failed run; the learner can simply ask
//    again.
//
// When you run this lesson live, type your own questions. The replay feeds the lines
// typed when it was recorded: two questions, then `/q`.

// %% Chat until /q id="chat-until-quit"
import { input } from "../src/helpers/index.ts";
for (;;) {
  const question = await input("Enter a math question (/q to quit): ");
  if (question.trim() === "/q") break;
  const message = await client.beta.threads.messages.create(thread.id, { role: "user", content: question });
  const run = await client.beta.threads.runs.createAndPoll(
    thread.id,
    { assistant_id: assistant.id },
    { pollIntervalMs: 500 },
  );
  if (run.status === "completed") await print_assistant_messages(thread, message.id);
  else console.log("There is a problem, please try again.");
}

// %% [markdown] id="one-conversation"
// The transcript reads like a conversation, and on the server it is one: both
// questions and both answers went into the same thread, in order. So each run read
// everything said so far, just as in lesson 7, and a follow-up such as "Why?" would
// have made sense to the tutor.

// %% [markdown] id="clean-up"
// ## Clean up
//
// Assistants and threads stay on the server until you delete them. A program that
// creates them on every start should delete them when it ends, or they pile up in your
// account. `delete()` answers with a small confirmation object whose `deleted` field
// is `true`. Deleting a thread also deletes its messages.

// %% Delete the assistant and the thread id="delete-assistant-and-thread"
import { show_json } from "../src/helpers/index.ts";
const deletedAssistant = await client.beta.assistants.delete(assistant.id);
show_json(deletedAssistant);
const deletedThread = await client.beta.threads.delete(thread.id);
show_json(deletedThread);

// %% [markdown] id="thread-is-gone"
// The ids match the ones printed at the start, and the `object` names say what was
// deleted. The thread is really gone: asking for it now fails with the `NotFoundError`
// from lesson 8.

// %% Try to retrieve the deleted thread id="retrieve-deleted-thread" tags=["expect-api-error"]
try {
  await client.beta.threads.retrieve(thread.id);
} catch (error) {
  if (error instanceof OpenAI.NotFoundError) console.log(error.constructor.name, error.message);
  else throw error;
}

// %% [markdown] id="cleanup-in-finally"
// In a real program, put the cleanup in a `finally` block around the loop, so it runs
// even when something throws halfway through the conversation. And not every program
// should clean up: a tutor that remembers each learner between visits would keep its
// assistant, store each learner's thread id (lesson 9), and reuse them next time.

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - A chat program is a loop: read a line, add it to the thread, run, print what is new.
// - `createAndPoll` plus a status check keeps the loop short, and a failed run costs
//   the learner one retry rather than the whole session.
// - `messages.list(threadId, { order: "asc", after: questionId })` returns just the
//   answers to the latest question.
// - `assistants.delete(id)` and `threads.delete(id)` remove what a program created;
//   both confirm with `deleted: true`.
//
// **Next:** lessons 13–17 give the tutor tools of its own, and part 2 of this course
// (lessons 21 onward) moves it from the Assistants API to the Responses and
// Conversations APIs.

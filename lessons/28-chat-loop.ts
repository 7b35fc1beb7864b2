// %% [markdown] id="intro"
// # Lesson 28: A chat loop, then clean up
//
// Lesson 12 put part 1 together into a small command-line chat program. This lesson
// does the same with part 2: one conversation, and a loop that reads a question, asks
// for a response in the conversation and prints the answer, until the learner types
// `/q`. Then the program deletes what it created.
//
// **This lesson replaces lesson 12**, and with lesson 27's streaming, the streaming chat
// loop of lesson 16: swap `responses.create()` for `responses.stream()` in the loop.

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

// %% [markdown] id="one-conversation"
// ## One conversation
//
// Lesson 12 created an assistant and a thread when the program started. Here there is
// only the conversation to create: the tutor's configuration is in the constants.

// %% Create the conversation id="create-conversation"
const conversation = await client.conversations.create({ metadata: { app: "math-tutor-cli" } });
console.log(conversation.id);

// %% [markdown] id="the-loop"
// ## The loop
//
// `input(prompt)` from the course helpers works like Python's `input()`. Each time
// around, the loop:
//
// 1. reads a question, and stops at `/q`;
// 2. asks for a response in the conversation, which adds the question and the answer
//    to it;
// 3. prints the answer if the response completed, and a short apology otherwise, so
//    one failure never ends the session.
//
// Compared with lesson 12, three steps are gone: adding the message, polling the run,
// and listing the thread for what is new. The answer is in the response itself.
//
// When you run this lesson live, type your own questions. The replay feeds the lines
// typed when it was recorded: two questions, then `/q`.

// %% Chat until /q id="chat-until-quit"
import { input } from "../src/helpers/index.ts";
for (;;) {
  const question = await input("Enter a math question (/q to quit): ");
  if (question.trim() === "/q") break;
  const response = await client.responses.create({
    model: MODEL,
    instructions: INSTRUCTIONS,
    conversation: conversation.id,
    input: question,
  });
  if (response.status === "completed") console.log(`Assistant> ${response.output_text}`);
  else console.log("There is a problem, please try again.");
}

// %% [markdown] id="transcript"
// The second question, "And what is the square root of 1024?", only makes sense after
// the first: the conversation carried it. Here is the whole conversation, as the server
// keeps it.

// %% Print the conversation id="print-conversation"
import { pretty_print } from "../src/helpers/index.ts";
pretty_print(await client.conversations.items.list(conversation.id, { order: "asc" }));

// %% [markdown] id="clean-up"
// ## Clean up
//
// A conversation stays on the server until you delete it. `conversations.delete()`
// answers with a confirmation whose `deleted` field is `true`, like `threads.delete()`
// did, and deleting a conversation deletes its items. There is no assistant to delete
// any more. (Files you upload for tools are deleted separately: lesson 30 does that.)

// %% Delete the conversation id="delete-conversation"
import { show_json } from "../src/helpers/index.ts";
const deleted = await client.conversations.delete(conversation.id);
show_json(deleted);

// %% [markdown] id="conversation-is-gone"
// The conversation is really gone: asking for it now fails with a `NotFoundError`.

// %% Try to retrieve the deleted conversation id="retrieve-deleted-conversation"
try {
  await client.conversations.retrieve(conversation.id);
} catch (error) {
  if (error instanceof OpenAI.NotFoundError) console.log(error.constructor.name, error.message);
  else throw error;
}

// %% [markdown] id="responses-are-separate"
// The responses themselves are stored separately from the conversation (for 30 days by
// default), each retrievable by its id. Delete one with `client.responses.delete(id)`,
// or send `store: false` when nothing should be kept. And as in lesson 12, put the
// cleanup in a `finally` block in a real program, or keep the conversation on purpose:
// a tutor that remembers each learner stores their conversation id and reuses it.

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - A chat loop on a conversation is: read a line, `responses.create({ conversation,
//   input })`, print `output_text`.
// - `conversations.delete(id)` removes the conversation and its items, and confirms
//   with `deleted: true`.
// - Stored responses live on their own; `responses.delete(id)` removes one.
//
// **Next:** in lesson 29 the tutor calls a function of yours.

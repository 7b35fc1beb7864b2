// %% [markdown] id="intro"
// # Lesson 22: A conversation
//
// In part 1 a **thread** held the conversation, so the assistant remembered what was
// said. Its successor is a **conversation**: a server-side list of **items** (messages,
// and later tool calls) that responses read from and add to.
//
// **This lesson replaces lessons 2 and 3**: creating a thread, starting one with a
// message and metadata, and adding a message to it.

// %% [markdown] id="setup-note"
// The setup cell below recreates the client from lesson 21.

// %% Recreate the client id="recreate-client" tags=["setup"]
import OpenAI from "openai";
import dotenv from "dotenv";
dotenv.config({ quiet: true });
const client = new OpenAI();

// %% [markdown] id="empty-conversation"
// ## An empty conversation
//
// `client.conversations.create()` needs no arguments, just like `threads.create()` did.

// %% Create an empty conversation id="create-empty-conversation"
import { show_json } from "../src/helpers/index.ts";
const conversation = await client.conversations.create();
show_json(conversation);

// %% [markdown] id="conversation-fields"
// Compared with the thread in lesson 2 there is even less to see: an `id` that starts
// with `conv_`, `object: "conversation"`, `created_at` and `metadata`. There is no
// `tool_resources`: files for tools are given with each request now (lesson 30).

// %% [markdown] id="start-with-an-item"
// ## Start a conversation with an item and metadata
//
// Like a thread, a conversation can start with content and with your own labels in
// `metadata`. The content is a list of `items`, up to 20 at a time. The simplest item
// is a message with a `role` and a `content` string, in the same shape as a Chat
// Completions message. `type: "message"` can be left out, but writing it makes the
// item's kind explicit.

// %% Create a conversation with an item and metadata id="create-conversation-with-item"
const QUESTION = "I need to solve the equation `3x^2 + 11x - 10 = 0`. Can you help me?";
const labelled = await client.conversations.create({
  metadata: { user: "learner-1", topic: "quadratic equations" },
  items: [{ type: "message", role: "user", content: QUESTION }],
});
show_json(labelled);

// %% [markdown] id="items-are-not-shown"
// The answer shows the conversation, not its items: the question is stored, and you
// read it back with `conversations.items.list()`, which lesson 23 explores. Metadata
// works as on a thread: up to 16 string keys and values, for your own bookkeeping, such
// as which learner a conversation belongs to.

// %% [markdown] id="add-an-item"
// ## Add an item
//
// Adding a message to a thread was `threads.messages.create()`. Adding items to a
// conversation is `conversations.items.create()`, which takes a **list** of items and
// returns a list. Let's put the question into the empty conversation from the first
// cell.

// %% Add the question as an item id="add-item"
const added = await client.conversations.items.create(conversation.id, {
  items: [{ type: "message", role: "user", content: QUESTION }],
});
show_json(added);

// %% [markdown] id="item-fields"
// The item came back in its stored form, which is worth a close look:
//
// - `id` starts with `msg_`: this item is a message.
// - `status` is `"completed"`, and `role` is `"user"`.
// - `content` is now a list of parts. Our plain string became one part of type
//   `"input_text"`. Text the model writes comes in parts of type `"output_text"`
//   (lesson 21), so the part's type tells you who wrote it.
//
// Compared with a thread message, much is gone: no `thread_id`, `assistant_id`,
// `run_id` or `attachments`. An item is just content, and the conversation it belongs
// to is where you found it.

// %% [markdown] id="nothing-answers-yet"
// As in part 1, adding a message does not make anyone answer it: the conversation now
// holds the question and nothing else. In part 1 a run did the answering; here a
// response does, when you pass `conversation` to `responses.create()`. That is the
// subject of the next lesson.

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - `client.conversations.create()` makes a conversation, the successor of a thread;
//   its id starts with `conv_`.
// - A conversation can start with `items` and `metadata`.
// - `conversations.items.create(conversationId, { items })` adds items; a message's
//   text is stored as `input_text` parts.
//
// **Next:** in lesson 23 a response answers the question in a conversation, and you
// read the conversation's items back.

// %% [markdown] id="intro"
// # Lesson 23: Read the conversation
//
// A conversation holds items. In this lesson a response answers the question in a
// conversation, and then you read the conversation back, page by page, the way lesson 6
// read a thread's messages.
//
// **This lesson replaces lesson 6** (listing messages, `order`, `limit` and cursors).

// %% [markdown] id="setup-note"
// The setup cells below recreate the client and the tutor's configuration from lesson 21, and an empty conversation from lesson 22.

// %% Recreate the client id="recreate-client" tags=["setup"]
import OpenAI from "openai";
import dotenv from "dotenv";
dotenv.config({ quiet: true });
const client = new OpenAI();

// %% Recreate the tutor's configuration id="recreate-configuration" tags=["setup"]
const MODEL = "gpt-4o-mini";
const INSTRUCTIONS = "You are a personal math tutor. Answer questions briefly, in a sentence or less.";
const QUESTION = "I need to solve the equation `3x^2 + 11x - 10 = 0`. Can you help me?";

// %% Recreate the conversation id="recreate-conversation" tags=["setup"]
const conversation = await client.conversations.create();

// %% [markdown] id="answer-in-a-conversation"
// ## A response in a conversation
//
// Pass the conversation's id as `conversation`, and the question as `input`. The
// response reads the conversation's items before the input, and when it completes,
// both the input and the answer are **added to the conversation**. Adding a message and
// starting a run, two steps in part 1, are one request here.

// %% Ask in the conversation id="ask-in-conversation"
const response = await client.responses.create({
  model: MODEL,
  instructions: INSTRUCTIONS,
  conversation: conversation.id,
  input: QUESTION,
});
console.log(response.conversation);
console.log(response.output_text);

// %% [markdown] id="list-the-items"
// ## List the items
//
// `conversations.items.list()` is the new `messages.list()`.

// %% List the conversation's items id="list-items"
import { show_json } from "../src/helpers/index.ts";
const items = await client.conversations.items.list(conversation.id);
show_json(items);

// %% [markdown] id="newest-first"
// The same two surprises as in lesson 6:
//
// - **Newest first.** The answer comes first and the question second, so the latest
//   answer is always `data[0]`, however long the conversation gets.
// - **A page, not an array.** `data` holds this page's items, `first_id` and `last_id`
//   mark its ends, and `has_more` says whether more lie beyond it.
//
// The answer's id is the id of the message in the response's `output`: it is the same
// item, now kept in the conversation. Its text is in an `output_text` part, the
// question's in an `input_text` part. Items can be more than messages (function calls,
// for instance), so narrow by `type` before reading `content`.

// %% Print the answer id="print-answer"
const latest = items.data[0];
if (latest?.type === "message") {
  for (const part of latest.content) if (part.type === "output_text") console.log(part.text);
}

// %% [markdown] id="oldest-first"
// ## Oldest first
//
// `order: "asc"` reads the conversation like a transcript, and the course's
// `pretty_print` prints items as `role: text` lines, as it did for thread messages.

// %% List oldest first id="list-oldest-first"
import { pretty_print } from "../src/helpers/index.ts";
const ascending = await client.conversations.items.list(conversation.id, { order: "asc" });
pretty_print(ascending);

// %% [markdown] id="paging"
// ## Paging with `limit` and `after`
//
// A page holds 20 items by default (`limit` goes from 1 to 100), and `after` takes an
// item id as the cursor, exactly as with messages. Let's read one item per page.

// %% Read one item per page id="read-one-per-page"
const firstPage = await client.conversations.items.list(conversation.id, { limit: 1 });
show_json(firstPage);
const lastId = firstPage.data.at(-1)?.id;
if (lastId === undefined) throw new Error("The first page is empty.");
const nextPage = await client.conversations.items.list(conversation.id, { limit: 1, after: lastId });
show_json(nextPage);

// %% [markdown] id="no-before"
// The first page had `has_more: true`, and the page after it holds our question, with
// `has_more: false`. There is no `before` cursor for conversation items: read in the
// other `order` and use `after` instead. The SDK can also walk every page for you:
// `for await (const item of client.conversations.items.list(id))` fetches the next page
// whenever the current one runs out.

// %% [markdown] id="input-items"
// ## What a response read
//
// Each response also keeps its own input: `responses.inputItems.list()` lists the items
// that this request sent, with or without a conversation. Here that is our question,
// with the same item id as in the conversation.

// %% List the response's input items id="list-input-items"
const inputItems = await client.responses.inputItems.list(response.id);
pretty_print(inputItems);

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - `responses.create({ conversation, input })` answers in a conversation and adds the
//   input and the answer to it.
// - `conversations.items.list(conversationId)` returns a page of items, newest first;
//   `order: "asc"` reads oldest first, and `limit` with `after` pages through.
// - A message's text is in `input_text` or `output_text` parts; check an item's `type`
//   before reading its `content`.
// - `responses.inputItems.list(responseId)` shows what one response was given.
//
// **Next:** in lesson 24 the learner asks a follow-up question, and you compare two ways
// of carrying the conversation forward.

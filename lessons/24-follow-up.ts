// %% [markdown] id="intro"
// # Lesson 24: Keep the conversation going
//
// The learner does not follow the tutor's short answer and asks for more detail. The
// follow-up only makes sense to someone who remembers the first question. In part 1 the
// thread remembered it. The Responses API offers two ways to carry the conversation
// forward, and this lesson tries both:
//
// 1. **Chaining**: name the response you are answering with `previous_response_id`.
// 2. **A conversation**: keep the whole exchange in a conversation, as in lesson 23.
//
// **This lesson replaces lesson 7** (a follow-up on the same thread, and reading only
// what is new).

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
const QUESTION = "I need to solve the equation `3x^2 + 11x - 10 = 0`. Can you help me?";
const FOLLOW_UP = "I don't quite follow. Could you explain it in more detail?";

// %% [markdown] id="chaining"
// ## Chaining with `previous_response_id`
//
// Every stored response remembers its input and its output. Pass its id as
// `previous_response_id`, and the new response reads all of that before the new input.
// One thing is **not** carried over: the `instructions`. They belong to the response
// that was given them, so send them again on every turn.

// %% Ask, then follow up by chaining id="chain-follow-up"
const first = await client.responses.create({ model: MODEL, instructions: INSTRUCTIONS, input: QUESTION });
console.log(first.output_text);
const second = await client.responses.create({
  model: MODEL,
  instructions: INSTRUCTIONS,
  previous_response_id: first.id,
  input: FOLLOW_UP,
});
console.log(second.previous_response_id === first.id);
console.log(second.output_text);

// %% [markdown] id="price-of-memory"
// The tutor explained the same equation step by step, although the follow-up never
// named it: the chain supplied it. (And, as in lesson 7, a learner who asks for detail
// gets it, whatever the instructions say about brevity.) As with runs, memory has a
// price: the second response read the first question and answer as well.

// %% Compare the input tokens id="compare-input-tokens"
console.log(`first response:  ${first.usage?.input_tokens} input tokens`);
console.log(`second response: ${second.usage?.input_tokens} input tokens`);

// %% [markdown] id="chain-is-a-list"
// A chain needs no object to hold it: each response points to the one before, like a
// linked list, and you keep the id of the latest one. That also means you can branch:
// two follow-ups may name the same `previous_response_id`.

// %% [markdown] id="conversation-way"
// ## The same follow-up in a conversation
//
// A conversation keeps the exchange in one place, under one id, which suits an app
// that stores "the learner's conversation" (lesson 26). Ask the question, then the
// follow-up, both with `conversation`. We remember the id of the first answer: it marks
// where the new part of the conversation begins.

// %% Ask, then follow up in a conversation id="conversation-follow-up"
const conversation = await client.conversations.create();
const answer = await client.responses.create({
  model: MODEL,
  instructions: INSTRUCTIONS,
  conversation: conversation.id,
  input: QUESTION,
});
const firstAnswerId = answer.output.at(-1)?.id;
if (firstAnswerId === undefined) throw new Error("The first response has no output.");
await client.responses.create({
  model: MODEL,
  instructions: INSTRUCTIONS,
  conversation: conversation.id,
  input: FOLLOW_UP,
});

// %% [markdown] id="read-only-new"
// ## Read only what is new
//
// Lesson 7 read only the new messages with `order: "asc"` and `after`. The same works
// for items. With the first answer as the cursor, we get the follow-up question and
// its answer, in reading order, and nothing from before.

// %% List only the new items id="list-new-items"
import { pretty_print } from "../src/helpers/index.ts";
const newItems = await client.conversations.items.list(conversation.id, { order: "asc", after: firstAnswerId });
pretty_print(newItems);

// %% [markdown] id="one-or-the-other"
// ## One or the other
//
// A response continues from a conversation **or** from a previous response, never from
// both: the API refuses a request that names both, with a 400 `BadRequestError`. The
// SDK puts the API's error `code` on the error it throws.

// %% Try both at once id="try-both"
try {
  await client.responses.create({
    model: MODEL,
    conversation: conversation.id,
    previous_response_id: second.id,
    input: "Thank you!",
  });
} catch (error) {
  if (error instanceof OpenAI.BadRequestError) console.log(error.code, error.message);
  else throw error;
}

// %% [markdown] id="store-false"
// ## Responses you do not store
//
// Chaining works because responses are stored, which is the default (`store: true`).
// With `store: false` nothing is kept: useful for data you must not leave on OpenAI's
// servers, but such a response cannot be retrieved or continued later.

// %% Continue a response that was not stored id="continue-unstored"
const unstored = await client.responses.create({
  model: MODEL,
  instructions: INSTRUCTIONS,
  input: QUESTION,
  store: false,
});
console.log(unstored.output_text);
try {
  await client.responses.create({ model: MODEL, previous_response_id: unstored.id, input: FOLLOW_UP });
} catch (error) {
  if (error instanceof OpenAI.BadRequestError) console.log(error.code, error.message);
  else throw error;
}

// %% [markdown] id="which-to-choose"
// Without storage, you carry the conversation yourself: send the earlier turns again in
// `input`, as a list of messages, just as with Chat Completions. So there are three ways
// to remember a conversation:
//
// | Way | Who keeps the history | Good for |
// | --- | --- | --- |
// | `conversation` | a conversation object | one long-lived chat per user |
// | `previous_response_id` | the stored responses | short chains, branching |
// | your own `input` list (`store: false`) | your code | full control, nothing stored |

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - `previous_response_id` continues from a stored response; `instructions` are not
//   carried over, so send them every time.
// - `conversation` keeps every turn in one place; `items.list({ order: "asc", after })`
//   reads only what came after an item.
// - Naming both in one request is a 400 error (`mutually_exclusive_parameters`).
// - `store: false` keeps nothing, so such a response cannot be continued.
//
// **Next:** in lesson 25 you start a response in the background and poll it, like a run.

// %% [markdown] id="intro"
// # Lesson 26: Several users at once
//
// Lesson 9 gave every learner a thread of their own and served three of them at once.
// Here every learner gets a **conversation** of their own. Since a plain response comes
// back finished, the helpers get shorter: there is no run to wait for.
//
// **This lesson replaces lesson 9.**

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

// %% [markdown] id="three-helpers"
// ## Three small helpers
//
// The same three helpers as in lesson 9, with the same names:
//
// - `submit_message` sends one user turn in a conversation. In lesson 9 it added a
//   message and started a run; now it is a single `responses.create()` call, and it
//   returns the finished response.
// - `get_response` lists a conversation's items oldest first, ready for `pretty_print`.
// - `create_conversation_and_run` opens a conversation for a new learner and submits
//   their first message.
//
// The model and instructions travel with every turn, so `submit_message` is where the
// tutor's configuration lives, where `ASSISTANT_ID` did in lesson 9.

// %% Define the helpers id="define-helpers"
import type { Conversation } from "openai/resources/conversations/conversations";
import type { Response } from "openai/resources/responses/responses";
function submit_message(conversation: Conversation, user_message: string): Promise<Response> {
  return client.responses.create({ model: MODEL, instructions: INSTRUCTIONS, conversation: conversation.id, input: user_message });
}
function get_response(conversation: Conversation) {
  return client.conversations.items.list(conversation.id, { order: "asc" });
}
async function create_conversation_and_run(user_input: string): Promise<[Conversation, Response]> {
  const conversation = await client.conversations.create();
  const response = await submit_message(conversation, user_input);
  return [conversation, response];
}

// %% [markdown] id="start-at-once"
// ## Three learners at once
//
// As in lesson 9, `Promise.all` starts the three learners' requests together and
// waits for all of them. Each conversation is independent, so the model works on all
// three at the same time, and the whole thing takes about as long as the slowest one.

// %% Start three conversations concurrently id="start-three-conversations"
const [[conversation1, response1], [conversation2, response2], [conversation3, response3]] = await Promise.all([
  create_conversation_and_run("Solve the equation `3x + 11 = 14`."),
  create_conversation_and_run("Explain linear algebra to me."),
  create_conversation_and_run("I hate math. What can I do about it?"),
]);
console.log(response1.status, response2.status, response3.status);

// %% [markdown] id="already-answered"
// All three are `completed` already: where lesson 9 had three queued runs and a
// `wait_on_run` per learner, the answers are here. Each conversation now holds its
// learner's question and the tutor's answer.

// %% Print each conversation id="print-conversations"
import { pretty_print } from "../src/helpers/index.ts";
pretty_print(await get_response(conversation1));
pretty_print(await get_response(conversation2));
pretty_print(await get_response(conversation3));

// %% [markdown] id="one-learner-carries-on"
// ## One learner carries on
//
// The third learner says thanks. That is one more turn in *their* conversation, so
// `submit_message` is all it takes.

// %% Say thank you in conversation 3 id="thank-you-in-conversation-3"
const response4 = await submit_message(conversation3, "Thank you!");
console.log(response4.output_text);
pretty_print(await get_response(conversation3));

// %% [markdown] id="no-active-run-rule"
// Conversation 3 now holds four items, and the other two are untouched. One rule from
// part 1 is gone: a thread allowed one active run at a time, and adding a message
// during a run was refused. A conversation has no such lock. Still, send one turn at a
// time per learner: two responses written at once in the same conversation would each
// miss the other's question.

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - Give every learner their own conversation; one configuration in your code serves
//   them all.
// - With responses, `submit_message` is one `responses.create({ conversation, input })`
//   call that returns the finished answer.
// - `Promise.all` serves several learners in about the time of one.
//
// **Next:** in lesson 27 you stream a response as it is being written.

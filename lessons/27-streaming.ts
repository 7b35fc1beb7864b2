// %% [markdown] id="intro"
// # Lesson 27: Stream a response
//
// A plain response arrives all at once, when it is finished. A learner in a chat window
// would rather watch the answer appear as it is written. As with runs in lesson 11, you
// can **stream** a response: the API keeps the HTTP response open and sends
// **server-sent events** while the model writes.
//
// **This lesson replaces lesson 11** (streaming a run and its event table) **and lesson
// 10** (letting the SDK do the waiting), and, with lesson 28, the streaming chat loop of
// lesson 16. The code interpreter part of lesson 11 moves to lesson 31.

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

// %% [markdown] id="events"
// ## The events
//
// `client.responses.stream()` takes the same arguments as `responses.create()` and
// sends `stream: true`. Every event has a `type` and a `sequence_number`, which counts
// the events from 0, so you can tell if one went missing. For a text answer they come
// in this order:
//
// 1. `response.created` and `response.in_progress`, each with the response so far;
// 2. `response.output_item.added`: an output item begins (here a message);
// 3. `response.content_part.added`: a part of that message begins;
// 4. many `response.output_text.delta` events, each with a few more characters in
//    `delta`;
// 5. `response.output_text.done`, `response.content_part.done` and
//    `response.output_item.done`, each with the finished text, part or item;
// 6. `response.completed`, with the whole response.
//
// Compared with lesson 11 there are no run steps and no `done` event: the output
// items are the steps, and `response.completed` ends the stream.
//
// The stream is an async iterable, so a `for await` loop sees every event. We print
// the deltas without newlines, so they line up into the answer; as in lesson 11, this
// run gets its own instructions, to address the learner as Jane Doe.

// %% Stream a response id="stream-response"
const stream = client.responses.stream({
  model: MODEL,
  instructions: "Please address the user as Jane Doe. The user has a premium account.",
  input: "I need to solve the equation `3x + 11 = 14`. Can you help me?",
});
process.stdout.write("assistant > ");
for await (const event of stream) {
  if (event.type === "response.output_text.delta") process.stdout.write(event.delta);
}
process.stdout.write("\n"); // end the streamed line

// %% [markdown] id="event-table"
// Live, the words appear one by one; the replay delivers the recorded events in the
// same order, only faster. The table under the output counts the events by type, in the
// order they first appeared.
//
// Notice that this response did not read the tutor's usual instructions: as in part 1,
// the instructions of this one request replaced them, and it addressed the learner by
// name.

// %% [markdown] id="final-response"
// ## The final response
//
// `stream.finalResponse()` waits for the end of the stream and returns the response as
// `response.completed` described it: the same object `responses.create()` would have
// returned, `output_text` included.

// %% Read the final response id="read-final-response"
const response = await stream.finalResponse();
console.log(response.status);
console.log(response.output_text);
if (response.usage) {
  const { input_tokens, output_tokens, total_tokens } = response.usage;
  console.log(`${input_tokens} input + ${output_tokens} output = ${total_tokens} tokens`);
}

// %% [markdown] id="handlers"
// ## Handlers instead of a loop
//
// Like the `AssistantStream` of lesson 11, the stream also takes handlers with
// `.on(type, handler)`, named after the event types. A handler for
// `response.output_text.delta` gets the same event the loop saw. Here is a second
// question, in a conversation this time: streaming and conversations combine freely.

// %% Stream with a handler id="stream-with-handler"
const conversation = await client.conversations.create();
const second = client.responses
  .stream({ model: MODEL, instructions: INSTRUCTIONS, conversation: conversation.id, input: "What is 2 to the power of 10?" })
  .on("response.output_text.delta", (event) => process.stdout.write(event.delta));
await second.done();
process.stdout.write("\n");
console.log((await second.finalResponse()).output_text);

// %% [markdown] id="waiting-is-built-in"
// ## Waiting is built in
//
// Lesson 10 showed the SDK's helpers that create a run and poll it for you. With
// responses you need neither: `responses.create()` waits for the answer, and
// `responses.stream()` shows it as it comes. Poll only background responses
// (lesson 25).

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - `client.responses.stream(body)` streams a response as `response.*` events, each
//   with a `type` and a `sequence_number`.
// - Text arrives in `response.output_text.delta` events; `response.completed` ends the
//   stream.
// - Iterate with `for await`, or register handlers with `.on(type, handler)`;
//   `finalResponse()` returns the finished response.
//
// **Next:** in lesson 28 you wrap a conversation in a chat loop, then clean up.

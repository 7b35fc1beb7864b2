// %% [markdown] id="intro"
// # Lesson 21: A first response
//
// Welcome to part 2. Part 1 built a math tutor on the Assistants API, which OpenAI shut
// down on 2026-08-26. Its successor is the **Responses API**, together with the
// **Conversations API**, and the ideas map across almost one to one:
//
// | Part 1 (Assistants API) | Part 2 (Responses + Conversations) |
// | --- | --- |
// | an assistant stores model, instructions and tools | you pass `model`, `instructions` and `tools` with each request |
// | a thread holds the conversation | a conversation holds it (lesson 22), or responses are chained |
// | a message | an item of type `message` |
// | a run, created and then polled | a response, which comes back finished |
// | run steps | the items of a response's `output` |
//
// **This lesson replaces lessons 1, 3, 4 and 5.** Creating an assistant, adding the
// question to a thread, starting a run and waiting for it become a single request.
//
// > Unlike part 1, every lesson of part 2 runs live against api.openai.com today:
// > `npm run lesson 21 -- --live` with your key in `.env`. By default it replays a
// > recording, so you need neither a key nor a network.

// %% [markdown] id="sdk-and-key"
// As in lesson 1, check the SDK version and load the API key from `.env`. The Responses
// API is not in `client.beta`: it is a stable part of the SDK, at `client.responses`.

// %% Check the SDK version id="check-sdk-version"
import { VERSION } from "openai/version";
console.log(VERSION);

// %% Load the API key and create the client id="create-client"
import dotenv from "dotenv";
import OpenAI from "openai";
dotenv.config({ quiet: true });
console.log(Boolean(process.env.OPENAI_API_KEY));
const client = new OpenAI();

// %% [markdown] id="no-assistant-object"
// ## No assistant to create
//
// In lesson 1 the "Math Tutor" lived on OpenAI's servers as an assistant object, with
// its model and instructions, and every run referred to it by id. The Responses API has
// no such object. The configuration now lives in **your code**: keep the model and the
// instructions in constants and send them with each request. (OpenAI's migration guide
// also mentions reusable prompt objects, but those are being retired too, so this
// course passes everything in code.)

// %% Keep the tutor's configuration id="tutor-configuration"
const MODEL = "gpt-4o-mini";
const INSTRUCTIONS = "You are a personal math tutor. Answer questions briefly, in a sentence or less.";
const QUESTION = "I need to solve the equation `3x^2 + 11x - 10 = 0`. Can you help me?";

// %% [markdown] id="create-a-response"
// ## Ask the question
//
// `client.responses.create()` takes the model, the `instructions` (the system prompt,
// as on the assistant) and the `input`, which is the user's question. There is no run
// to start and no status to poll: the request returns when the answer is written.

// %% Create a response id="create-response"
import { show_json } from "../src/helpers/index.ts";
const response = await client.responses.create({ model: MODEL, instructions: INSTRUCTIONS, input: QUESTION });
show_json(response);

// %% [markdown] id="response-fields"
// A response looks like a finished run and its messages in one object:
//
// - `id` starts with `resp_`, and `object` is `"response"`.
// - `status` is already `"completed"`, and `completed_at` is set: no `queued`, no
//   `in_progress`, no `wait_on_run`.
// - `model` names the dated model snapshot that answered, here
//   `gpt-4o-mini-2024-07-18`, even though we asked for the alias `gpt-4o-mini`.
// - `instructions` echoes ours. They belong to this response only.
// - `output` holds what the model produced, as a list of **items**. Here it is one
//   item of type `"message"` with the role `"assistant"`.
// - `store` is `true`: the response is kept on the server, so it can be retrieved or
//   continued later (lesson 24).
// - `usage` is the bill, as on a finished run.
// - `output_text`, at the very end, was not sent by the API. The SDK adds it to every
//   response, as a convenience (see below).

// %% [markdown] id="output-text"
// ## `output_text` and the `output` items
//
// The quickest way to the answer is `output_text`: the SDK joins the text of every
// `output_text` part of every message in `output`.

// %% Print output_text id="print-output-text"
console.log(response.output_text);

// %% [markdown] id="output-items"
// `output_text` is handy, but it flattens everything into one string. The `output`
// list says what actually happened. Each item has a `type`: `"message"` here, and in
// later lessons also `"function_call"` (lesson 29), `"file_search_call"` (lesson 30) and
// `"code_interpreter_call"` (lesson 31), the things that were run steps in part 1. A
// message's `content` is a list of parts, and the text is in parts of type
// `"output_text"`, next to their `annotations` (such as citations).

// %% Walk the output items id="walk-output-items"
for (const item of response.output) {
  console.log(`${item.type} ${item.id}`);
  if (item.type === "message") {
    for (const part of item.content) {
      if (part.type === "output_text") console.log(`  ${part.type}: ${part.text}`);
    }
  }
}

// %% [markdown] id="usage"
// ## Usage
//
// The token counts are named after what the model read and wrote: `input_tokens` for
// the instructions plus the input, `output_tokens` for the answer. (A run said
// `prompt_tokens` and `completion_tokens`.)

// %% Summarize the token usage id="summarize-usage"
if (response.usage) {
  const { input_tokens, output_tokens, total_tokens } = response.usage;
  console.log(`${input_tokens} input + ${output_tokens} output = ${total_tokens} tokens`);
}

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - `client.responses.create({ model, instructions, input })` asks a question and
//   returns the finished answer in one request, where part 1 needed an assistant, a
//   thread, a message, a run and a polling loop.
// - Model and instructions travel with each request; keep them in your code.
// - A response's `output` is a list of items; `output_text` joins their text.
// - `usage` counts `input_tokens` and `output_tokens`.
//
// **Next:** in lesson 22 you keep a conversation on the server, as a thread did.

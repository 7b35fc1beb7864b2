// %% [markdown] id="intro"
// # Lesson 1: Create an assistant
//
// Welcome! In this first part of the course you build a tiny math tutor with the
// OpenAI **Assistants API**, one step per lesson:
//
// 1. create an **assistant** (this lesson),
// 2. create a **thread** to hold a conversation,
// 3. add a **message** to the thread,
// 4. start a **run** that lets the assistant answer,
// 5. wait for the run to finish,
// 6. read the answer back from the thread.
//
// Compared with Chat Completions, where you send the whole conversation on every
// request, the Assistants API keeps state on the server: the assistant remembers its
// model and instructions, and the thread remembers the conversation.
//
// > **A note on history.** OpenAI shut the Assistants API down on 2026-08-26. To keep
// > the course runnable, each lesson replays a fixture of HTTP exchanges, so by default
// > you need neither a key nor a network. The fixtures were reconstructed to match the
// > real v2 API's responses (each report's footer says how its fixture was made). Part 2
// > of this course (lessons 21 onward) moves the same ideas to the Responses and
// > Conversations APIs.

// %% [markdown] id="about-the-sdk"
// Let's start by checking which version of the `openai` package is installed. The
// lessons use the official Node.js SDK, so every call you see is exactly what you
// would write in your own project.

// %% Check the SDK version id="check-sdk-version"
import { VERSION } from "openai/version";
console.log(VERSION);

// %% [markdown] id="api-key-in-env"
// The SDK reads your API key from the `OPENAI_API_KEY` environment variable. A common
// habit is to keep it in a `.env` file next to your code (and out of Git) and load it
// with `dotenv`. We only print *whether* a key is present: an API key is a secret, so
// never print it, log it, or commit it.
//
// A replay needs no key, but the SDK refuses to start without one, so lessonbook sets
// `OPENAI_API_KEY` to a stand-in, `replay-needs-no-key`, before the lesson starts. A
// variable that is already set wins over `.env`, so in a replay your own key is never
// read, and nothing is sent anywhere. That is why the cell below passes in a replay even
// on a machine with no key, and why its message says so.

// %% Load the API key from .env id="load-api-key"
import dotenv from "dotenv";
dotenv.config({ quiet: true });
if (!process.env.OPENAI_API_KEY) throw new Error("OPENAI_API_KEY is not set: add it to .env");
console.log("OPENAI_API_KEY is set (in a replay, to lessonbook's stand-in)");

// %% [markdown] id="about-the-client"
// Now create a client. With no arguments, `new OpenAI()` picks up `OPENAI_API_KEY`
// (and `OPENAI_BASE_URL`, if you set one) from the environment, so the same code works
// against the live API and against a recording.

// %% Create the client id="create-client"
import OpenAI from "openai";
const client = new OpenAI();

// %% [markdown] id="show-json-helper"
// ## A helper to look at API objects
//
// Throughout the course we inspect what the API sends back with a helper called
// `show_json`. It is the twin of the small helper in the Python tutorials this course
// is based on, which dumped each response model as JSON. The idea fits in three lines:
//
// ```ts
// function show_json(value: unknown) {
//   console.log(JSON.stringify(value, null, 2));
// }
// ```
//
// The course version does a little more: fields that are `null` stay visible, and for
// a list it shows the list exactly as the API returned it. Seeing the raw JSON is the
// best way to learn which fields exist and what they mean.

// %% [markdown] id="about-assistants"
// ## Create the assistant
//
// An assistant bundles a **model**, **instructions** (a system prompt that shapes
// every answer) and, optionally, **tools**. We give ours a name, ask it to keep its
// answers short, and pick the small, inexpensive `gpt-4o-mini` model.

// %% Create the assistant id="create-assistant"
import { show_json } from "../src/helpers/index.ts";
const assistant = await client.beta.assistants.create({
  name: "Math Tutor",
  instructions: "You are a personal math tutor. Answer questions briefly, in a sentence or less.",
  model: "gpt-4o-mini",
});
show_json(assistant);

// %% [markdown] id="assistant-fields"
// A quick tour of the fields:
//
// - `id` starts with `asst_`. It is how every later request refers to this assistant.
// - `object` is always `"assistant"`, and `created_at` is a Unix time in seconds.
// - `name`, `instructions` and `model` echo what we sent; `description` is `null`
//   because we did not set one.
// - `tools` is an empty list: our tutor only chats. Tools such as `code_interpreter`,
//   `file_search` or your own functions would be listed here.
// - `tool_resources` holds the files or vector stores that those tools may read. With
//   no tools, there is nothing in it.
// - `temperature` and `top_p` control how random the sampling is; both default to 1.
// - `response_format` is `"auto"`, which means plain text unless you ask for JSON.
// - `metadata` is a place for your own key-value labels.

// %% [markdown] id="reuse-the-assistant"
// The assistant now lives on OpenAI's servers, so you can reuse it from anywhere as
// long as you know its id. Keep it in a constant (in a real app you would store it in
// your configuration rather than creating a new assistant each time).

// %% Keep the assistant id id="keep-assistant-id"
const ASSISTANT_ID = assistant.id;
console.log(ASSISTANT_ID);

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - The Assistants API is built from assistants, threads, messages and runs.
// - `client.beta.assistants.create()` stores a model, instructions and tools under an
//   id that starts with `asst_`.
// - `show_json` lets you read any API object as JSON.
//
// **Next:** an assistant on its own does nothing yet. In lesson 2 you create a thread,
// the place where a conversation is kept.

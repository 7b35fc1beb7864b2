// %% [markdown] id="intro"
// # Lesson 3: Add a message to the thread
//
// With an assistant and a thread in place, it is time to ask a question. A
// **message** is one entry in a thread: it has a `role` (who wrote it) and `content`
// (what was said). A thread can hold as many messages as you like, in order.

// %% [markdown] id="setup-note"
// The setup cells below recreate the client, the Math Tutor assistant and an empty thread from lessons 1 and 2.

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

// %% [markdown] id="add-the-question"
// ## Add the question
//
// `messages.create()` takes the thread id and the message itself. We write as the
// `"user"`, the person talking to the tutor. The backticks inside the text are just
// part of the question: they mark the equation as code, as you might in a chat.

// %% Add a message to the thread id="add-message"
import { show_json } from "../src/helpers/index.ts";
const message = await client.beta.threads.messages.create(thread.id, {
  role: "user",
  content: "I need to solve the equation `3x^2 + 11x - 10 = 0`. Can you help me?",
});
show_json(message);

// %% [markdown] id="message-fields"
// Let's walk through the message:
//
// - `id` starts with `msg_`, `object` is `"thread.message"`, and `thread_id` points
//   back to our thread.
// - `role` is `"user"`.
// - `content` is a **list of parts**, not a plain string. A message can mix text and
//   images, so each part says what it is with `type`. Ours is a single `"text"` part
//   whose `text.value` is the question (`annotations` is for citations, empty here).
// - `assistant_id` and `run_id` are `null` because a person wrote this message. When
//   the assistant replies, its message will name the assistant and the run that made it.
// - `attachments` lists files sent with the message, and `metadata` is yours to fill.

// %% [markdown] id="narrow-content-parts"
// Because `content` is a union of part types, TypeScript wants you to check the `type`
// before you touch `text`. That check is also a good habit at run time: a part might
// be an image.

// %% Read the text back id="read-text-back"
const part = message.content[0];
if (part?.type === "text") console.log(part.text.value);

// %% [markdown] id="mind-the-bill"
// > **Mind the bill.** Adding a message costs nothing by itself, but every time the
// > assistant runs on this thread, the model reads the **whole** thread. You pay for
// > the tokens of every earlier message on every run, even though you never resend
// > them. Long threads get more expensive per answer.

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - `client.beta.threads.messages.create(threadId, { role, content })` appends a
//   message to a thread.
// - Message content is a list of typed parts; narrow on `type === "text"` to read text.
// - Messages written by people have no `assistant_id` or `run_id`.
//
// **Next:** nothing answers yet. In lesson 4 you start a run so the assistant replies.

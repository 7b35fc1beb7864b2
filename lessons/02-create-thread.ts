// %% [markdown] id="intro"
// # Lesson 2: Create a thread
//
// A **thread** is one conversation: think of it as a chat room that stores every
// message in order. Because the thread keeps the history on the server, you never
// have to resend earlier messages yourself, unlike with Chat Completions.

// %% [markdown] id="setup-note"
// The setup cell below recreates the client from lesson 1.

// %% Recreate the client id="recreate-client" tags=["setup"]
import OpenAI from "openai";
import dotenv from "dotenv";
dotenv.config({ quiet: true });
const client = new OpenAI();

// %% [markdown] id="empty-thread"
// ## An empty thread
//
// Creating a thread needs no arguments at all. Notice that we do not pass the
// assistant from lesson 1: threads are **independent of assistants**. A thread only
// holds the conversation; you decide later which assistant should answer in it, and
// you could even let different assistants take turns in the same thread.

// %% Create an empty thread id="create-empty-thread"
import { show_json } from "../src/helpers/index.ts";
const thread = await client.beta.threads.create();
show_json(thread);

// %% [markdown] id="thread-fields"
// The thread object is small:
//
// - `id` starts with `thread_`. Keep it: every message and run refers to it.
// - `object` is `"thread"` and `created_at` is a Unix time in seconds.
// - `metadata` is empty, and `tool_resources` would list files for tools that need
//   them.
//
// There is no list of messages here. Messages live *inside* the thread and are read
// with their own endpoint, as you will see in a moment.

// %% [markdown] id="thread-with-message"
// ## A thread that starts with a message
//
// You can also create a thread and seed it with messages in one call. Here we add a
// first user message and attach some `metadata`: up to 16 string key-value pairs that
// are yours to use, for example to remember which user or course a thread belongs to.

// %% Create a thread with a first message id="create-thread-with-message"
const thread2 = await client.beta.threads.create({
  messages: [{ role: "user", content: "Hi! I'd like some help with algebra." }],
  metadata: { course: "lessonbook", lesson: "2" },
});
show_json(thread2);

// %% [markdown] id="check-the-message"
// The response looks just like the empty thread, except that `metadata` now carries
// our labels. To check that the message really landed in the thread, list the
// thread's messages.

// %% List the messages of the new thread id="list-new-thread-messages"
const thread2Messages = await client.beta.threads.messages.list(thread2.id);
show_json(thread2Messages);

// %% [markdown] id="one-message-listed"
// The list holds exactly one `thread.message`: our greeting, with `role` set to
// `"user"` and a `thread_id` that matches `thread2`. Lesson 6 looks at lists and their
// fields in detail.

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - A thread stores a conversation on the server; its id starts with `thread_`.
// - Threads are not tied to an assistant. The assistant is chosen only when you run
//   the thread.
// - `threads.create()` can start empty, or with messages and metadata.
//
// **Next:** in lesson 3 you add a math question to a thread.

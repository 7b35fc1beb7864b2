// %% [markdown] id="intro"
// # Lesson 16: A streaming chat program
//
// The fourth tutorial ends with two small programs: `main.py`, the chat loop of lesson 12,
// and `main_stream.py`, the same loop with streamed answers. This lesson builds the
// second one. Its answers appear as they are written, and when the tutor runs code, you
// watch the code and its output go by.
//
// The tutorial keeps the printing in its own file, `event_handler.py`: a class with one
// method per kind of event. We do the same, with a small TypeScript class.

// %% [markdown] id="setup-note"
// The setup cell below recreates the client from lesson 1.

// %% Recreate the client id="recreate-client" tags=["setup"]
import OpenAI from "openai";
import dotenv from "dotenv";
dotenv.config({ quiet: true });
const client = new OpenAI();

// %% [markdown] id="event-handler"
// ## The event handler
//
// In Python, the SDK calls the methods of an `AssistantEventHandler` subclass:
// `on_text_created`, `on_text_delta`, `on_tool_call_created`, `on_tool_call_delta`. The
// TypeScript SDK has no base class to extend; an `AssistantStream` calls the handlers
// registered with `.on(event, handler)` instead (lesson 11). So our `EventHandler` has the
// same four methods, and an `attach` method that registers them on a stream.
//
// What each method prints is what the tutorial's handler prints: an `assistant >`
// prompt when a text starts, the text as it grows, the tool's name when a tool call
// starts, and the code interpreter's code and its logs as they arrive.

// %% Define the EventHandler class id="define-event-handler"
import type { AssistantStream } from "openai/lib/AssistantStream";
import type { Text, TextDelta } from "openai/resources/beta/threads/messages";
import type { ToolCall, ToolCallDelta } from "openai/resources/beta/threads/runs/steps";

class EventHandler {
  onTextCreated(_text: Text): void {
    process.stdout.write("\nassistant > ");
  }

  onTextDelta(delta: TextDelta): void {
    process.stdout.write(delta.value ?? "");
  }

  onToolCallCreated(toolCall: ToolCall): void {
    process.stdout.write(`\nassistant > ${toolCall.type}\n`);
  }

  onToolCallDelta(delta: ToolCallDelta): void {
    if (delta.type !== "code_interpreter" || !delta.code_interpreter) return;
    if (delta.code_interpreter.input) process.stdout.write(delta.code_interpreter.input);
    if (delta.code_interpreter.outputs) {
      process.stdout.write("\n\noutput >\n");
      for (const output of delta.code_interpreter.outputs) {
        if (output.type === "logs") process.stdout.write(`\n${output.logs}\n`);
      }
    }
  }

  /** Registers the methods on a stream and returns it, so calls can be chained. */
  attach(stream: AssistantStream): AssistantStream {
    return stream
      .on("textCreated", (text) => this.onTextCreated(text))
      .on("textDelta", (delta) => this.onTextDelta(delta))
      .on("toolCallCreated", (toolCall) => this.onToolCallCreated(toolCall))
      .on("toolCallDelta", (delta) => this.onToolCallDelta(delta));
  }
}

// %% [markdown] id="program-parts"
// ## The program's parts
//
// Like `main_stream.py`, the program creates a Math Tutor that can run code, and one
// thread for the whole conversation. Small functions keep the loop readable; they match
// the tutorial's `get_user_query`, `add_message_to_thread` and the delete functions.

// %% Create the assistant and the thread id="create-assistant-and-thread"
const assistant = await client.beta.assistants.create({
  name: "Math Tutor",
  instructions: "You are a personal math tutor. Write and run code to answer math questions.",
  tools: [{ type: "code_interpreter" }],
  model: "gpt-4o-mini",
});
const thread = await client.beta.threads.create();
console.log(assistant.id);
console.log(thread.id);

// %% Define the helper functions id="define-helpers"
import { input } from "../src/helpers/index.ts";

function get_user_query(): Promise<string> {
  return input("\nEnter a math question (/q to quit): ");
}

async function add_message_to_thread(threadId: string, message: string): Promise<void> {
  await client.beta.threads.messages.create(threadId, { role: "user", content: message });
}

// %% [markdown] id="the-loop"
// ## The loop
//
// Each time around: read a question and stop on `/q`; add it to the thread and echo it
// as `You> …`; then stream a run through a fresh `EventHandler` and wait for the
// stream's end with `finalRun()`. Where lesson 12 polled and then listed the new
// messages, the stream prints the answer while it is written, so there is nothing left
// to print afterwards. We only check that the run completed.
//
// A replay feeds the recorded lines: the equation from lesson 11, a short question, then
// `/q`.

// %% Chat until /q id="chat-until-quit"
for (;;) {
  const message = await get_user_query();
  if (message.trim() === "/q") break;
  await add_message_to_thread(thread.id, message);
  console.log(`You> ${message}`);
  const stream = new EventHandler().attach(client.beta.threads.runs.stream(thread.id, { assistant_id: assistant.id }));
  const run = await stream.finalRun();
  process.stdout.write("\n");
  if (run.status !== "completed") console.log("There is a problem, please try again.");
}

// %% [markdown] id="what-streamed"
// The first question got the full treatment: a plan, the code (written with `sympy`),
// the logs it printed, and the conclusion. The second one needed no code, so it was
// a single text. The event table under the cell counts the events of both runs.

// %% [markdown] id="clean-up"
// ## Clean up
//
// As the tutorial's program does after the loop, delete the assistant and the thread.

// %% Delete the assistant and the thread id="delete-assistant-and-thread"
console.log((await client.beta.assistants.delete(assistant.id)).deleted);
console.log((await client.beta.threads.delete(thread.id)).deleted);

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - A streaming chat program is lesson 12's loop with `runs.stream()` in place of
//   `createAndPoll()` and of listing the new messages.
// - Keeping the printing in a handler class, as the tutorial's `EventHandler` does,
//   leaves the loop short: one line creates the stream and attaches the handler.
// - In TypeScript the handler's methods are registered with `.on()`; the events are
//   the same as Python's `on_text_created`, `on_text_delta`, `on_tool_call_created` and
//   `on_tool_call_delta`.
//
// **Next:** lesson 17 goes back to the second tutorial's flow without streaming, and the
// run `instructions` it relies on.

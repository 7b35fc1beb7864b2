// %% [markdown] id="intro"
// # Lesson 11: Stream a run
//
// Every run so far worked the same way: start it, then ask again and again whether it
// has finished, and only then read the answer. For a person waiting in a chat window,
// that is a long silence followed by a wall of text. **Streaming** fixes this. Instead
// of polling, you keep one HTTP response open, and the API pushes **events** down it
// while the run happens: the run starting, each message being written a few words at a
// time, each tool call, and finally the run's end. You can show the answer as it is
// being written, just like ChatGPT does.
//
// This lesson also gives the tutor its first **tool**, the code interpreter, so you can
// watch it write and run code in the middle of its answer.

// %% [markdown] id="setup-note"
// The setup cell below recreates the client from lesson 1.

// %% Recreate the client id="recreate-client" tags=["setup"]
import OpenAI from "openai";
import dotenv from "dotenv";
dotenv.config({ quiet: true });
const client = new OpenAI();

// %% [markdown] id="code-interpreter-tutor"
// ## A tutor that can run code
//
// Language models are good at explaining math and not always good at doing arithmetic.
// The **code interpreter** tool lets the assistant write Python and run it in a sandbox
// on OpenAI's side, then use the result in its answer. To switch it on, list it in the
// assistant's `tools`. We also change the instructions: this tutor should write and run
// code to answer math questions rather than answer briefly.

// %% Create an assistant with the code interpreter id="create-assistant-with-code-interpreter"
import { show_json } from "../src/helpers/index.ts";
const assistant = await client.beta.assistants.create({
  name: "Math Tutor",
  instructions: "You are a personal math tutor. Write and run code to answer math questions.",
  tools: [{ type: "code_interpreter" }],
  model: "gpt-4o-mini",
});
show_json(assistant);

// %% [markdown] id="code-interpreter-fields"
// Compared with lesson 1, `tools` now holds `{ "type": "code_interpreter" }`, and
// `tool_resources` has a `code_interpreter` entry with an empty `file_ids` list. That is
// where you would attach files (say, a CSV of measurements) for the code to read.
//
// Next, a thread with the question, exactly as in lessons 2 and 3.

// %% Create a thread and add the question id="create-thread-with-question"
import { pretty_print } from "../src/helpers/index.ts";
const thread = await client.beta.threads.create();
await client.beta.threads.messages.create(thread.id, {
  role: "user",
  content: "I need to solve the equation `3x + 11 = 14`. Can you help me?",
});
pretty_print(await client.beta.threads.messages.list(thread.id));

// %% [markdown] id="events-and-deltas"
// ## Events, deltas and snapshots
//
// `runs.stream()` takes the same arguments as `runs.create()`, but sends
// `stream: true`. The API then answers with **server-sent events**: a long-lived
// response made of small `event:` / `data:` frames. Each frame has a name such as
// `thread.run.created`, `thread.message.delta` or `thread.run.completed`, and carries an
// object as its data.
//
// You rarely need to handle those raw frames yourself. The SDK wraps them in an
// `AssistantStream`, which keeps track of what has arrived so far and calls the
// handlers you register with `.on(name, handler)`. Four of them are enough to print
// the whole conversation as it happens:
//
// - `textCreated`: the assistant starts a new piece of text. We print an
//   `assistant >` prompt.
// - `textDelta`: a few more characters of that text arrived. A **delta** is only the
//   new piece, like `" subtract"`; we print it without a newline, so the words line up
//   into sentences.
// - `toolCallCreated`: the assistant starts using a tool. We print which one.
// - `toolCallDelta`: a piece of the tool call arrived. For the code interpreter, that is
//   either more of the code it is writing (`input`) or what the code printed
//   (`outputs` of type `"logs"`).
//
// Delta handlers also receive a second argument, the **snapshot**: everything
// accumulated so far, with the delta already applied. Print deltas when you want to
// show text as it grows; use the snapshot when you need the full text at that moment.
//
// `process.stdout.write` prints without adding a newline. (`console.log` would put
// every delta on a line of its own.)
//
// As in lesson 4, we give this one run its own `instructions`: address the user as
// Jane Doe. Remember from lesson 8 that they *replace* the assistant's instructions.

// %% Stream the run id="stream-run"
const stream = client.beta.threads.runs.stream(thread.id, {
  assistant_id: assistant.id,
  instructions: "Please address the user as Jane Doe. The user has a premium account.",
});
stream
  .on("textCreated", () => process.stdout.write("\nassistant > "))
  .on("textDelta", (delta) => process.stdout.write(delta.value ?? ""))
  .on("toolCallCreated", (call) => process.stdout.write(`\nassistant > ${call.type}\n`))
  .on("toolCallDelta", (delta) => {
    if (delta.type === "code_interpreter" && delta.code_interpreter) {
      if (delta.code_interpreter.input) process.stdout.write(delta.code_interpreter.input);
      for (const output of delta.code_interpreter.outputs ?? []) {
        if (output.type === "logs") process.stdout.write(`\n\noutput >\n${output.logs ?? ""}`);
      }
    }
  });
const run = await stream.finalRun();
process.stdout.write("\n"); // end the last streamed line

// %% [markdown] id="event-table"
// Live, the text appears word by word; a replay delivers the recorded events as one
// stream too, only faster. The table under the output counts the events of this one
// run, each kind listed where it first appeared:
//
// - `thread.run.created`, `thread.run.queued` and `thread.run.in_progress` are the
//   statuses you used to poll for, now pushed to you.
// - Each **run step** (`thread.run.step.created`, `…in_progress`, `…completed`) is one
//   thing the assistant did. This run has three: write a message, call the code
//   interpreter, write another message.
// - `thread.message.created`, many `thread.message.delta`s, then
//   `thread.message.completed`: a message being written, a word or so per delta.
// - `thread.run.step.delta` carries the tool call's pieces: its code, then its output.
// - `thread.run.completed` is the run's last status, and `done` closes the stream.
//
// Look at what the assistant did, and what told it to. This run's instructions were
// only the Jane Doe text, which replaced "write and run code", and the greeting "Jane
// Doe" comes from them. The code interpreter did not go away with the old instructions:
// a run takes its `tools` from the assistant, so the tool was still there, and for an
// equation the model chose to use it. It explained the plan, wrote a few lines of Python
// with the `sympy` library, ran them, and read the printed result, `[1]`, before giving
// its answer. (The source tutorial's streamed run, under the same Jane Doe instructions,
// also solved the equation with the code interpreter.)
//
// `stream.finalRun()` waited for the stream to end and returned the run as the last
// event described it. It is a normal run object, so everything from lesson 5 applies.

// %% Check the finished run id="check-finished-run"
console.log(run.status);
if (run.usage) {
  const { prompt_tokens, completion_tokens, total_tokens } = run.usage;
  console.log(`${prompt_tokens} prompt + ${completion_tokens} completion = ${total_tokens} tokens`);
}

// %% [markdown] id="tool-token-cost"
// The prompt side is much larger than in lesson 5, although the thread holds a single
// short question. With tools, the model is called once per step, and each call reads
// the instructions, the thread and everything written so far in this run. Tools make
// answers more reliable, and more expensive.

// %% [markdown] id="final-snapshots"
// ## The final messages and steps
//
// The stream also kept the **final snapshots**: every message and run step in its
// finished form. `finalMessages()` returns the messages this run wrote, so you do not
// need a `messages.list()` call to read them. Each one is a complete message object,
// the same as you would find in the thread.

// %% Print the final messages id="print-final-messages"
const finalMessages = await stream.finalMessages();
for (const finished of finalMessages) {
  for (const part of finished.content) {
    if (part.type === "text") console.log(part.text.value);
  }
}

// %% [markdown] id="code-in-run-steps"
// Two messages: the plan before the code ran and the answer after it. The code itself
// is not in either message: tool calls are recorded in **run steps**. The step
// snapshots from `finalRunSteps()` show the tool call that all those
// `thread.run.step.delta` events added up to.

// %% Show the code interpreter step id="show-code-interpreter-step"
const steps = await stream.finalRunSteps();
console.log(steps.map((step) => step.type).join(", "));
const toolStep = steps.find((step) => step.step_details.type === "tool_calls");
if (toolStep) show_json(toolStep.step_details);

// %% [markdown] id="tool-call-fields"
// The `tool_calls` step lists one call of type `code_interpreter`. Its `input` is the
// code the assistant wrote, and its `outputs` hold what the code printed as `logs`. If
// the code had drawn a chart, you would find an output of type `"image"` with a file
// id instead. You can also read steps without streaming, with
// `client.beta.threads.runs.steps.list(runId, { thread_id })`.

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - `client.beta.threads.runs.stream(threadId, body)` starts a run and streams its
//   events, so you can show the answer while it is being written.
// - Register handlers with `.on()`: `textCreated` and `textDelta` for text,
//   `toolCallCreated` and `toolCallDelta` for tools. Deltas are the new pieces;
//   snapshots are everything so far.
// - `finalRun()`, `finalMessages()` and `finalRunSteps()` wait for the end of the
//   stream and return the finished run, messages and steps.
// - The `code_interpreter` tool lets the assistant write and run Python. Its code and
//   output are kept in the run's `tool_calls` steps, not in the messages.
//
// **Next:** in lesson 12 you wrap a run in a loop to build a small chat program, then
// clean up after it.

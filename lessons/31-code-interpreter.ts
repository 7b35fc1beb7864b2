// %% [markdown] id="intro"
// # Lesson 31: Run code with the code interpreter
//
// In lesson 11 the tutor wrote and ran Python in the middle of a streamed run, using the
// **code interpreter** tool. The tool is still there with responses, with one new idea:
// the code runs in a **container**, a sandboxed machine with Python that you can name
// and reuse across requests.
//
// **This lesson replaces the code interpreter of lessons 11, 15 and 17**: the tool, the
// code it wrote, its logs, streaming it, and giving it a file of your own.

// %% [markdown] id="setup-note"
// The setup cells below recreate the client and the model from lesson 21.

// %% Recreate the client id="recreate-client" tags=["setup"]
import OpenAI from "openai";
import dotenv from "dotenv";
dotenv.config({ quiet: true });
const client = new OpenAI();

// %% Recreate the model id="recreate-model" tags=["setup"]
const MODEL = "gpt-4o-mini";

// %% [markdown] id="the-tool"
// ## The tool and its container
//
// The tool is `{ type: "code_interpreter", container }`. With
// `container: { type: "auto" }` the API starts a new container for the request, or reuses
// one it started for you recently. To give the code files to work on, upload them
// (`files.create`, as in lesson 30) and list their ids in the container:
// `{ type: "auto", file_ids: [...] }`. The instructions are lesson 11's: write and run
// code to answer.

// %% Describe the tool id="describe-tool"
import type { Tool } from "openai/resources/responses/responses";
const INSTRUCTIONS = "You are a personal math tutor. Write and run code to answer math questions.";
const codeInterpreter: Tool = { type: "code_interpreter", container: { type: "auto" } };

// %% [markdown] id="ask"
// ## Ask lesson 11's question
//
// The code the model writes is always in the output. What the code printed is only
// returned on request: `include: ["code_interpreter_call.outputs"]`.

// %% Ask with the code interpreter id="solve-with-code"
import { show_json } from "../src/helpers/index.ts";
const QUESTION = "I need to solve the equation `3x + 11 = 14`. Can you help me?";
const response = await client.responses.create({
  model: MODEL,
  instructions: INSTRUCTIONS,
  tools: [codeInterpreter],
  include: ["code_interpreter_call.outputs"],
  input: QUESTION,
});
show_json(response.output);

// %% [markdown] id="call-fields"
// The `code_interpreter_call` item is lesson 11's `tool_calls` run step, in one piece:
//
// - `code` is the Python the model wrote (the step's `input`);
// - `outputs` holds what it printed, as `logs` (a chart would be an output of type
//   `"image"`);
// - `container_id` names the container it ran in.
//
// After it comes the message with the answer, written after the code ran. Print the
// three parts the way lesson 11 printed them.

// %% Print the code, its output and the answer id="print-code-and-answer"
for (const item of response.output) {
  if (item.type === "code_interpreter_call") {
    console.log(`assistant > code_interpreter\n${item.code}`);
    for (const output of item.outputs ?? []) if (output.type === "logs") console.log(`\noutput >\n${output.logs}`);
  }
  if (item.type === "message") {
    for (const part of item.content) if (part.type === "output_text") console.log(`\nassistant > ${part.text}`);
  }
}

// %% [markdown] id="stream-in-the-same-container"
// ## Stream it, in the same container
//
// A container keeps its files and Python state while it is in use (it expires after
// about 20 idle minutes). To reuse it, pass its id as the `container` instead of
// `{ type: "auto" }`. This time we also stream, as lesson 11 did: the code arrives in
// `response.code_interpreter_call_code.delta` events, and the answer in
// `response.output_text.delta` events.

// %% Stream in the same container id="stream-same-container"
const call = response.output.find((item) => item.type === "code_interpreter_call");
if (call?.type !== "code_interpreter_call") throw new Error("The response ran no code.");
const stream = client.responses.stream({
  model: MODEL,
  instructions: "Please address the user as Jane Doe. The user has a premium account.",
  tools: [{ type: "code_interpreter", container: call.container_id }],
  input: QUESTION,
});
for await (const event of stream) {
  if (event.type === "response.output_item.added" && event.item.type === "code_interpreter_call")
    process.stdout.write("assistant > code_interpreter\n");
  if (event.type === "response.code_interpreter_call_code.delta") process.stdout.write(event.delta);
  if (event.type === "response.output_item.added" && event.item.type === "message") process.stdout.write("\n\nassistant > ");
  if (event.type === "response.output_text.delta") process.stdout.write(event.delta);
}
process.stdout.write("\n");
const streamed = await stream.finalResponse();
console.log(streamed.output.find((item) => item.type === "code_interpreter_call")?.container_id === call.container_id);

// %% [markdown] id="event-table"
// The event table shows the code interpreter's own events between the output items:
// `…in_progress`, the code deltas, `…code.done`, `…interpreting` while it runs, and
// `…completed`. As in lesson 11, the greeting comes from this request's instructions.
//
// Tools cost tokens, as lesson 11 showed for runs: before it answered, the model read its
// own code and what the code printed, and `usage.input_tokens` counts that too.

// %% Show the usage id="show-usage"
if (streamed.usage) {
  const { input_tokens, output_tokens, total_tokens } = streamed.usage;
  console.log(`${input_tokens} input + ${output_tokens} output = ${total_tokens} tokens`);
}

// %% [markdown] id="your-data"
// ## Give it your data
//
// Lesson 15 gave the code interpreter a CSV file of quiz scores. Here the file goes into
// the container: upload it as in lesson 30, and list its id in the container's
// `file_ids`. The code finds it under `/mnt/data/`, by its file name.

// %% Upload the CSV and ask for a summary id="summarise-csv"
import { createReadStream } from "node:fs";
const scores = await client.files.create({
  file: createReadStream(new URL("files/quiz-scores.csv", import.meta.url)),
  purpose: "assistants",
});
const summary = await client.responses.create({
  model: MODEL,
  instructions: INSTRUCTIONS,
  tools: [{ type: "code_interpreter", container: { type: "auto", file_ids: [scores.id] } }],
  include: ["code_interpreter_call.outputs"],
  input:
    "Summarise the quiz scores in the attached CSV file: the class average of each quiz, the best average, and who improved the most.",
});
for (const item of summary.output) {
  if (item.type === "code_interpreter_call") {
    for (const output of item.outputs ?? []) if (output.type === "logs") console.log(`output >\n${output.logs}`);
  }
}
console.log(`assistant > ${summary.output_text}`);

// %% [markdown] id="files-in-containers"
// The averages climb from quiz to quiz, and the answer names the best and the most
// improved student, computed with pandas in the container. Lesson 15 also drew a chart:
// here a file the code writes stays in the container, and the answer cites it with a
// `container_file_citation` annotation; you download it through the Containers API
// (`client.containers.files.content.retrieve(fileId, { container_id })`).
//
// Containers clean up after themselves, but the file you uploaded stays in your project
// until you delete it, as in lesson 30.

// %% Delete the uploaded file id="delete-uploaded-file"
show_json(await client.files.delete(scores.id));

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - `{ type: "code_interpreter", container: { type: "auto" } }` lets the model write and
//   run Python in a container; pass a `container_id` to reuse one.
// - The `code_interpreter_call` item holds the `code`, and with
//   `include: ["code_interpreter_call.outputs"]` its `logs`; the answer follows as a
//   message.
// - Streaming adds `response.code_interpreter_call_code.delta` and the call's progress
//   events.
// - Files for the code go into the container with `container: { type: "auto", file_ids }`.
//
// That completes part 2. The migration page (`docs/migration.md`) puts every cell of
// part 1 beside its part-2 counterpart.

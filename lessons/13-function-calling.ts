// %% [markdown] id="intro"
// # Lesson 13: Let the assistant call your functions
//
// The code interpreter runs code on OpenAI's side. **Function calling** goes the other
// way: the assistant asks *your program* to run a function you wrote, waits for the
// result, and then answers with it. The function can do anything your program can: look
// something up in your database, call another service, or, as here, do a calculation
// you want done exactly right.
//
// You describe each function with a name, a sentence saying what it does, and a JSON
// Schema of its arguments. When a question needs it, the run stops in a new status,
// `requires_action`, and lists the calls the model wants made. Your program runs them,
// sends back the outputs, and the run carries on.

// %% [markdown] id="setup-note"
// The setup cell below recreates the client from lesson 1.

// %% Recreate the client id="recreate-client" tags=["setup"]
import OpenAI from "openai";
import dotenv from "dotenv";
dotenv.config({ quiet: true });
const client = new OpenAI();

// %% [markdown] id="the-function"
// ## A function worth calling
//
// Our tutor will convert units. The function is ordinary TypeScript: it takes a value
// and two unit names, and returns the converted value rounded to two decimal places.
// Nothing about it knows the Assistants API.

// %% Define convert_units id="define-convert-units"
const CONVERSIONS: Record<string, (value: number) => number> = {
  "mi>km": (value) => value * 1.609344,
  "km>mi": (value) => value / 1.609344,
  "lb>kg": (value) => value * 0.45359237,
  "kg>lb": (value) => value / 0.45359237,
  "C>F": (value) => (value * 9) / 5 + 32,
  "F>C": (value) => ((value - 32) * 5) / 9,
};

function convert_units(value: number, from: string, to: string): number {
  const convert = CONVERSIONS[`${from}>${to}`];
  if (!convert) throw new Error(`cannot convert ${from} to ${to}`);
  return Math.round(convert(value) * 100) / 100;
}

console.log(convert_units(1, "mi", "km"));

// %% [markdown] id="describe-the-tool"
// ## Describe it as a tool
//
// The assistant never sees your code, only this description. A `function` tool has a
// `name` (the one your program will dispatch on), a `description` the model reads to
// decide when the function helps, and `parameters`: a JSON Schema of the arguments. The
// `enum` lists keep the model to units the function knows.

// %% Create an assistant with the function id="create-assistant-with-function"
import { show_json } from "../src/helpers/index.ts";
const UNITS = ["mi", "km", "lb", "kg", "C", "F"];
const assistant = await client.beta.assistants.create({
  name: "Math Tutor",
  instructions: "You are a personal math tutor. Use the convert_units function for every unit conversion.",
  model: "gpt-4o-mini",
  tools: [
    {
      type: "function",
      function: {
        name: "convert_units",
        description: "Convert a value between miles and kilometres, pounds and kilograms, or degrees Celsius and Fahrenheit.",
        parameters: {
          type: "object",
          properties: {
            value: { type: "number", description: "The value to convert" },
            from: { type: "string", enum: UNITS },
            to: { type: "string", enum: UNITS },
          },
          required: ["value", "from", "to"],
        },
      },
    },
  ],
});
show_json(assistant.tools);

// %% [markdown] id="echoed-tool"
// The assistant echoes the tool back with one field added: `strict: false`. In strict
// mode the model's arguments are guaranteed to match the schema exactly; without it they
// almost always do, and your program should still check them.

// %% [markdown] id="requires-action"
// ## The run stops and asks
//
// We ask a question that needs a conversion and let `createAndPoll` (lesson 10) wait for
// the run. It comes back long before the answer is written, with the status
// `requires_action`.

// %% Ask a question that needs the function id="ask-marathon"
const thread = await client.beta.threads.create({
  messages: [{ role: "user", content: "A marathon is 26.2 miles. How many kilometres is that?" }],
});
let run = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id }, { pollIntervalMs: 500 });
console.log(run.status);
show_json(run.required_action);

// %% [markdown] id="tool-call-fields"
// `required_action.submit_tool_outputs.tool_calls` is the to-do list. Each call has an
// `id`, the function's `name`, and its `arguments` as a **JSON string**, which the model
// wrote from your schema. It is text, not an object: parse it before use, and treat it
// like any other input from outside your program.
//
// The run waits in this status for about ten minutes (its `expires_at`); after that it
// expires and the question goes unanswered.

// %% [markdown] id="submit-outputs"
// ## Send back the outputs
//
// For every call, run the function and pair its result with the call's `id`. An
// output is a string; here the number as text. `submitToolOutputs` hands them to the
// run, which goes back to `queued`.

// %% Run the function and submit its output id="submit-tool-outputs"
function runToolCalls(waiting: OpenAI.Beta.Threads.Run) {
  const calls = waiting.required_action?.submit_tool_outputs.tool_calls ?? [];
  return calls.map((call) => {
    const args = JSON.parse(call.function.arguments) as { value: number; from: string; to: string };
    const output = String(convert_units(args.value, args.from, args.to));
    console.log(`${call.function.name}(${call.function.arguments}) -> ${output}`);
    return { tool_call_id: call.id, output };
  });
}

run = await client.beta.threads.runs.submitToolOutputs(run.id, {
  thread_id: thread.id,
  tool_outputs: runToolCalls(run),
});
console.log(run.status);

// %% [markdown] id="poll-again"
// Queued again means we wait again. `runs.poll` is the waiting half of `createAndPoll`:
// it polls a run that already exists until it stops.

// %% Wait for the answer id="poll-for-answer"
run = await client.beta.threads.runs.poll(run.id, { thread_id: thread.id }, { pollIntervalMs: 500 });
console.log(run.status);
const [answer] = (await client.beta.threads.messages.list(thread.id, { run_id: run.id })).data;
if (answer?.content[0]?.type === "text") console.log(answer.content[0].text.value);

// %% [markdown] id="steps-show-the-call"
// The answer uses the number our function computed. The run steps (lesson 11) keep a
// record of the exchange: a `tool_calls` step whose function call now carries its
// `output`, then the step that wrote the message.

// %% List the run's steps id="list-steps"
const steps = await client.beta.threads.runs.steps.list(run.id, { thread_id: thread.id, order: "asc" });
for (const step of steps.data) {
  if (step.step_details.type === "tool_calls") show_json(step.step_details.tool_calls);
  else console.log(step.type);
}

// %% [markdown] id="parallel-calls"
// ## Two calls at once
//
// A question can need the same function twice, or several functions. The model then
// asks for all the calls in one `requires_action` (**parallel tool calls**, on by
// default: see `parallel_tool_calls` in the run). Our `runToolCalls` already handles
// any number of calls, so the only change is the helper we submit with:
// `submitToolOutputsAndPoll` submits and then polls, like `createAndPoll` does for a
// new run.

// %% Ask for two conversions id="ask-two-conversions"
await client.beta.threads.messages.create(thread.id, {
  role: "user",
  content: "This morning I ran 10 km, and I weigh 70 kg. What are those in miles and pounds?",
});
run = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id }, { pollIntervalMs: 500 });
console.log(run.status, run.required_action?.submit_tool_outputs.tool_calls.length);
run = await client.beta.threads.runs.submitToolOutputsAndPoll(
  run.id,
  { thread_id: thread.id, tool_outputs: runToolCalls(run) },
  { pollIntervalMs: 500 },
);
const [both] = (await client.beta.threads.messages.list(thread.id, { run_id: run.id })).data;
if (both?.content[0]?.type === "text") console.log(both.content[0].text.value);

// %% [markdown] id="all-or-nothing"
// Every call needs its output in the same request: the API refuses a submission that
// leaves one out, and the run keeps waiting.

// %% [markdown] id="streaming-calls"
// ## Function calls in a stream
//
// With streaming (lesson 11), the calls arrive as events. `toolCallCreated` names the
// function, `toolCallDelta` brings its arguments a piece at a time, and the stream
// ends with a `thread.run.requires_action` event: `finalRun()` then returns the waiting
// run. `submitToolOutputsStream` sends the outputs and opens a **new** stream, which
// carries the rest of the run: the written answer, then `thread.run.completed`.

// %% Stream a run that calls the function id="stream-function-call"
await client.beta.threads.messages.create(thread.id, {
  role: "user",
  content: "Water boils at 100 °C. What is that in Fahrenheit?",
});
const asking = client.beta.threads.runs
  .stream(thread.id, { assistant_id: assistant.id })
  .on("toolCallCreated", (call) => process.stdout.write(`\nassistant > ${call.type === "function" ? call.function.name : call.type}(`))
  .on("toolCallDelta", (delta) => {
    if (delta.type === "function") process.stdout.write(delta.function?.arguments ?? "");
  })
  .on("toolCallDone", () => process.stdout.write(")\n"));
run = await asking.finalRun();
console.log(run.status);

const answering = client.beta.threads.runs
  .submitToolOutputsStream(run.id, { thread_id: thread.id, tool_outputs: runToolCalls(run) })
  .on("textCreated", () => process.stdout.write("\nassistant > "))
  .on("textDelta", (delta) => process.stdout.write(delta.value ?? ""));
run = await answering.finalRun();
process.stdout.write("\n");
console.log(run.status);

// %% [markdown] id="two-streams"
// The event table counts both streams of the cell. The first one stops after the
// argument deltas (`thread.run.step.delta`) with `thread.run.requires_action`; the
// second starts with the completed tool step (`thread.run.step.completed`), because
// submitting the outputs is what finished it, and then streams the answer.

// %% [markdown] id="clean-up"
// ## Clean up
//
// As in lesson 12, delete what the lesson created.

// %% Delete the assistant and the thread id="delete-assistant-and-thread"
console.log((await client.beta.assistants.delete(assistant.id)).deleted);
console.log((await client.beta.threads.delete(thread.id)).deleted);

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - A `function` tool describes your function to the model: a name, a description, and
//   a JSON Schema of its arguments. The code stays in your program.
// - When the model wants the function, the run stops in `requires_action`, with the
//   calls in `required_action.submit_tool_outputs.tool_calls`. Arguments come as a JSON
//   string.
// - `submitToolOutputs` sends one output per call id and queues the run again;
//   `submitToolOutputsAndPoll` also waits for the end. Parallel calls are answered in
//   one submission.
// - Streaming: the stream ends with `thread.run.requires_action`, and
//   `submitToolOutputsStream` continues the run in a new stream.
//
// **Next:** in lesson 14 the assistant answers from a document you upload, and cites it.

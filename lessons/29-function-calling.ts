// %% [markdown] id="intro"
// # Lesson 29: Call your own functions
//
// A tutor that checks answers should not trust its own arithmetic. With **function
// calling**, the model can ask *your* code to do something (look something up, compute
// something) and then answer from the result. In part 1 a run stopped in
// `requires_action`, you ran the function, and `submitToolOutputs` let the run go on.
// With responses there is nothing to resume: the response simply **ends with a
// `function_call` item**, and you send the function's output in a new request. You write
// the loop yourself, and you can see every step of it.
//
// **This lesson replaces lesson 13** (function tools, `requires_action`,
// `submitToolOutputs` and parallel calls).

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

// %% [markdown] id="the-function"
// ## The function and its description
//
// Our function checks whether a number solves a linear equation such as
// `3x + 11 = 14`: it works out both sides for the given x. This is ordinary code that
// runs on your machine; the model never sees it.

// %% Write the function id="write-function"
function side_value(side: string, x: number): number {
  // "3x+11" -> ["3x", "+11"]; a term ending in x is a coefficient times x.
  const terms = side.replace(/\s+/g, "").match(/[+-]?[^+-]+/g) ?? [];
  return terms.reduce((sum, term) => {
    if (!term.endsWith("x")) return sum + Number(term);
    const coefficient = term.slice(0, -1);
    return sum + (coefficient === "" || coefficient === "+" ? 1 : coefficient === "-" ? -1 : Number(coefficient)) * x;
  }, 0);
}
function check_solution({ equation, x }: { equation: string; x: number }) {
  const [left = "", right = ""] = equation.split("=");
  const sides = { left: side_value(left, x), right: side_value(right, x) };
  return { ...sides, is_solution: sides.left === sides.right };
}
console.log(check_solution({ equation: "3x + 11 = 14", x: 1 }));

// %% [markdown] id="the-tool"
// What the model does see is a **description**: a function tool with a `name`, a
// `description` saying when to use it, and `parameters` as a JSON Schema. The shape is
// flatter than in the Assistants API, where it was nested under `function`. With
// `strict: true` the model's arguments always match the schema, which requires
// `additionalProperties: false` and every property listed in `required`.

// %% Describe the tool id="describe-tool"
import type { FunctionTool } from "openai/resources/responses/responses";
const checker: FunctionTool = {
  type: "function",
  name: "check_solution",
  description: "Substitutes a value of x into a linear equation in x and reports both sides.",
  parameters: {
    type: "object",
    properties: {
      equation: { type: "string", description: "The equation, such as 3x + 11 = 14" },
      x: { type: "number", description: "The value of x to check" },
    },
    required: ["equation", "x"],
    additionalProperties: false,
  },
  strict: true,
};

// %% [markdown] id="step-1"
// ## Step 1: the model asks for a call
//
// Ask with the tool in `tools`. The model decides whether to use it; since the learner
// asks for a check, it does. The response is `completed`, but its output is not a
// message: it is a `function_call` item.

// %% Ask a question that needs the function id="ask-with-tool"
import { show_json } from "../src/helpers/index.ts";
const QUESTION = "Is x = 1 a solution of `3x + 11 = 14`? Check it with the checker.";
const first = await client.responses.create({ model: MODEL, instructions: INSTRUCTIONS, tools: [checker], input: QUESTION });
console.log(first.status);
show_json(first.output);

// %% [markdown] id="function-call-fields"
// The `function_call` item says which function (`name`) with which `arguments`, a JSON
// **string** you parse yourself. Its `call_id` ties your answer to this call: the
// model may ask for several calls at once, and each output names the call it answers.
// `output_text` is empty, because nothing was said yet.

// %% [markdown] id="step-2"
// ## Step 2: run the function
//
// Find the calls in `output`, run each one, and turn each result into a
// `function_call_output` item with the same `call_id`. The output is a string, so
// results are sent as JSON.

// %% Run the requested calls id="run-calls"
import type { ResponseInputItem } from "openai/resources/responses/responses";
const outputs: ResponseInputItem[] = [];
for (const item of first.output) {
  if (item.type !== "function_call" || item.name !== "check_solution") continue;
  const result = check_solution(JSON.parse(item.arguments));
  outputs.push({ type: "function_call_output", call_id: item.call_id, output: JSON.stringify(result) });
}
show_json(outputs);

// %% [markdown] id="step-3"
// ## Step 3: send the output back
//
// A new request continues from the first one with `previous_response_id`, and its
// `input` is the outputs. Send the `tools` again, in case the model wants another call.
// This time the answer is a message, written from your function's result.

// %% Send the outputs and get the answer id="send-outputs"
const second = await client.responses.create({
  model: MODEL,
  instructions: INSTRUCTIONS,
  tools: [checker],
  previous_response_id: first.id,
  input: outputs,
});
console.log(second.output_text);

// %% [markdown] id="the-loop"
// ## The loop, once and for all
//
// Those three steps repeat until a response holds no more function calls, so they fit
// in one helper. `answer_with_tools` keeps the turn in a conversation this time, which
// works just like `previous_response_id`: the calls and their outputs become items of
// the conversation. A map from names to functions lets it serve any number of tools.

// %% Define answer_with_tools id="define-answer-with-tools"
import type { Response } from "openai/resources/responses/responses";
const FUNCTIONS: Record<string, (args: never) => unknown> = { check_solution };
async function answer_with_tools(conversationId: string, input: string | ResponseInputItem[]): Promise<Response> {
  for (;;) {
    const response = await client.responses.create({
      model: MODEL,
      instructions: INSTRUCTIONS,
      tools: [checker],
      conversation: conversationId,
      input,
    });
    const calls = response.output.filter((item) => item.type === "function_call");
    if (calls.length === 0) return response;
    input = calls.map((call) => {
      const fn = FUNCTIONS[call.name];
      const result = fn ? fn(JSON.parse(call.arguments) as never) : { error: `unknown function ${call.name}` };
      return { type: "function_call_output", call_id: call.call_id, output: JSON.stringify(result) };
    });
  }
}

// %% Answer in a conversation id="answer-in-conversation"
import { pretty_print } from "../src/helpers/index.ts";
const conversation = await client.conversations.create();
const answer = await answer_with_tools(conversation.id, QUESTION);
console.log(answer.output_text);
pretty_print(await client.conversations.items.list(conversation.id, { order: "asc" }));

// %% [markdown] id="calls-are-items"
// The conversation shows the whole exchange: the question, the model's call, your
// output, and the answer. In part 1, the call lived in a run step and never appeared
// among the thread's messages; here it is an item like any other, so the next turn
// reads it too.
//
// Real code should also guard the loop: cap the number of rounds, and catch errors in
// your functions and return them as output, so the model can explain the problem
// instead of your program crashing.

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - A function tool is `{ type: "function", name, description, parameters, strict }`.
// - When the model wants a call, the response ends with `function_call` items; parse
//   `arguments`, run your function, and send `function_call_output` items with the same
//   `call_id`, continuing by `previous_response_id` or in the conversation.
// - The loop repeats until a response holds no calls; calls and outputs are items too.
//
// **Next:** in lesson 30 the model searches your files.

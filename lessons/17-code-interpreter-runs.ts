// %% [markdown] id="intro"
// # Lesson 17: Run instructions without streaming
//
// The second tutorial of this course walks through the Assistants API by hand, without
// streaming: it creates a "Math Tutor2" assistant that can run code, a thread, a run with
// its own `instructions`, then retrieves the run until it is done and lists the
// messages. Its first answer surprised its author: instead of solving the equation, the
// tutor just said hello to Jane Doe. The fourth tutorial then shows the short way, one
// `create_and_poll` call with the same `instructions`.
//
// This lesson follows both, and explains the surprise.

// %% [markdown] id="setup-note"
// The setup cell below recreates the client from lesson 1.

// %% Recreate the client id="recreate-client" tags=["setup"]
import OpenAI from "openai";
import dotenv from "dotenv";
dotenv.config({ quiet: true });
const client = new OpenAI();

// %% [markdown] id="assistant"
// ## Math Tutor2
//
// The assistant of the second tutorial: the code interpreter tool and instructions to
// write and run code. (The tutorial used `gpt-4-1106-preview`, a model OpenAI has since
// retired; we use `gpt-4o-mini` as in the rest of the course.)

// %% Create Math Tutor2 id="create-math-tutor-2"
import { show_json } from "../src/helpers/index.ts";
const assistant = await client.beta.assistants.create({
  name: "Math Tutor2",
  instructions: "You are a personal math tutor. Write and run code to answer math questions.",
  tools: [{ type: "code_interpreter" }],
  model: "gpt-4o-mini",
});
console.log(assistant.id, assistant.name);

// %% [markdown] id="run-first"
// ## A run with instructions, and no question
//
// Next comes a thread, and a run with per-run `instructions` (lesson 4): address the
// user as Jane Doe. In the tutorial, the question had gone to *another* thread: the
// message was added with a thread id left over from an earlier session, so the thread
// that ran held no question at all. We reproduce that here by starting the run before
// adding the question.

// %% Create a thread and a run id="create-thread-and-run"
const thread = await client.beta.threads.create();
let run = await client.beta.threads.runs.create(thread.id, {
  assistant_id: assistant.id,
  instructions: "Please address the user as Jane Doe. The user has a premium account.",
});
show_json(run);

// %% [markdown] id="queued"
// The run is `queued`, and its `instructions` are the ones we passed: they **replace**
// the assistant's own instructions for this run (lesson 8). The tutorial checked again
// with `runs.retrieve` until the status said `completed`; a loop does the same without
// guessing how long to wait.

// %% Retrieve the run until it is done id="retrieve-until-done"
import { sleep } from "../src/helpers/index.ts";
while (run.status === "queued" || run.status === "in_progress") {
  await sleep(500);
  run = await client.beta.threads.runs.retrieve(run.id, { thread_id: thread.id });
  console.log(run.status);
}

// %% [markdown] id="list-messages"
// ## List the messages
//
// The tutorial printed `messages.data[0].content[0].text.value`: the first text of the
// newest message.

// %% Read the newest message id="read-newest-message"
const messages = await client.beta.threads.messages.list(thread.id);
const newest = messages.data[0]?.content[0];
if (newest?.type === "text") console.log(newest.text.value);
console.log(messages.data.length);

// %% [markdown] id="why-hello"
// A greeting, and the thread holds a single message: the assistant's own. The run did
// exactly what it was given: the assistant's role (through the run's instructions, which
// replaced it) and a thread with no question. The tutorial's author blamed the
// instructions; the real cause was the empty thread. A run answers the messages on
// **its** thread, so always check which thread id a message went to.

// %% [markdown] id="create-and-poll"
// ## Ask, then create and poll
//
// Now the question goes on the thread, and we run it the fourth tutorial's way:
// `createAndPoll` with the same `instructions` creates the run and waits for it in one
// call.

// %% Add the question and run it id="add-question-and-run"
const question = await client.beta.threads.messages.create(thread.id, {
  role: "user",
  content: "I need to solve the equation `3x + 11 = 14`. Can you help me?",
});
run = await client.beta.threads.runs.createAndPoll(
  thread.id,
  { assistant_id: assistant.id, instructions: "Please address the user as Jane Doe. The user has a premium account." },
  { pollIntervalMs: 500 },
);
console.log(run.status);

// %% [markdown] id="read-answers"
// Since the run completed, we list the messages after the question, oldest first
// (lesson 7), and print each text. The tutor explained its plan, ran code, and then
// gave the answer, still addressing Jane Doe.

// %% Print the answers id="print-answers"
if (run.status === "completed") {
  const answers = await client.beta.threads.messages.list(thread.id, { order: "asc", after: question.id });
  const texts = answers.data.flatMap((message) => message.content.flatMap((part) => (part.type === "text" ? [`${message.role}: ${part.text.value}`] : [])));
  console.log(texts.join("\n\n"));
}

// %% [markdown] id="list-runs"
// ## Both runs, and the code
//
// `runs.list` shows the thread's runs, newest first. Both completed; only the second
// one used the code interpreter, as its steps show.

// %% List the runs and the steps id="list-runs-and-steps"
const runs = await client.beta.threads.runs.list(thread.id);
for (const listed of runs.data) {
  const steps = await client.beta.threads.runs.steps.list(listed.id, { thread_id: thread.id, order: "asc" });
  console.log(`${listed.id} ${listed.status}: ${steps.data.map((step) => step.type).join(", ")}`);
}
const steps = await client.beta.threads.runs.steps.list(run.id, { thread_id: thread.id, order: "asc" });
for (const step of steps.data) {
  if (step.step_details.type !== "tool_calls") continue;
  for (const call of step.step_details.tool_calls) if (call.type === "code_interpreter") console.log(call.code_interpreter.input);
}

// %% [markdown] id="clean-up"
// ## Clean up

// %% Delete the assistant and the thread id="delete-assistant-and-thread"
console.log((await client.beta.assistants.delete(assistant.id)).deleted);
console.log((await client.beta.threads.delete(thread.id)).deleted);

// %% [markdown] id="what-you-learned"
// ## What you learned
//
// - Run `instructions` replace the assistant's instructions for that run; they do not
//   add a question.
// - A run answers the messages on its own thread: a run on a thread with no question
//   gets a greeting, not an answer.
// - `runs.create` plus a `runs.retrieve` loop and `runs.createAndPoll` do the same
//   work; the helper is shorter.
// - `runs.list` and `runs.steps.list` show what each run did.
//
// This is the end of the Assistants part of the course. The Responses API lessons show
// how each of these programs looks after the migration.

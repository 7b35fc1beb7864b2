// An SDK session through the emulator beside the lessons: function calls looked at closely (a
// mismatched output, steps, the streamed event order), file_search by attachment, message and run
// updates, deletes, and the requests the emulator refuses. Returns what the test asserts on.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import OpenAI, { toFile } from "openai";
import { ROOT } from "../support/paths.ts";
import type { AssistantStreamEvent } from "openai/resources/beta/assistants";

export const FILE_QUESTION = "When is the final exam, and how much of the grade does it count for?";
export const CHECK_QUESTION = "Is x = 1 a solution of `3x + 11 = 14`? Check it with the checker.";
const TUTOR = { name: "Math Tutor", instructions: "You are a personal math tutor.", model: "gpt-4o-mini" };
const CHECKER = {
  type: "function" as const,
  function: {
    name: "check_solution",
    description: "Checks whether x solves the equation.",
    parameters: { type: "object", properties: { equation: { type: "string" }, x: { type: "number" } }, required: ["equation", "x"] },
  },
};

/** The error an SDK call ends in, as "status message"; a call that succeeds is a test failure. */
export async function failure(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof OpenAI.APIError) return error.message; // "status message"
    throw error;
  }
  throw new Error("expected the request to fail");
}

async function functionCalls(client: OpenAI) {
  const assistant = await client.beta.assistants.create({ ...TUTOR, tools: [CHECKER] });
  const thread = await client.beta.threads.create({ messages: [{ role: "user", content: CHECK_QUESTION }] });
  const waiting = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id }, { pollIntervalMs: 1 });
  const call = waiting.required_action?.submit_tool_outputs.tool_calls[0];
  const mismatch = await failure(
    client.beta.threads.runs.submitToolOutputs(waiting.id, {
      thread_id: thread.id,
      tool_outputs: [{ tool_call_id: "call_other", output: "x" }],
    }),
  );
  const done = await client.beta.threads.runs.submitToolOutputsAndPoll(
    waiting.id,
    { thread_id: thread.id, tool_outputs: [{ tool_call_id: call?.id ?? "", output: "true" }] },
    { pollIntervalMs: 1 },
  );
  const steps = await client.beta.threads.runs.steps.list(done.id, { thread_id: thread.id, order: "asc" });
  const step = await client.beta.threads.runs.steps.retrieve(steps.data[0]?.id ?? "", { thread_id: thread.id, run_id: done.id });
  const [answer] = (await client.beta.threads.messages.list(thread.id, { run_id: done.id })).data;
  return { assistant, thread, waiting, mismatch, done, steps: steps.data, step, answer };
}

export const TWO_CONVERSIONS = "This morning I ran 10 km, and I weigh 70 kg. What are those in miles and pounds?";
const CONVERTER = {
  type: "function" as const,
  function: {
    name: "convert_units",
    parameters: { type: "object", properties: { value: { type: "number" }, from: { type: "string" }, to: { type: "string" } } },
  },
};

/** What convert_units gives for the two conversions, by the unit converted from. */
const converted = (args: string) => ({ km: "6.21", kg: "154.32" })[(JSON.parse(args) as { from: string }).from] ?? "";

/** With parallel_tool_calls: false the two conversions come one per requires_action. */
async function oneCallAtATime(client: OpenAI) {
  const assistant = await client.beta.assistants.create({ ...TUTOR, tools: [CONVERTER] });
  const thread = await client.beta.threads.create({ messages: [{ role: "user", content: TWO_CONVERSIONS }] });
  const options = { pollIntervalMs: 1 };
  let run = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id, parallel_tool_calls: false }, options);
  const rounds: string[][] = [];
  while (run.status === "requires_action") {
    const calls = run.required_action?.submit_tool_outputs.tool_calls ?? [];
    rounds.push(calls.map((call) => call.function.arguments));
    const tool_outputs = calls.map((call) => ({ tool_call_id: call.id, output: converted(call.function.arguments) }));
    run = await client.beta.threads.runs.submitToolOutputsAndPoll(run.id, { thread_id: thread.id, tool_outputs }, options);
  }
  const [answer] = (await client.beta.threads.messages.list(thread.id, { run_id: run.id })).data;
  const steps = await client.beta.threads.runs.steps.list(run.id, { thread_id: thread.id, order: "asc" });
  return { rounds, status: run.status, answer, steps: steps.data.map((step) => step.type) };
}

async function streamedFunctionCalls(client: OpenAI, assistantId: string) {
  const thread = await client.beta.threads.create({ messages: [{ role: "user", content: CHECK_QUESTION }] });
  const events: string[] = [];
  const first = client.beta.threads.runs.stream(thread.id, { assistant_id: assistantId });
  first.on("event", (event: AssistantStreamEvent) => events.push(event.event));
  const waiting = await first.finalRun();
  const callId = waiting.required_action?.submit_tool_outputs.tool_calls[0]?.id ?? "";
  const second = client.beta.threads.runs.submitToolOutputsStream(waiting.id, {
    thread_id: thread.id,
    tool_outputs: [{ tool_call_id: callId, output: "true" }],
  });
  second.on("event", (event: AssistantStreamEvent) => events.push(event.event));
  const done = await second.finalRun();
  const text = (await second.finalMessages()).map((message) =>
    message.content.map((part) => (part.type === "text" ? part.text.value : "")),
  );
  return { events, waiting, done, text };
}

async function updatesAndDeletes(client: OpenAI, ids: { assistant: string; thread: string; run: string }) {
  const assistants = await client.beta.assistants.list({ limit: 100 });
  const renamed = await client.beta.assistants.update(ids.assistant, { name: "Checker", metadata: { course: "lessonbook" } });
  const thread = await client.beta.threads.update(ids.thread, { metadata: { lesson: "tools" } });
  const runs = await client.beta.threads.runs.list(ids.thread);
  const run = await client.beta.threads.runs.update(ids.run, { thread_id: ids.thread, metadata: { graded: "yes" } });
  const [question] = (await client.beta.threads.messages.list(ids.thread, { order: "asc", limit: 1 })).data;
  const messageId = question?.id ?? "";
  const message = await client.beta.threads.messages.update(messageId, { thread_id: ids.thread, metadata: { topic: "linear" } });
  const retrieved = await client.beta.threads.messages.retrieve(messageId, { thread_id: ids.thread });
  const deletedMessage = await client.beta.threads.messages.delete(messageId, { thread_id: ids.thread });
  const gone = await failure(client.beta.threads.messages.retrieve(messageId, { thread_id: ids.thread }));
  const deletedThread = await client.beta.threads.delete(ids.thread);
  const deletedAssistant = await client.beta.assistants.delete(ids.assistant);
  return { assistants, renamed, thread, runs, run, message, retrieved, deletedMessage, gone, deletedThread, deletedAssistant };
}

/** A request without the OpenAI-Beta header, which the SDK always sends on these routes. */
async function withoutBetaHeader(fetcher: typeof fetch, baseURL: string): Promise<string> {
  const response = await fetcher(`${baseURL}/assistants`);
  const body = (await response.json()) as { error: { message: string } };
  return `${response.status} ${body.error.message}`;
}

async function refusals(client: OpenAI, baseURL: string, fetcher: typeof fetch) {
  const assistant = await client.beta.assistants.retrieve((await client.beta.assistants.create(TUTOR)).id);
  const thread = await client.beta.threads.retrieve((await client.beta.threads.create()).id);
  const question = await client.beta.threads.messages.create(thread.id, { role: "user", content: "What is 2 to the power of 10?" });
  const run = (body: object) => client.beta.threads.runs.create(thread.id, { assistant_id: assistant.id, ...body });
  const queued = await run({});
  const cancelling = await client.beta.threads.runs.cancel(queued.id, { thread_id: thread.id });
  const cancelled = await client.beta.threads.runs.retrieve(queued.id, { thread_id: thread.id });
  // The cancelled run's input never reached the conversation: the question waits for the next run, once.
  const listed = async () =>
    (await client.beta.threads.messages.list(thread.id, { order: "asc" })).data.map((m) => [
      m.id === question.id ? "question" : m.role,
      m.content[0]?.type === "text" ? m.content[0].text.value : "",
    ]);
  const afterCancel = await listed();
  await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id }, { pollIntervalMs: 1 });
  const afterAnswer = await listed();
  const bare = await client.beta.assistants.create({ model: TUTOR.model });
  const empty = await client.beta.threads.create();
  const done = await client.beta.threads.createAndRunPoll(
    { assistant_id: assistant.id, thread: { messages: [{ role: "user", content: "Thank you!" }] } },
    { pollIntervalMs: 1 },
  );
  return {
    cancelled: [cancelling.status, cancelled.status, cancelled.started_at],
    afterCancel,
    afterAnswer,
    maxPromptTokens: await failure(run({ max_prompt_tokens: 500 })),
    lastMessages: await failure(run({ truncation_strategy: { type: "last_messages", last_messages: 2 } })),
    unknownAssistant: await failure(client.beta.threads.runs.create(thread.id, { assistant_id: "asst_unknown" })),
    missingBeta: await withoutBetaHeader(fetcher, baseURL),
    cancelDone: await failure(client.beta.threads.runs.cancel(done.id, { thread_id: done.thread_id })),
    unknownPath: await failure(client.get("/chat/sessions")),
    emptyThread: await failure(client.beta.threads.runs.create(empty.id, { assistant_id: bare.id })),
    containerFile: await failure(client.files.content("cfile_0123456789abcdef")),
  };
}

/** A file attached for file_search: uploaded (passed through), indexed in the thread's own vector store, cited. */
async function fileSearch(client: OpenAI) {
  const handout = await toFile(readFileSync(join(ROOT, "lessons/files/course-handout.md")), "course-handout.md");
  const file = await client.files.create({ file: handout, purpose: "assistants" });
  const assistant = await client.beta.assistants.create({ ...TUTOR, tools: [{ type: "file_search" }] });
  const attachments = [{ file_id: file.id, tools: [{ type: "file_search" as const }] }];
  const thread = await client.beta.threads.create({ messages: [{ role: "user", content: FILE_QUESTION, attachments }] });
  const include = ["step_details.tool_calls[*].file_search.results[*].content" as const];
  const run = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id, include }, { pollIntervalMs: 1 });
  const [answer] = (await client.beta.threads.messages.list(thread.id, { run_id: run.id })).data;
  const steps = await client.beta.threads.runs.steps.list(run.id, { thread_id: thread.id, order: "asc" });
  return { file, run, answer, steps: steps.data, thread: await client.beta.threads.retrieve(thread.id) };
}

export async function beyondTheLessons(client: OpenAI, baseURL: string, fetcher: typeof fetch) {
  const calls = await functionCalls(client);
  const search = await fileSearch(client);
  const streamed = await streamedFunctionCalls(client, calls.assistant.id);
  const oneByOne = await oneCallAtATime(client);
  const refused = await refusals(client, baseURL, fetcher);
  const updated = await updatesAndDeletes(client, { assistant: calls.assistant.id, thread: calls.thread.id, run: calls.done.id });
  return { calls, search, streamed, oneByOne, refused, updated };
}

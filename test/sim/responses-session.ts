// A lesson-like session over every Responses and Conversations route the simulator implements:
// plain, chained, stored and unstored, background (polled and cancelled), streamed, function
// calling, file search and the code interpreter, a failed response, and the errors a learner
// meets, so that all of its traffic can be checked against the official schemas.
import { readFileSync } from "node:fs";
import type OpenAI from "openai";
import { toFile } from "openai";
import type { SimServer } from "../../sim/core/server.ts";

export const TUTOR = "You are a personal math tutor. Answer questions briefly, in a sentence or less.";
export const QUADRATIC = "I need to solve the equation `3x^2 + 11x - 10 = 0`. Can you help me?";
export const CHECK = "Is x = 1 a solution of `3x + 11 = 14`? Check it with the checker.";
export const CHECKER = {
  type: "function" as const,
  name: "check_solution",
  description: "Substitutes x into a linear equation and says whether both sides agree.",
  parameters: { type: "object", properties: { equation: { type: "string" }, x: { type: "number" } }, required: ["equation", "x"] },
  strict: false,
};

async function expectFailure(call: Promise<unknown>): Promise<void> {
  const failed = await call.then(
    () => false,
    () => true,
  );
  if (!failed) throw new Error("the session expected this request to fail");
}

async function responses(client: OpenAI) {
  const first = await client.responses.create({ model: "gpt-4o-mini", instructions: TUTOR, input: QUADRATIC });
  await client.responses.retrieve(first.id);
  await client.responses.inputItems.list(first.id, { order: "asc" });
  const more = "I don't quite follow. Could you explain it in more detail?";
  await client.responses.create({ model: "gpt-4o-mini", previous_response_id: first.id, input: more, store: false });
  await client.responses.stream({ model: "gpt-4o-mini", instructions: TUTOR, input: "Thank you!" }).finalResponse();
  const called = await client.responses.create({ model: "gpt-4o-mini", tools: [CHECKER], input: CHECK });
  const call = called.output.find((item) => item.type === "function_call");
  const output = [{ type: "function_call_output" as const, call_id: call?.call_id ?? "", output: "true" }];
  await client.responses.create({ model: "gpt-4o-mini", tools: [CHECKER], previous_response_id: called.id, input: output });
  await client.responses.stream({ model: "gpt-4o-mini", tools: [CHECKER], input: CHECK }).finalResponse();
  await client.responses.create({ model: "gpt-4o-mini", input: "Can you graph y = x^2 for me?" });
  await client.responses.stream({ model: "gpt-4o-mini", input: "Can you graph y = x^2 for me?" }).finalResponse();
  await client.responses.delete(first.id);
}

export const FINAL_EXAM = "When is the final exam, and how much of the grade does it count for?";
export const LINEAR = "I need to solve the equation `3x + 11 = 14`. Can you help me?";
const HANDOUT = readFileSync(new URL("../../lessons/files/course-handout.md", import.meta.url));

/** The hosted tools: file search over an uploaded handout, and the code interpreter, plain and streamed. */
async function hostedTools(client: OpenAI) {
  const file = await client.files.create({ file: await toFile(HANDOUT, "course-handout.md"), purpose: "assistants" });
  const store = await client.vectorStores.create({ name: "course" });
  await client.vectorStores.files.createAndPoll(store.id, { file_id: file.id }, { pollIntervalMs: 1 });
  const search = { type: "file_search" as const, vector_store_ids: [store.id] };
  await client.responses.create({ model: "gpt-4o-mini", tools: [search], include: ["file_search_call.results"], input: FINAL_EXAM });
  await client.responses.stream({ model: "gpt-4o-mini", tools: [search], input: FINAL_EXAM }).finalResponse();
  const code = { type: "code_interpreter" as const, container: { type: "auto" as const } };
  await client.responses.create({ model: "gpt-4o-mini", tools: [code], include: ["code_interpreter_call.outputs"], input: LINEAR });
  await client.responses.stream({ model: "gpt-4o-mini", tools: [code], input: LINEAR }).finalResponse();
}

async function background(client: OpenAI) {
  const queued = await client.responses.create({ model: "gpt-4o-mini", input: "Explain linear algebra to me.", background: true });
  for (let status = queued.status; status === "queued" || status === "in_progress"; )
    status = (await client.responses.retrieve(queued.id)).status;
  const other = await client.responses.create({ model: "gpt-4o-mini", input: "What is 2 to the power of 10?", background: true });
  await client.responses.cancel(other.id);
  await expectFailure(client.responses.cancel(queued.id));
}

async function conversations(client: OpenAI) {
  const conversation = await client.conversations.create({
    metadata: { user: "learner" },
    items: [{ type: "message", role: "user", content: "What is 2 to the power of 10?" }],
  });
  await client.conversations.retrieve(conversation.id);
  await client.conversations.update(conversation.id, { metadata: { user: "learner", lesson: "22" } });
  await client.responses.create({ model: "gpt-4o-mini", conversation: conversation.id, input: "And what is the square root of 1024?" });
  const added = await client.conversations.items.create(conversation.id, {
    items: [{ type: "message", role: "user", content: [{ type: "input_text", text: "Thank you!" }] }],
  });
  const page = await client.conversations.items.list(conversation.id, { order: "asc", limit: 2 });
  await client.conversations.items.list(conversation.id, { order: "asc", after: page.data[1]?.id ?? "" });
  await client.conversations.items.retrieve(added.data[0]?.id ?? "", { conversation_id: conversation.id });
  await client.conversations.items.delete(added.data[0]?.id ?? "", { conversation_id: conversation.id });
  await expectFailure(
    client.responses.create({ model: "gpt-4o-mini", conversation: conversation.id, previous_response_id: "resp_x", input: "Hi" }),
  );
  await client.conversations.delete(conversation.id);
}

async function failures(client: OpenAI, server: SimServer) {
  await expectFailure(client.responses.create({ model: "gpt-9", input: "Hi" }));
  await expectFailure(client.conversations.retrieve("conv_unknown"));
  await expectFailure(client.responses.retrieve("resp_unknown"));
  await expectFailure(client.responses.create({ model: "gpt-4o-mini", previous_response_id: "resp_unknown", input: "Hi" }));
  for (const flag of ["rejectKey", "rateLimit"] as const) {
    server.scenario[flag] = true;
    await expectFailure(client.responses.create({ model: "gpt-4o-mini", input: "Hi" }));
    server.scenario[flag] = false;
  }
}

export async function recordResponsesSession(client: OpenAI, server: SimServer): Promise<void> {
  await responses(client);
  await hostedTools(client);
  await background(client);
  await conversations(client);
  await failures(client, server);
}

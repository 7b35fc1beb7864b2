// A lesson-like session that touches every implemented route, every run ending and every
// error scenario once, so its recorded traffic can be checked against the official schemas.
import { type Harness, CODE_TUTOR, JANE_DOE, LINEAR_WITH_CODE, QUADRATIC, SHORT_TUTOR } from "./sdk-harness.ts";

/** Expected failures are part of the session; anything else must still throw. */
async function expectFailure(call: Promise<unknown>): Promise<void> {
  const failed = await call.then(
    () => false,
    () => true,
  );
  if (!failed) throw new Error("the session expected this request to fail");
}

async function assistantsAndThreads({ client }: Harness) {
  const tutor = await client.beta.assistants.create(SHORT_TUTOR);
  await client.beta.assistants.list({ limit: 5 });
  await client.beta.assistants.retrieve(tutor.id);
  const coder = await client.beta.assistants.update((await client.beta.assistants.create(SHORT_TUTOR)).id, {
    instructions: CODE_TUTOR.instructions,
    tools: CODE_TUTOR.tools,
    metadata: { course: "lessonbook" },
  });
  const thread = await client.beta.threads.create({ messages: [{ role: "user", content: QUADRATIC }], metadata: { lesson: "1" } });
  await client.beta.threads.retrieve(thread.id);
  await client.beta.threads.update(thread.id, { metadata: { lesson: "2" } });
  return { tutor, coder, thread };
}

async function pollingAndSteps({ client }: Harness, tutorId: string, threadId: string) {
  const run = await client.beta.threads.runs.createAndPoll(threadId, { assistant_id: tutorId });
  await client.beta.threads.runs.list(threadId);
  await client.beta.threads.runs.update(run.id, { thread_id: threadId, metadata: { graded: "yes" } });
  const steps = await client.beta.threads.runs.steps.list(run.id, { thread_id: threadId });
  await client.beta.threads.runs.steps.retrieve(steps.data[0]?.id ?? "", { thread_id: threadId, run_id: run.id });
  await expectFailure(
    client.beta.threads.runs.submitToolOutputs(run.id, { thread_id: threadId, tool_outputs: [{ tool_call_id: "call_x", output: "1" }] }),
  );
}

async function messagesAndStreams({ client }: Harness, ids: { tutor: string; coder: string; thread: string }) {
  const question = await client.beta.threads.messages.create(ids.thread, { role: "user", content: LINEAR_WITH_CODE });
  await client.beta.threads.messages.retrieve(question.id, { thread_id: ids.thread });
  await client.beta.threads.messages.update(question.id, { thread_id: ids.thread, metadata: { topic: "linear" } });
  await client.beta.threads.runs.stream(ids.thread, { assistant_id: ids.coder, instructions: JANE_DOE }).finalRun();
  await client.beta.threads.messages.list(ids.thread, { order: "asc", limit: 3 });
  const explain = { messages: [{ role: "user" as const, content: "Explain linear algebra to me." }] };
  await client.beta.threads.createAndRunStream({ assistant_id: ids.tutor, thread: explain }).finalRun();
  const power = { messages: [{ role: "user" as const, content: "What is 2 to the power of 10?" }] };
  await client.beta.threads.createAndRunPoll({ assistant_id: ids.tutor, thread: power });
}

async function cancelAndConflicts({ client }: Harness, tutorId: string, threadId: string) {
  const run = await client.beta.threads.runs.create(threadId, { assistant_id: tutorId });
  await expectFailure(client.beta.threads.runs.create(threadId, { assistant_id: tutorId }));
  await expectFailure(client.beta.threads.messages.create(threadId, { role: "user", content: "Thank you!" }));
  await client.beta.threads.runs.cancel(run.id, { thread_id: threadId });
  await client.beta.threads.runs.retrieve(run.id, { thread_id: threadId });
  await expectFailure(client.beta.threads.runs.create(threadId, { assistant_id: "asst_unknown" }));
  await expectFailure(client.beta.threads.retrieve("thread_unknown"));
}

async function scenarios({ client, server }: Harness, tutorId: string, threadId: string) {
  await client.beta.threads.messages.create(threadId, { role: "user", content: "Thank you!" });
  server.scenario.runOutcome = "failed";
  await client.beta.threads.runs.createAndPoll(threadId, { assistant_id: tutorId });
  server.scenario.runOutcome = "expired";
  await client.beta.threads.runs.stream(threadId, { assistant_id: tutorId }).finalRun();
  server.scenario.runOutcome = "completed";
  for (const flag of ["rejectKey", "rateLimit", "shutdown"] as const) {
    server.scenario[flag] = true;
    await expectFailure(client.beta.assistants.list());
    server.scenario[flag] = false;
  }
}

export async function recordSchemaSession(harness: Harness): Promise<void> {
  const { client } = harness;
  const { tutor, coder, thread } = await assistantsAndThreads(harness);
  await pollingAndSteps(harness, tutor.id, thread.id);
  await messagesAndStreams(harness, { tutor: tutor.id, coder: coder.id, thread: thread.id });
  await cancelAndConflicts(harness, tutor.id, thread.id);
  await scenarios(harness, tutor.id, thread.id);
  const [message] = (await client.beta.threads.messages.list(thread.id, { limit: 1 })).data;
  await client.beta.threads.messages.delete(message?.id ?? "", { thread_id: thread.id });
  await client.beta.threads.delete(thread.id);
  await client.beta.assistants.delete(tutor.id);
}

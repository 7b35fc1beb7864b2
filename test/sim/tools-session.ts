// The tool runs' part of the schema session: function calls polled and streamed (one call and
// two in parallel, outputs submitted plainly, polled and as a stream), file_search answers with
// citations (polled and streamed), and a code interpreter chart downloaded with files.content.
import type { Harness } from "./sdk-harness.ts";
import {
  BOILING,
  FINAL_EXAM,
  MARATHON,
  QUIZ_CHART,
  RUN_AND_WEIGHT,
  handoutStore,
  outputsFor,
  scoresAssistant,
  unitsThread,
} from "./tool-fixtures.ts";

async function functionRuns(harness: Harness): Promise<void> {
  const { client } = harness;
  const one = await unitsThread(harness, MARATHON);
  const waiting = await client.beta.threads.runs.createAndPoll(one.thread.id, { assistant_id: one.assistant.id }, { pollIntervalMs: 1 });
  await client.beta.threads.runs.submitToolOutputs(waiting.id, { thread_id: one.thread.id, tool_outputs: outputsFor(waiting) });
  await client.beta.threads.runs.poll(waiting.id, { thread_id: one.thread.id }, { pollIntervalMs: 1 });
  await client.beta.threads.runs.steps.list(waiting.id, { thread_id: one.thread.id });

  const two = await unitsThread(harness, RUN_AND_WEIGHT);
  const parallel = await client.beta.threads.runs.createAndPoll(two.thread.id, { assistant_id: two.assistant.id }, { pollIntervalMs: 1 });
  await client.beta.threads.runs.submitToolOutputsAndPoll(
    parallel.id,
    { thread_id: two.thread.id, tool_outputs: outputsFor(parallel) },
    { pollIntervalMs: 1 },
  );

  const streamed = await unitsThread(harness, BOILING);
  const stopped = await client.beta.threads.runs.stream(streamed.thread.id, { assistant_id: streamed.assistant.id }).finalRun();
  await client.beta.threads.runs
    .submitToolOutputsStream(stopped.id, { thread_id: streamed.thread.id, tool_outputs: outputsFor(stopped) })
    .finalRun();
}

async function fileSearchRuns(harness: Harness): Promise<void> {
  const { client } = harness;
  const { assistant } = await handoutStore(harness);
  const thread = await client.beta.threads.create({ messages: [{ role: "user", content: FINAL_EXAM }] });
  const run = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id }, { pollIntervalMs: 1 });
  await client.beta.threads.runs.steps.list(run.id, { thread_id: thread.id });
  await client.beta.threads.messages.list(thread.id);
  await client.beta.threads
    .createAndRunStream({ assistant_id: assistant.id, thread: { messages: [{ role: "user", content: FINAL_EXAM }] } })
    .finalRun();
}

async function chartRuns(harness: Harness): Promise<void> {
  const { client } = harness;
  const { assistant } = await scoresAssistant(harness);
  const thread = await client.beta.threads.create({ messages: [{ role: "user", content: QUIZ_CHART }] });
  const run = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id }, { pollIntervalMs: 1 });
  await client.beta.threads.runs.steps.list(run.id, { thread_id: thread.id });
  const [answer] = (await client.beta.threads.messages.list(thread.id, { limit: 1 })).data;
  const image = answer?.content.find((part) => part.type === "image_file");
  if (image?.type === "image_file") await (await client.files.content(image.image_file.file_id)).arrayBuffer();
  const again = await client.beta.threads.create({ messages: [{ role: "user", content: QUIZ_CHART }] });
  await client.beta.threads.runs.stream(again.id, { assistant_id: assistant.id }).finalRun();
}

export async function recordToolsSession(harness: Harness): Promise<void> {
  await functionRuns(harness);
  await fileSearchRuns(harness);
  await chartRuns(harness);
}

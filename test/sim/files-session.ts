// The files family's part of the schema session: every /v1/files and /v1/vector_stores route
// once, including the failures a lesson can meet (a file too large, a type file_search cannot
// read), so their recorded traffic can be checked against the official schemas.
import OpenAI, { toFile } from "openai";
import type { Harness } from "./sdk-harness.ts";

export const HANDOUT = "# Course handout\n\nOffice hours: Tuesdays, 14:00-15:00, room 301.\n";
export const SCORES = "student,score\nAda,91\nGrace,87\n";

/** Expected failures are part of the session; anything else must still throw. */
async function expectFailure(call: Promise<unknown>): Promise<void> {
  const failed = await call.then(
    () => false,
    (error: unknown) => error instanceof OpenAI.APIError,
  );
  if (!failed) throw new Error("the session expected this request to fail with an API error");
}

export async function recordFilesSession({ client }: Harness, tooLarge: Uint8Array): Promise<void> {
  const handout = await client.files.create({
    file: await toFile(Buffer.from(HANDOUT), "handout.md", { type: "text/markdown" }),
    purpose: "assistants",
  });
  const scores = await client.files.create({
    file: await toFile(Buffer.from(SCORES), "scores.csv", { type: "text/csv" }),
    purpose: "user_data",
  });
  await expectFailure(client.files.create({ file: await toFile(tooLarge, "big.txt", { type: "text/plain" }), purpose: "assistants" }));
  await client.files.list({ purpose: "assistants" });
  await client.files.retrieve(handout.id);
  await (await client.files.content(scores.id)).arrayBuffer();
  await expectFailure(client.files.content(handout.id));

  const store = await client.vectorStores.create({ name: "Course handouts", metadata: { course: "lessonbook" } });
  await client.vectorStores.files.createAndPoll(store.id, { file_id: handout.id }, { pollIntervalMs: 1 });
  await client.vectorStores.files.createAndPoll(store.id, { file_id: scores.id }, { pollIntervalMs: 1 });
  await client.vectorStores.files.list(store.id, { filter: "completed" });
  await client.vectorStores.retrieve(store.id);
  await client.vectorStores.list({ limit: 5 });
  await client.vectorStores.files.delete(scores.id, { vector_store_id: store.id });

  const batched = await client.vectorStores.create({ name: "Batched" });
  const batch = await client.vectorStores.fileBatches.createAndPoll(batched.id, { file_ids: [handout.id] }, { pollIntervalMs: 1 });
  await client.vectorStores.fileBatches.listFiles(batch.id, { vector_store_id: batched.id });
  const cancelled = await client.vectorStores.fileBatches.create(batched.id, { file_ids: [scores.id] });
  await client.vectorStores.fileBatches.cancel(cancelled.id, { vector_store_id: batched.id });

  await client.vectorStores.delete(batched.id);
  await client.vectorStores.delete(store.id);
  await client.files.delete(scores.id);
  await client.files.delete(handout.id);
}

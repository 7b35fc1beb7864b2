import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, SHORT_TUTOR, apiErrorOf, invalidRequest, rawList, oneSecondPerRequest, startHarness } from "./sdk-harness.ts";

let harness: Harness;
// Each request arrives a second after the one before, so timestamps show the order of events.
beforeEach(async () => {
  harness = await startHarness({ clock: oneSecondPerRequest() });
});
afterEach(async () => {
  await harness.server.close();
});

describe("list pagination", () => {
  let path: string;
  let ids: string[];

  beforeEach(async () => {
    const thread = await harness.client.beta.threads.create();
    ids = [];
    for (const content of ["one", "two", "three", "four", "five"]) {
      ids.push((await harness.client.beta.threads.messages.create(thread.id, { role: "user", content })).id);
    }
    path = `/threads/${thread.id}/messages`;
  });

  it("lists newest first by default, with first_id, last_id and has_more", async () => {
    const list = await rawList(harness.client, path);
    expect(list.object).toBe("list");
    expect(list.data.map((item) => item.id)).toEqual([...ids].reverse());
    expect([list.first_id, list.last_id, list.has_more]).toEqual([ids[4], ids[0], false]);
  });

  it("cuts pages with limit and continues after the cursor", async () => {
    const first = await rawList(harness.client, path, { limit: 2 });
    expect(first.data.map((item) => item.id)).toEqual([ids[4], ids[3]]);
    expect([first.first_id, first.last_id, first.has_more]).toEqual([ids[4], ids[3], true]);
    const second = await rawList(harness.client, path, { limit: 2, after: first.last_id ?? "" });
    expect(second.data.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    const last = await rawList(harness.client, path, { limit: 2, after: second.last_id ?? "" });
    expect(last.data.map((item) => item.id)).toEqual([ids[0]]);
    expect(last.has_more).toBe(false);
  });

  it("reads after and before in ascending order too", async () => {
    const after = await rawList(harness.client, path, { order: "asc", after: ids[1] ?? "" });
    expect(after.data.map((item) => item.id)).toEqual(ids.slice(2));
    const before = await rawList(harness.client, path, { order: "asc", before: ids[3] ?? "", limit: 2 });
    expect(before.data.map((item) => item.id)).toEqual([ids[1], ids[2]]);
    expect(before.has_more).toBe(true);
  });

  it("lets the SDK auto-paginate through every message", async () => {
    const seen: string[] = [];
    for await (const message of harness.client.beta.threads.messages.list(path.split("/")[2] ?? "", { limit: 2, order: "asc" })) {
      seen.push(message.id);
    }
    expect(seen).toEqual(ids);
  });

  it("returns an empty list with null cursors and rejects a limit above 100", async () => {
    const thread = await harness.client.beta.threads.create();
    expect(await rawList(harness.client, `/threads/${thread.id}/runs`)).toEqual({
      object: "list",
      data: [],
      first_id: null,
      last_id: null,
      has_more: false,
    });
    const failure = await apiErrorOf(rawList(harness.client, path, { limit: 101 }));
    expect(failure).toMatchObject({
      status: 400,
      error: {
        param: "limit",
        code: "integer_above_max_value",
        message: "Invalid 'limit': integer above maximum value. Expected a value <= 100, but got 101 instead.",
      },
    });
  });
});

describe("deletes and not-found errors", () => {
  it("deletes an assistant, a message and a thread, after which they are not found", async () => {
    const { client } = harness;
    const assistant = await client.beta.assistants.create(SHORT_TUTOR);
    const thread = await client.beta.threads.create({ messages: [{ role: "user", content: "Thank you!" }] });
    const [message] = (await client.beta.threads.messages.list(thread.id)).data;
    expect(await client.beta.assistants.delete(assistant.id)).toEqual({ id: assistant.id, object: "assistant.deleted", deleted: true });
    expect(await client.beta.threads.messages.delete(message!.id, { thread_id: thread.id })).toEqual({
      id: message!.id,
      object: "thread.message.deleted",
      deleted: true,
    });
    expect(await client.beta.threads.delete(thread.id)).toEqual({ id: thread.id, object: "thread.deleted", deleted: true });
    expect(await apiErrorOf(client.beta.assistants.retrieve(assistant.id))).toEqual({
      status: 404,
      name: "NotFoundError",
      error: invalidRequest(`No assistant found with id '${assistant.id}'.`),
    });
    expect((await apiErrorOf(client.beta.threads.retrieve(thread.id))).error).toEqual(
      invalidRequest(`No thread found with id '${thread.id}'.`),
    );
  });

  it("answers 404 for unknown thread, assistant and run ids", async () => {
    const { client } = harness;
    expect((await apiErrorOf(client.beta.threads.messages.list("thread_x"))).error).toEqual(
      invalidRequest("No thread found with id 'thread_x'."),
    );
    const thread = await client.beta.threads.create();
    expect(await apiErrorOf(client.beta.threads.runs.create(thread.id, { assistant_id: "asst_x" }))).toEqual({
      status: 404,
      name: "NotFoundError",
      error: invalidRequest("No assistant found with id 'asst_x'."),
    });
    expect((await apiErrorOf(client.beta.threads.runs.retrieve("run_x", { thread_id: thread.id }))).error).toEqual(
      invalidRequest("No run found with id 'run_x'."),
    );
  });
});

describe("active-run conflicts", () => {
  it("refuses a second run and new messages while a run is active, and accepts them once it completed", async () => {
    const { client } = harness;
    const assistant = await client.beta.assistants.create(SHORT_TUTOR);
    const thread = await client.beta.threads.create({ messages: [{ role: "user", content: "Thank you!" }] });
    const run = await client.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    expect(await apiErrorOf(client.beta.threads.runs.create(thread.id, { assistant_id: assistant.id }))).toEqual({
      status: 400,
      name: "BadRequestError",
      error: invalidRequest(`Thread ${thread.id} already has an active run ${run.id}.`),
    });
    expect((await apiErrorOf(client.beta.threads.messages.create(thread.id, { role: "user", content: "Hi" }))).error).toEqual(
      invalidRequest(`Can't add messages to ${thread.id} while a run ${run.id} is active.`),
    );
    await client.beta.threads.runs.poll(run.id, { thread_id: thread.id });
    await expect(client.beta.threads.messages.create(thread.id, { role: "user", content: "Hi" })).resolves.toMatchObject({ role: "user" });
  });

  it("cancels a run: cancelling at once, cancelled on the next retrieve", async () => {
    const { client } = harness;
    const assistant = await client.beta.assistants.create(SHORT_TUTOR);
    const thread = await client.beta.threads.create({ messages: [{ role: "user", content: "Thank you!" }] });
    const run = await client.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    expect((await client.beta.threads.runs.cancel(run.id, { thread_id: thread.id })).status).toBe("cancelling");
    const cancelled = await client.beta.threads.runs.retrieve(run.id, { thread_id: thread.id });
    expect(cancelled).toMatchObject({ status: "cancelled", expires_at: null, completed_at: null });
    expect(cancelled.cancelled_at).toBeGreaterThan(run.created_at);
    expect((await client.beta.threads.messages.list(thread.id)).data).toHaveLength(1);
  });
});

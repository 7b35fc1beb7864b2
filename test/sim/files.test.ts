// The files family (sim/files) mounted in the Assistants simulator: uploads, downloads,
// vector stores whose files finish processing on polls, batches, and the failures a lesson
// can meet. Exact values throughout: these objects end up in committed fixtures.
import { toFile } from "openai";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAssistantsSim } from "../../sim/assistants/simulator.ts";
import { HANDOUT, SCORES } from "./files-session.ts";
import { type Harness, apiErrorOf, startHarness } from "./sdk-harness.ts";

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness({ maxRetries: 0, maxFileBytes: 1024 });
});
afterEach(() => harness.server.close());

const upload = (text: string, name: string, type: string, purpose: "assistants" | "user_data" = "assistants") =>
  toFile(Buffer.from(text), name, { type }).then((file) => harness.client.files.create({ file, purpose }));

describe("files", () => {
  it("stores an upload and answers with the file object in the API's key order", async () => {
    const file = await upload(HANDOUT, "handout.md", "text/markdown");
    expect(Object.keys(file)).toEqual(["id", "object", "bytes", "created_at", "filename", "purpose", "status"]);
    expect(file).toMatchObject({ object: "file", bytes: 65, filename: "handout.md", purpose: "assistants", status: "processed" });
    expect(file.id).toMatch(/^file-[A-Za-z0-9]{24}$/);
    expect(await harness.client.files.retrieve(file.id)).toEqual(file);
    expect((await harness.client.files.list()).data.map((listed) => listed.id)).toEqual([file.id]);
  });

  it("gives the same upload the same id in a fresh simulator (ids follow the bytes, not the boundary)", async () => {
    const first = await upload(HANDOUT, "handout.md", "text/markdown");
    const other = await startHarness({ maxRetries: 0 });
    try {
      const again = await other.client.files.create({
        file: await toFile(Buffer.from(HANDOUT), "handout.md", { type: "text/markdown" }),
        purpose: "assistants",
      });
      expect(again.id).toBe(first.id);
      const changed = await other.client.files.create({
        file: await toFile(Buffer.from(`${HANDOUT} `), "handout.md", { type: "text/markdown" }),
        purpose: "assistants",
      });
      expect(changed.id).not.toBe(first.id);
    } finally {
      await other.server.close();
    }
  });

  it("hands back the bytes of a downloadable file, and refuses files uploaded for the assistants", async () => {
    const scores = await upload(SCORES, "scores.csv", "text/csv", "user_data");
    const content = await harness.client.files.content(scores.id);
    expect(content.headers.get("content-type")).toBe("text/csv");
    expect(Buffer.from(await content.arrayBuffer()).toString("utf8")).toBe(SCORES);
    const handout = await upload(HANDOUT, "handout.md", "text/markdown");
    const refused = await apiErrorOf(harness.client.files.content(handout.id));
    expect(refused.status).toBe(400);
    expect((refused.error as { message: string }).message).toBe("Not allowed to download files of purpose: assistants");
  });

  it("refuses a file over the size limit with 413 and stores nothing", async () => {
    const refused = await apiErrorOf(upload("x".repeat(1025), "big.txt", "text/plain"));
    expect(refused.status).toBe(413);
    expect(refused.error).toEqual({
      message: "File is too large: it has 1025 bytes, and files can be at most 1024 bytes.",
      type: "invalid_request_error",
      param: "file",
      code: "file_too_large",
    });
    expect((await harness.client.files.list()).data).toEqual([]);
  });

  it("names a missing purpose", async () => {
    const file = await toFile(Buffer.from(HANDOUT), "handout.md");
    const refused = await apiErrorOf(harness.client.files.create({ file } as never));
    expect((refused.error as { message: string }).message).toBe("Missing required parameter: 'purpose'.");
  });
});

describe("vector stores", () => {
  it("processes an attached file on polls: in_progress on the first retrieve, completed on the second", async () => {
    const { client } = harness;
    const handout = await upload(HANDOUT, "handout.md", "text/markdown");
    const store = await client.vectorStores.create({ name: "Course handouts" });
    expect(store).toMatchObject({
      status: "completed",
      usage_bytes: 0,
      file_counts: { in_progress: 0, completed: 0, failed: 0, cancelled: 0, total: 0 },
    });
    const attached = await client.vectorStores.files.create(store.id, { file_id: handout.id });
    expect(attached).toMatchObject({
      id: handout.id,
      object: "vector_store.file",
      status: "in_progress",
      usage_bytes: 0,
      last_error: null,
    });
    expect((await client.vectorStores.retrieve(store.id)).status).toBe("in_progress");
    const done = await client.vectorStores.files.retrieve(handout.id, { vector_store_id: store.id });
    expect(done).toMatchObject({ status: "completed", usage_bytes: 65 });
    expect(await client.vectorStores.retrieve(store.id)).toMatchObject({
      status: "completed",
      usage_bytes: 65,
      file_counts: { in_progress: 0, completed: 1, failed: 0, cancelled: 0, total: 1 },
    });
  });

  it("fails a file type file_search cannot read, with unsupported_file", async () => {
    const { client } = harness;
    const scores = await upload(SCORES, "scores.csv", "text/csv");
    const store = await client.vectorStores.create({ name: "Scores" });
    const file = await client.vectorStores.files.createAndPoll(store.id, { file_id: scores.id }, { pollIntervalMs: 1 });
    expect(file.status).toBe("failed");
    expect(file.last_error).toEqual({
      code: "unsupported_file",
      message:
        "Files with extensions [.csv] are not supported for retrieval. See https://platform.openai.com/docs/assistants/tools/file-search#supported-files",
    });
  });

  it("finishes a file batch when its files finish, and lists them", async () => {
    const { client } = harness;
    const first = await upload(HANDOUT, "handout.md", "text/markdown");
    const second = await upload("# Glossary\n", "glossary.md", "text/markdown");
    const store = await client.vectorStores.create({ name: "Course" });
    const batch = await client.vectorStores.fileBatches.createAndPoll(store.id, { file_ids: [first.id, second.id] }, { pollIntervalMs: 1 });
    expect(batch.id).toMatch(/^vsfb_[A-Za-z0-9]{24}$/);
    expect(batch).toMatchObject({ object: "vector_store.files_batch", status: "completed", file_counts: { completed: 2, total: 2 } });
    const files = await client.vectorStores.fileBatches.listFiles(batch.id, { vector_store_id: store.id, order: "asc" });
    expect(files.data.map((file) => file.id)).toEqual([first.id, second.id]);
  });

  it("removes a deleted file from every vector store", async () => {
    const { client } = harness;
    const handout = await upload(HANDOUT, "handout.md", "text/markdown");
    const store = await client.vectorStores.create({ name: "Course", file_ids: [handout.id] });
    expect(store.file_counts.total).toBe(1);
    expect(await client.files.delete(handout.id)).toEqual({ id: handout.id, object: "file", deleted: true });
    expect((await client.vectorStores.retrieve(store.id)).file_counts.total).toBe(0);
    const missing = await apiErrorOf(client.vectorStores.files.retrieve(handout.id, { vector_store_id: store.id }));
    expect((missing.error as { message: string }).message).toBe(`No file found with id '${handout.id}' in vector store '${store.id}'.`);
  });

  it("refuses a vector store over an unknown file without creating it", async () => {
    const { client } = harness;
    const refused = await apiErrorOf(client.vectorStores.create({ name: "Ghost", file_ids: ["file-unknown"] }));
    expect(refused.status).toBe(404);
    expect((refused.error as { message: string }).message).toBe("No such File object: file-unknown");
    expect((await client.vectorStores.list()).data).toEqual([]);
  });
});

describe("mounting", () => {
  it("serves files and vector stores without the Assistants beta header and through the shutdown", () => {
    const simulator = createAssistantsSim({ scenario: { shutdown: true } });
    const list = (path: string) => simulator.handle({ method: "GET", path, query: new URLSearchParams(), headers: {}, body: undefined });
    expect(list("/v1/files").status).toBe(200);
    expect(list("/v1/vector_stores").status).toBe(200);
    expect(list("/v1/assistants").status).toBe(404);
  });
});

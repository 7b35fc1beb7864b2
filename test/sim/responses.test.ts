// The Responses + Conversations simulator through the official SDK: state by chaining and by
// conversation, background polling and cancelling, the stream's event order, function calls,
// and the errors a learner meets, each with the API's wording.
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimServer } from "../../sim/core/server.ts";
import { startResponsesCourseSim } from "../support/sim.ts";
import { readFileSync } from "node:fs";
import { toFile } from "openai";
import { CHECK, CHECKER, FINAL_EXAM, LINEAR, QUADRATIC, TUTOR } from "./responses-session.ts";

let server: SimServer;
let client: OpenAI;
beforeAll(async () => {
  server = await startResponsesCourseSim();
  client = new OpenAI({ apiKey: "sk-test-fake", baseURL: server.baseUrl, maxRetries: 0 });
});
afterAll(() => server.close());

const MODEL = "gpt-4o-mini";
const failure = (call: Promise<unknown>) =>
  call.then(
    () => "accepted",
    (error: { status?: number; code?: string | null; error?: { message?: string } }) =>
      `${error.status} ${error.code ?? "-"} ${error.error?.message}`,
  );

describe("responses", () => {
  it("answers from the course's answers, on the dated model snapshot, and chains without carrying instructions", async () => {
    const first = await client.responses.create({ model: MODEL, instructions: TUTOR, input: QUADRATIC });
    expect(first).toMatchObject({ object: "response", status: "completed", model: "gpt-4o-mini-2024-07-18", instructions: TUTOR });
    expect(first.output_text).toBe("Yes: by the quadratic formula, x = (-11 ± √241) / 6, so x ≈ 0.754 or x ≈ -4.421.");
    const next = await client.responses.create({ model: MODEL, previous_response_id: first.id, input: "Thank you!" });
    expect(next).toMatchObject({ previous_response_id: first.id, instructions: null });
    expect(next.output_text).toBe("You're welcome! Let me know if you have any other math questions.");
    const items = await client.responses.inputItems.list(next.id);
    expect(items.data.map((item) => [item.type, "role" in item && item.role])).toEqual([["message", "user"]]);
  });

  it("addresses the user as the instructions say", async () => {
    const response = await client.responses.create({
      model: MODEL,
      instructions: "Please address the user as Jane Doe.",
      input: "Thank you!",
    });
    expect(response.output_text).toBe("Jane Doe, you're welcome! Let me know if you have any other math questions.");
  });

  it("keeps no response made with store: false", async () => {
    const unstored = await client.responses.create({ model: MODEL, input: "Thank you!", store: false });
    expect(unstored).toMatchObject({ status: "completed", store: false });
    expect(await failure(client.responses.retrieve(unstored.id))).toBe(`404 - Response with id '${unstored.id}' not found.`);
    expect(await failure(client.responses.create({ model: MODEL, previous_response_id: unstored.id, input: "Hi" }))).toBe(
      `400 previous_response_not_found Previous response with id '${unstored.id}' not found.`,
    );
  });

  it("moves a background response along as it is polled, and cancels only background ones", async () => {
    const queued = await client.responses.create({ model: MODEL, input: "What is 2 to the power of 10?", background: true });
    const polled = [queued.status];
    for (let i = 0; i < 3; i++) polled.push((await client.responses.retrieve(queued.id)).status);
    expect(polled).toEqual(["queued", "in_progress", "completed", "completed"]);
    const other = await client.responses.create({ model: MODEL, input: "What is 2 to the power of 10?", background: true });
    expect(await client.responses.cancel(other.id)).toMatchObject({ status: "cancelled", output: [], usage: null });
    expect(await failure(client.responses.cancel(queued.id))).toBe("400 - Cannot cancel a response with status 'completed'.");
    const plain = await client.responses.create({ model: MODEL, input: "Thank you!" });
    expect(await failure(client.responses.cancel(plain.id))).toBe("400 - Only responses created with background=true can be cancelled.");
  });

  it("ends a scripted question's response failed, with its error", async () => {
    const failed = await client.responses.create({ model: MODEL, input: "Can you graph y = x^2 for me?" });
    expect(failed).toMatchObject({
      status: "failed",
      output: [],
      error: { code: "server_error", message: "Sorry, something went wrong." },
    });
  });

  it("calls the caller's function, then answers from its output", async () => {
    const called = await client.responses.create({ model: MODEL, tools: [CHECKER], input: CHECK });
    const [call] = called.output;
    expect(call).toMatchObject({
      type: "function_call",
      status: "completed",
      name: "check_solution",
      arguments: '{"equation":"3x + 11 = 14","x":1}',
    });
    const callId = call?.type === "function_call" ? call.call_id : "";
    expect(callId).toMatch(/^call_[A-Za-z0-9]{24}$/);
    const input = [{ type: "function_call_output" as const, call_id: callId, output: "true" }];
    const answered = await client.responses.create({ model: MODEL, tools: [CHECKER], previous_response_id: called.id, input });
    expect(answered.output_text).toBe(
      "Yes. The checker substituted x = 1: the left side is 3 · 1 + 11 = 14, the same as the right side, so x = 1 is a solution of `3x + 11 = 14`.",
    );
    const unknown = [{ type: "function_call_output" as const, call_id: "call_nope", output: "true" }];
    expect(await failure(client.responses.create({ model: MODEL, previous_response_id: called.id, input: unknown }))).toBe(
      "400 - No tool call found for function call output with call_id call_nope.",
    );
    // Without the tool on offer, the same question gets a plain answer.
    const plain = await client.responses.create({ model: MODEL, input: CHECK });
    expect(plain.output_text).toBe("Substituting x = 1 gives 3 · 1 + 11 = 14, so yes, x = 1 is a solution.");
  });

  it("streams the real event order with increasing sequence numbers and no [DONE]", async () => {
    const events: { type: string; sequence_number: number }[] = [];
    const stream = client.responses.stream({ model: MODEL, input: "What is 2 to the power of 10?" });
    for await (const event of stream) events.push(event);
    expect(events.map((event) => event.type)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    expect(events.map((event) => event.sequence_number)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await stream.finalResponse()).output_text).toBe("2^10 = 1024.");
    const calls = client.responses.stream({ model: MODEL, tools: [CHECKER], input: CHECK });
    const types: string[] = [];
    for await (const event of calls) types.push(event.type);
    expect(new Set(types)).toEqual(
      new Set([
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "response.function_call_arguments.delta",
        "response.function_call_arguments.done",
        "response.output_item.done",
        "response.completed",
      ]),
    );
  });
});

describe("hosted tools", () => {
  it("searches the named vector stores' processed files and cites them; results only when included", async () => {
    const handout = readFileSync(new URL("../../lessons/files/course-handout.md", import.meta.url));
    const file = await client.files.create({ file: await toFile(handout, "course-handout.md"), purpose: "assistants" });
    const store = await client.vectorStores.create({ name: "course" });
    await client.vectorStores.files.create(store.id, { file_id: file.id });
    const tools = [{ type: "file_search" as const, vector_store_ids: [store.id] }];
    // Still processing: nothing to search yet.
    const early = await client.responses.create({ model: MODEL, tools, input: FINAL_EXAM });
    expect(early.output_text).toBe("I couldn't find the final exam in the files I can search.");
    await client.vectorStores.files.poll(store.id, file.id, { pollIntervalMs: 1 });
    const found = await client.responses.create({ model: MODEL, tools, include: ["file_search_call.results"], input: FINAL_EXAM });
    const [call, message] = found.output;
    expect(call).toMatchObject({
      type: "file_search_call",
      status: "completed",
      queries: ["final exam date", "final exam weight in grade"],
    });
    expect(call?.type === "file_search_call" && call.results?.map((result) => [result.filename, result.score])).toEqual([
      ["course-handout.md", 0.3333],
    ]);
    const part = message?.type === "message" ? message.content[0] : undefined;
    expect(part?.type === "output_text" && part.annotations).toEqual([
      { type: "file_citation", file_id: file.id, index: 74, filename: "course-handout.md" },
      { type: "file_citation", file_id: file.id, index: 157, filename: "course-handout.md" },
    ]);
    expect(found.output_text.slice(0, 74)).toBe("The final exam is on Thursday, 18 December, from 10:00 to 12:00 in Hall B.");
    const plain = await client.responses.create({ model: MODEL, tools, input: FINAL_EXAM });
    expect(plain.output[0]).toMatchObject({ type: "file_search_call", results: null });
  });

  it("runs code in a new container, or in the one named, with logs only when included", async () => {
    const auto = { type: "code_interpreter" as const, container: { type: "auto" as const } };
    const first = await client.responses.create({ model: MODEL, tools: [auto], include: ["code_interpreter_call.outputs"], input: LINEAR });
    const [call] = first.output;
    expect(call).toMatchObject({ type: "code_interpreter_call", status: "completed", outputs: [{ type: "logs", logs: "[1]\n" }] });
    const containerId = call?.type === "code_interpreter_call" ? call.container_id : "";
    expect(containerId).toMatch(/^cntr_[A-Za-z0-9]{24}$/);
    expect(first.output_text).toBe("The solution to `3x + 11 = 14` is x = 1. Check: 3 · 1 + 11 = 14.");
    const instructions = "Please address the user as Jane Doe.";
    const again = await client.responses.create({
      model: MODEL,
      instructions,
      tools: [{ type: "code_interpreter", container: containerId }],
      input: LINEAR,
    });
    expect(again.output[0]).toMatchObject({ container_id: containerId, outputs: null });
    expect(again.output_text).toBe("Jane Doe, the solution to `3x + 11 = 14` is x = 1. Check: 3 · 1 + 11 = 14.");
  });
});

describe("answers from function outputs", () => {
  it("quote the output where the answer says {output}", async () => {
    const book = new Map([
      ["Add 2 and 3.", { reply: "5", functionCall: { name: "add", arguments: { a: 2, b: 3 }, reply: "The sum is {output}." } }],
    ]);
    const sim = await startResponsesCourseSim({ answers: book });
    try {
      const local = new OpenAI({ apiKey: "sk-test-fake", baseURL: sim.baseUrl, maxRetries: 0 });
      const tools = [{ type: "function" as const, name: "add", parameters: null, strict: false }];
      const called = await local.responses.create({ model: MODEL, tools, input: "Add 2 and 3." });
      const call = called.output[0];
      const input = [{ type: "function_call_output" as const, call_id: call?.type === "function_call" ? call.call_id : "", output: "5" }];
      const answered = await local.responses.create({ model: MODEL, previous_response_id: called.id, input });
      expect(answered.output_text).toBe("The sum is 5.");
    } finally {
      await sim.close();
    }
  });
});

describe("conversations", () => {
  it("collects each turn's input and output as items, listed with order, after and limit", async () => {
    const conversation = await client.conversations.create({ metadata: { user: "learner" } });
    expect(conversation).toEqual({ id: conversation.id, object: "conversation", created_at: 1788220800, metadata: { user: "learner" } });
    const turn = await client.responses.create({ model: MODEL, conversation: conversation.id, input: "What is 2 to the power of 10?" });
    expect(turn.conversation).toEqual({ id: conversation.id });
    await client.responses.create({ model: MODEL, conversation: conversation.id, input: "And what is the square root of 1024?" });
    const asc = await client.conversations.items.list(conversation.id, { order: "asc" });
    const text = (item: (typeof asc.data)[number]) =>
      item.type === "message" ? `${item.role}: ${item.content.map((part) => ("text" in part ? part.text : "")).join("")}` : item.type;
    expect(asc.data.map(text)).toEqual([
      "user: What is 2 to the power of 10?",
      "assistant: 2^10 = 1024.",
      "user: And what is the square root of 1024?",
      "assistant: √1024 = 32, because 32 × 32 = 1024.",
    ]);
    const newest = await client.conversations.items.list(conversation.id, { limit: 1 });
    expect(newest.data.map(text)).toEqual(["assistant: √1024 = 32, because 32 × 32 = 1024."]);
    const after = await client.conversations.items.list(conversation.id, { order: "asc", after: asc.data[1]?.id ?? "" });
    expect(after.data.map(text)).toEqual(asc.data.slice(2).map(text));
    expect(await client.conversations.delete(conversation.id)).toEqual({
      id: conversation.id,
      object: "conversation.deleted",
      deleted: true,
    });
  });

  it("refuses state given twice, unknown conversations and unknown models in the API's words", async () => {
    const conversation = await client.conversations.create();
    const first = await client.responses.create({ model: MODEL, input: "Thank you!" });
    expect(
      await failure(client.responses.create({ model: MODEL, conversation: conversation.id, previous_response_id: first.id, input: "Hi" })),
    ).toBe(
      "400 mutually_exclusive_parameters Mutually exclusive parameters. Ensure you are only providing one of: 'previous_response_id' or 'conversation'.",
    );
    expect(await failure(client.responses.create({ model: MODEL, conversation: "conv_missing", input: "Hi" }))).toBe(
      "404 - Conversation with id 'conv_missing' not found.",
    );
    expect(await failure(client.conversations.items.list("conv_missing"))).toBe("404 - Conversation with id 'conv_missing' not found.");
    expect(await failure(client.responses.create({ model: "gpt-4o-mini-typo", input: "Hi" }))).toBe(
      "400 model_not_found The requested model 'gpt-4o-mini-typo' does not exist.",
    );
  });
});

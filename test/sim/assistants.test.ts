import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, CODE_TUTOR, JANE_DOE, QUADRATIC, SHORT_TUTOR, firstText, oneSecondPerRequest, startHarness } from "./sdk-harness.ts";

const ASSISTANT_KEYS = [
  "id",
  "object",
  "created_at",
  "name",
  "description",
  "model",
  "instructions",
  "tools",
  "top_p",
  "temperature",
  "tool_resources",
  "metadata",
  "response_format",
];
const MESSAGE_KEYS = [
  "id",
  "object",
  "created_at",
  "assistant_id",
  "thread_id",
  "run_id",
  "role",
  "content",
  "attachments",
  "metadata",
  "status",
  "incomplete_details",
  "completed_at",
  "incomplete_at",
];
const RUN_KEYS = [
  "id",
  "object",
  "created_at",
  "assistant_id",
  "thread_id",
  "status",
  "started_at",
  "expires_at",
  "cancelled_at",
  "failed_at",
  "completed_at",
  "required_action",
  "last_error",
  "model",
  "instructions",
  "tools",
  "tool_resources",
  "metadata",
  "temperature",
  "top_p",
  "max_completion_tokens",
  "max_prompt_tokens",
  "truncation_strategy",
  "incomplete_details",
  "usage",
  "response_format",
  "tool_choice",
  "parallel_tool_calls",
];

let harness: Harness;
// Each request arrives a second after the one before, so timestamps show the order of events.
beforeEach(async () => {
  harness = await startHarness({ clock: oneSecondPerRequest() });
});
afterEach(async () => {
  await harness.server.close();
});

describe("assistants, threads and messages", () => {
  it("creates an assistant that echoes the request in the real API's key order", async () => {
    const assistant = await harness.client.beta.assistants.create(SHORT_TUTOR);
    expect(Object.keys(assistant)).toEqual(ASSISTANT_KEYS);
    expect(assistant).toEqual({
      id: "asst_9pASi5YoUhrofYYbbyWhqaLj",
      object: "assistant",
      created_at: 1754380800,
      name: "Math Tutor",
      description: null,
      model: "gpt-4o-mini",
      instructions: SHORT_TUTOR.instructions,
      tools: [],
      top_p: 1,
      temperature: 1,
      tool_resources: {},
      metadata: {},
      response_format: "auto",
    });
  });

  it("gives a code_interpreter assistant an empty file list, also when tools are added by an update", async () => {
    const created = await harness.client.beta.assistants.create(CODE_TUTOR);
    expect(created.tool_resources).toEqual({ code_interpreter: { file_ids: [] } });
    const plain = await harness.client.beta.assistants.create(SHORT_TUTOR);
    const updated = await harness.client.beta.assistants.update(plain.id, { tools: [{ type: "code_interpreter" }] });
    expect(updated).toMatchObject({
      id: plain.id,
      created_at: plain.created_at,
      tools: [{ type: "code_interpreter" }],
      tool_resources: { code_interpreter: { file_ids: [] } },
      instructions: SHORT_TUTOR.instructions,
    });
  });

  it("creates a thread with its initial messages and a user message with the real message shape", async () => {
    const thread = await harness.client.beta.threads.create({
      messages: [{ role: "user", content: "Thank you!" }],
      metadata: { lesson: "1" },
    });
    expect(thread).toEqual({
      id: thread.id,
      object: "thread",
      created_at: thread.created_at,
      metadata: { lesson: "1" },
      tool_resources: {},
    });
    const message = await harness.client.beta.threads.messages.create(thread.id, { role: "user", content: QUADRATIC });
    expect(Object.keys(message)).toEqual(MESSAGE_KEYS);
    expect(message).toMatchObject({
      assistant_id: null,
      thread_id: thread.id,
      run_id: null,
      role: "user",
      attachments: [],
      content: [{ type: "text", text: { value: QUADRATIC, annotations: [] } }],
      status: "completed",
      completed_at: null,
    });
    const list = await harness.client.beta.threads.messages.list(thread.id, { order: "asc" });
    expect(list.data.map(firstText)).toEqual(["Thank you!", QUADRATIC]);
  });
});

describe("runs", () => {
  async function threadAsking(question: string) {
    const assistant = await harness.client.beta.assistants.create(SHORT_TUTOR);
    const thread = await harness.client.beta.threads.create();
    await harness.client.beta.threads.messages.create(thread.id, { role: "user", content: question });
    return { assistant, thread };
  }

  it("advances a polled run queued → in_progress → completed and appends the assistant's answer", async () => {
    const { assistant, thread } = await threadAsking(QUADRATIC);
    const runs = harness.client.beta.threads.runs;
    const queued = await runs.create(thread.id, { assistant_id: assistant.id });
    expect(Object.keys(queued)).toEqual(RUN_KEYS);
    expect(queued).toMatchObject({
      status: "queued",
      started_at: null,
      expires_at: queued.created_at + 600,
      usage: null,
      instructions: SHORT_TUTOR.instructions,
      model: "gpt-4o-mini",
      truncation_strategy: { type: "auto", last_messages: null },
    });
    const inProgress = await runs.retrieve(queued.id, { thread_id: thread.id });
    expect(inProgress.status).toBe("in_progress");
    expect(inProgress.started_at).toBe(queued.created_at);
    const completed = await runs.retrieve(queued.id, { thread_id: thread.id });
    expect(completed).toMatchObject({ status: "completed", expires_at: null, started_at: inProgress.started_at });
    expect(completed.completed_at).toBe(queued.created_at + 2);
    expect(completed.usage).toEqual({ prompt_tokens: 61, completion_tokens: 21, total_tokens: 82 });
    const [answer] = (await harness.client.beta.threads.messages.list(thread.id)).data;
    expect(answer).toMatchObject({ role: "assistant", assistant_id: assistant.id, run_id: queued.id, status: "completed" });
    expect(firstText(answer!)).toBe("Yes: by the quadratic formula, x = (-11 ± √241) / 6, so x ≈ 0.754 or x ≈ -4.421.");
  });

  it("finishes createAndPoll and addresses Jane Doe when the run's instructions ask for it", async () => {
    const { assistant, thread } = await threadAsking("Solve the equation `3x + 11 = 14`.");
    const run = await harness.client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id, instructions: JANE_DOE });
    expect(run).toMatchObject({ status: "completed", instructions: JANE_DOE });
    const [answer] = (await harness.client.beta.threads.messages.list(thread.id, { run_id: run.id })).data;
    expect(firstText(answer!)).toBe("Jane Doe, x = 1.");
  });

  it("appends additional_instructions after a blank line and lets the run override the model", async () => {
    const { assistant, thread } = await threadAsking("Thank you!");
    const run = await harness.client.beta.threads.runs.create(thread.id, {
      assistant_id: assistant.id,
      model: "gpt-4o",
      additional_instructions: "Be kind.",
    });
    expect(run.instructions).toBe(`${SHORT_TUTOR.instructions}\n\nBe kind.`);
    expect(run.model).toBe("gpt-4o");
  });

  it("creates a thread and run together and lists the run's message_creation step", async () => {
    const assistant = await harness.client.beta.assistants.create(SHORT_TUTOR);
    const run = await harness.client.beta.threads.createAndRunPoll({
      assistant_id: assistant.id,
      thread: { messages: [{ role: "user", content: "What is 2 to the power of 10?" }] },
    });
    expect(run.status).toBe("completed");
    const steps = await harness.client.beta.threads.runs.steps.list(run.id, { thread_id: run.thread_id });
    const [answer] = (await harness.client.beta.threads.messages.list(run.thread_id)).data;
    expect(firstText(answer!)).toBe("2^10 = 1024.");
    expect(steps.data).toHaveLength(1);
    expect(steps.data[0]).toMatchObject({
      object: "thread.run.step",
      type: "message_creation",
      status: "completed",
      step_details: { type: "message_creation", message_creation: { message_id: answer!.id } },
      usage: run.usage,
    });
  });

  it("runs code_interpreter as message, tool call with logs, message when polled", async () => {
    const assistant = await harness.client.beta.assistants.create(CODE_TUTOR);
    const run = await harness.client.beta.threads.createAndRunPoll({
      assistant_id: assistant.id,
      thread: { messages: [{ role: "user", content: "I need to solve the equation `3x + 11 = 14`. Can you help me?" }] },
    });
    const steps = await harness.client.beta.threads.runs.steps.list(run.id, { thread_id: run.thread_id, order: "asc" });
    expect(steps.data.map((step) => step.type)).toEqual(["message_creation", "tool_calls", "message_creation"]);
    expect(steps.data[1]?.step_details).toEqual({
      type: "tool_calls",
      tool_calls: [
        {
          id: expect.stringMatching(/^call_[A-Za-z0-9]{24}$/) as unknown,
          type: "code_interpreter",
          code_interpreter: {
            input: "from sympy import symbols, Eq, solve\n\nx = symbols('x')\nsolution = solve(Eq(3*x + 11, 14), x)\nprint(solution)",
            outputs: [{ type: "logs", logs: "[1]\n" }],
          },
        },
      ],
    });
    const messages = await harness.client.beta.threads.messages.list(run.thread_id, { order: "asc" });
    expect(messages.data.slice(1).map(firstText)).toEqual([
      "Sure! To isolate x, subtract 11 from both sides (3x = 3), then divide both sides by 3. Let me solve it with code to be sure.",
      "The solution to `3x + 11 = 14` is x = 1. Check: 3 · 1 + 11 = 14.",
    ]);
  });
});

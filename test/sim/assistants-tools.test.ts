// Tool runs in the Assistants simulator: function calls that stop the run until their outputs
// arrive (polled and streamed, one call and two in parallel), file_search answers with
// file_citation annotations, and a code interpreter that saves a real PNG chart.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, apiErrorOf, firstText, startHarness } from "./sdk-harness.ts";
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

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness({ maxRetries: 0 });
});
afterEach(() => harness.server.close());

const lastAnswer = async (threadId: string) => (await harness.client.beta.threads.messages.list(threadId, { limit: 1 })).data[0]!;

/** Event names with runs of the same delta event folded into one "name*". */
const fold = (names: string[]) =>
  names
    .filter((name, i) => !(name.endsWith(".delta") && names[i - 1] === name))
    .map((name) => (name.endsWith(".delta") ? `${name}*` : name));

describe("function calling", () => {
  it("stops in requires_action with the call, and completes with the submitted output", async () => {
    const { client } = harness;
    const { assistant, thread } = await unitsThread(harness, MARATHON);
    const run = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id }, { pollIntervalMs: 1 });
    expect(run.status).toBe("requires_action");
    const [call] = run.required_action!.submit_tool_outputs.tool_calls;
    expect(call).toEqual({
      id: call!.id,
      type: "function",
      function: { name: "convert_units", arguments: '{"value":26.2,"from":"mi","to":"km"}' },
    });
    const submitted = await client.beta.threads.runs.submitToolOutputs(run.id, { thread_id: thread.id, tool_outputs: outputsFor(run) });
    expect(submitted).toMatchObject({ status: "queued", required_action: null });
    const done = await client.beta.threads.runs.poll(run.id, { thread_id: thread.id }, { pollIntervalMs: 1 });
    expect(done.status).toBe("completed");
    expect(firstText(await lastAnswer(thread.id))).toBe("A marathon of 26.2 miles is about 42.16 kilometres.");
    const steps = await client.beta.threads.runs.steps.list(run.id, { thread_id: thread.id, order: "asc" });
    expect(steps.data.map((step) => [step.type, step.status])).toEqual([
      ["tool_calls", "completed"],
      ["message_creation", "completed"],
    ]);
    expect(steps.data[0]!.step_details).toEqual({
      type: "tool_calls",
      tool_calls: [{ ...call, function: { ...call!.function, output: "42.16" } }],
    });
    const usage = steps.data.reduce((sum, step) => sum + (step.usage?.total_tokens ?? 0), 0);
    expect(done.usage?.total_tokens).toBe(usage);
  });

  it("asks for two calls at once and answers with both outputs", async () => {
    const { client } = harness;
    const { assistant, thread } = await unitsThread(harness, RUN_AND_WEIGHT);
    const run = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id }, { pollIntervalMs: 1 });
    expect(run.required_action!.submit_tool_outputs.tool_calls.map((call) => call.function.arguments)).toEqual([
      '{"value":10,"from":"km","to":"mi"}',
      '{"value":70,"from":"kg","to":"lb"}',
    ]);
    const done = await client.beta.threads.runs.submitToolOutputsAndPoll(
      run.id,
      { thread_id: thread.id, tool_outputs: outputsFor(run) },
      { pollIntervalMs: 1 },
    );
    expect(done.status).toBe("completed");
    expect(firstText(await lastAnswer(thread.id))).toBe("You ran about 6.21 miles this morning, and 70 kg is about 154.32 pounds.");
  });

  it("refuses outputs for the wrong calls, and outputs for a run that does not wait for any", async () => {
    const { client } = harness;
    const { assistant, thread } = await unitsThread(harness, MARATHON);
    const run = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id }, { pollIntervalMs: 1 });
    const callId = run.required_action!.submit_tool_outputs.tool_calls[0]!.id;
    const wrong = await apiErrorOf(
      client.beta.threads.runs.submitToolOutputs(run.id, {
        thread_id: thread.id,
        tool_outputs: [{ tool_call_id: "call_other", output: "1" }],
      }),
    );
    expect(wrong.status).toBe(400);
    expect((wrong.error as { message: string }).message).toBe(`Expected tool outputs for call_ids ['${callId}'], got ['call_other']`);
    await client.beta.threads.runs.submitToolOutputsAndPoll(
      run.id,
      { thread_id: thread.id, tool_outputs: outputsFor(run) },
      { pollIntervalMs: 1 },
    );
    const late = await apiErrorOf(
      client.beta.threads.runs.submitToolOutputs(run.id, { thread_id: thread.id, tool_outputs: [{ tool_call_id: callId, output: "1" }] }),
    );
    expect((late.error as { message: string }).message).toBe('Runs in status "completed" do not accept tool outputs.');
  });

  it("streams the calls, ends the stream in requires_action, and streams the answer after the outputs", async () => {
    const { client } = harness;
    const { assistant, thread } = await unitsThread(harness, BOILING);
    const stream = client.beta.threads.runs.stream(thread.id, { assistant_id: assistant.id });
    const first: string[] = [];
    let args = "";
    stream.on("toolCallDelta", (delta) => {
      if (delta.type === "function") args += delta.function?.arguments ?? "";
    });
    for await (const event of stream) first.push(event.event);
    expect(fold(first)).toEqual([
      "thread.run.created",
      "thread.run.queued",
      "thread.run.in_progress",
      "thread.run.step.created",
      "thread.run.step.in_progress",
      "thread.run.step.delta*",
      "thread.run.requires_action",
    ]);
    expect(args).toBe('{"value":100,"from":"C","to":"F"}');
    const run = await stream.finalRun();
    const after = client.beta.threads.runs.submitToolOutputsStream(run.id, { thread_id: thread.id, tool_outputs: outputsFor(run) });
    const second: string[] = [];
    let text = "";
    after.on("textDelta", (delta) => {
      text += delta.value ?? "";
    });
    for await (const event of after) second.push(event.event);
    expect(fold(second)).toEqual([
      "thread.run.step.completed",
      "thread.run.queued",
      "thread.run.in_progress",
      "thread.run.step.created",
      "thread.run.step.in_progress",
      "thread.message.created",
      "thread.message.in_progress",
      "thread.message.delta*",
      "thread.message.completed",
      "thread.run.step.completed",
      "thread.run.completed",
    ]);
    expect(text).toBe("Water boils at 212 °F at sea level, which is 100 °C.");
    expect((await after.finalRun()).status).toBe("completed");
  });
});

describe("file search", () => {
  it("answers from the attached handout with file_citation annotations at the markers", async () => {
    const { client } = harness;
    const { file, assistant } = await handoutStore(harness);
    expect(assistant.tools).toEqual([
      { type: "file_search", file_search: { ranking_options: { ranker: "default_2024_08_21", score_threshold: 0 } } },
    ]);
    const thread = await client.beta.threads.create({ messages: [{ role: "user", content: FINAL_EXAM }] });
    const run = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id }, { pollIntervalMs: 1 });
    const part = (await lastAnswer(thread.id)).content[0]!;
    if (part.type !== "text") throw new Error("expected a text answer");
    const marker = "【4:0†course-handout.md】";
    expect(part.text.value).toBe(
      `The final exam is on Thursday, 18 December, from 10:00 to 12:00 in Hall B${marker}. It counts for 40% of the final grade; homework and the midterm count for 30% each${marker}.`,
    );
    const first = part.text.value.indexOf(marker);
    const second = part.text.value.lastIndexOf(marker);
    expect(part.text.annotations).toEqual([
      { type: "file_citation", text: marker, start_index: first, end_index: first + marker.length, file_citation: { file_id: file.id } },
      { type: "file_citation", text: marker, start_index: second, end_index: second + marker.length, file_citation: { file_id: file.id } },
    ]);
    const steps = await client.beta.threads.runs.steps.list(run.id, { thread_id: thread.id, order: "asc" });
    expect(steps.data[0]!.step_details).toMatchObject({
      type: "tool_calls",
      tool_calls: [{ type: "file_search", file_search: { results: [] } }],
    });
  });

  it("finds nothing in a file that is still being processed", async () => {
    const { client } = harness;
    const { assistant } = await handoutStore(harness, false);
    const thread = await client.beta.threads.create({ messages: [{ role: "user", content: FINAL_EXAM }] });
    await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id }, { pollIntervalMs: 1 });
    const answer = await lastAnswer(thread.id);
    expect(answer.content).toEqual([
      { type: "text", text: { value: "I couldn't find the final exam in the files I can search.", annotations: [] } },
    ]);
  });
});

describe("code interpreter with files", () => {
  it("reads the attached CSV, saves a PNG chart as a file, and shows it in the answer", async () => {
    const { client } = harness;
    const { file, assistant } = await scoresAssistant(harness);
    const thread = await client.beta.threads.create({ messages: [{ role: "user", content: QUIZ_CHART }] });
    const run = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id }, { pollIntervalMs: 1 });
    const answer = await lastAnswer(thread.id);
    const image = answer.content[0]!;
    if (image.type !== "image_file") throw new Error("expected the chart first");
    const steps = await client.beta.threads.runs.steps.list(run.id, { thread_id: thread.id, order: "asc" });
    const details = steps.data[1]!.step_details;
    if (details.type !== "tool_calls" || details.tool_calls[0]?.type !== "code_interpreter")
      throw new Error("expected a code interpreter step");
    const call = details.tool_calls[0].code_interpreter;
    expect(call.input).toContain(`pd.read_csv('/mnt/data/${file.id}')`);
    expect(call.outputs).toEqual([
      {
        type: "logs",
        logs: "quiz_1    73.8\nquiz_2    77.0\nquiz_3    81.7\nquiz_4    85.3\nquiz_5    89.0\nBest average: Daniel 91.4\nMost improved: Sora 27\n",
      },
      { type: "image", image: { file_id: image.image_file.file_id } },
    ]);
    expect(await client.files.retrieve(image.image_file.file_id)).toMatchObject({
      filename: "quiz_averages.png",
      purpose: "assistants_output",
    });
    const content = await client.files.content(image.image_file.file_id);
    expect(content.headers.get("content-type")).toBe("image/png");
    const bytes = new Uint8Array(await content.arrayBuffer());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: 480 × 300, 8-bit truecolour.
    expect(Buffer.from(bytes).readUInt32BE(16)).toBe(480);
    expect(Buffer.from(bytes).readUInt32BE(20)).toBe(300);
  });
});

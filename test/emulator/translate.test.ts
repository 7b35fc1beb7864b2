// The emulator's pure translation, on what the Responses simulator does not produce: a code
// interpreter call streamed and listed as a run step, and an assistant's tools, formats and
// limits as the body of a background response.
import { AssistantStream } from "openai/lib/AssistantStream";
import { describe, expect, it } from "vitest";
import type { SimError } from "../../sim/core/errors.ts";
import { assistantObject, runObject } from "../../emulator/core/objects.ts";
import type { RunRecord } from "../../emulator/core/records.ts";
import { responseState, runSteps } from "../../emulator/core/run-state.ts";
import { createStreamTranslator } from "../../emulator/core/stream.ts";
import { checkRunBody, responseRequest } from "../../emulator/core/to-responses.ts";
import type { SseEvent } from "../../emulator/core/types.ts";

const NOW = 1_800_000_000;
const assistant = assistantObject("asst_A", NOW, {
  model: "gpt-4o",
  instructions: "Write and run code.",
  tools: [
    { type: "code_interpreter" },
    { type: "file_search" },
    { type: "function", function: { name: "check", parameters: { type: "object" } } },
  ],
});

function record(body: Record<string, unknown> = {}): RunRecord {
  const run = runObject({ id: "run_R", threadId: "thread_T", createdAt: NOW }, assistant, { assistant_id: "asst_A", ...body });
  return {
    run,
    conversationId: "conv_C",
    request: {},
    responses: [],
    toolOutputs: {},
    stepTimes: {},
    inputs: { messageIds: [], settled: true },
  };
}

const CODE = {
  id: "ci_1",
  type: "code_interpreter_call",
  status: "completed",
  code: "print(1+1)",
  container_id: "cntr_1",
  outputs: [{ type: "logs", logs: "2\n" }],
};
const response = (status: string, output: unknown[] = []) => ({
  id: "resp_1",
  object: "response",
  status,
  output,
  usage: null,
  error: null,
});

/** The upstream events of one response that runs code, then answers. */
const UPSTREAM: SseEvent[] = [
  { event: "response.created", data: { type: "response.created", response: response("queued") } },
  { event: "response.in_progress", data: { type: "response.in_progress", response: response("in_progress") } },
  { event: "x", data: { type: "response.output_item.added", item: { ...CODE, status: "in_progress", code: "", outputs: null } } },
  { event: "x", data: { type: "response.code_interpreter_call_code.delta", item_id: "ci_1", delta: "print(" } },
  { event: "x", data: { type: "response.code_interpreter_call_code.delta", item_id: "ci_1", delta: "1+1)" } },
  { event: "x", data: { type: "response.output_item.done", item: CODE } },
  {
    event: "x",
    data: {
      type: "response.output_item.added",
      item: { id: "msg_1", type: "message", role: "assistant", status: "in_progress", content: [] },
    },
  },
  { event: "x", data: { type: "response.output_text.delta", item_id: "msg_1", content_index: 0, delta: "It is" } },
  { event: "x", data: { type: "response.output_text.delta", item_id: "msg_1", content_index: 0, delta: " 2." } },
  {
    event: "x",
    data: {
      type: "response.output_item.done",
      item: {
        id: "msg_1",
        type: "message",
        role: "assistant",
        status: "completed",
        content: [{ type: "output_text", text: "It is 2.", annotations: [] }],
      },
    },
  },
];

describe("a streamed code interpreter call", () => {
  const run = record();
  const completed = response("completed", [CODE, (UPSTREAM[9]!.data as { item: unknown }).item]);
  const translator = createStreamTranslator(run, {
    response: (raw) => {
      run.responses = [responseState(raw)];
      run.run.status = run.responses[0]!.status as typeof run.run.status;
      return run.run;
    },
    message: (id, done) => ({
      id,
      threadId: "thread_T",
      createdAt: NOW,
      completedAt: done ? NOW : null,
      assistantId: "asst_A",
      runId: "run_R",
      metadata: {},
      attachments: [],
      itemId: id,
    }),
    now: () => NOW,
  });
  const events = [...UPSTREAM, { event: "response.completed", data: { type: "response.completed", response: completed } }].flatMap(
    translator.translate,
  );

  it("becomes a tool_calls step whose deltas carry the code, then its logs", () => {
    expect(events.map((e) => e.event)).toEqual([
      "thread.run.created",
      "thread.run.queued",
      "thread.run.in_progress",
      "thread.run.step.created",
      "thread.run.step.in_progress",
      "thread.run.step.delta",
      "thread.run.step.delta",
      "thread.run.step.delta",
      "thread.run.step.delta",
      "thread.run.step.completed",
      "thread.run.step.created",
      "thread.run.step.in_progress",
      "thread.message.created",
      "thread.message.in_progress",
      "thread.message.delta",
      "thread.message.delta",
      "thread.message.completed",
      "thread.run.step.completed",
      "thread.run.completed",
      "done",
    ]);
    const deltas = events.filter((e) => e.event === "thread.run.step.delta").map((e) => (e.data as { delta: unknown }).delta);
    expect(deltas).toEqual([
      {
        step_details: {
          type: "tool_calls",
          tool_calls: [{ index: 0, id: "ci_1", type: "code_interpreter", code_interpreter: { input: "", outputs: [] } }],
        },
      },
      { step_details: { type: "tool_calls", tool_calls: [{ index: 0, type: "code_interpreter", code_interpreter: { input: "print(" } }] } },
      { step_details: { type: "tool_calls", tool_calls: [{ index: 0, type: "code_interpreter", code_interpreter: { input: "1+1)" } }] } },
      {
        step_details: {
          type: "tool_calls",
          tool_calls: [{ index: 0, type: "code_interpreter", code_interpreter: { outputs: [{ index: 0, type: "logs", logs: "2\n" }] } }],
        },
      },
    ]);
  });

  it("is accepted by the SDK's AssistantStream, whose handlers see the code, its logs and the text", async () => {
    const lines = events.filter((e) => e.event !== "done").map((e) => `${JSON.stringify(e)}\n`);
    const bytes = new ReadableStream({
      start(controller) {
        for (const line of lines) controller.enqueue(new TextEncoder().encode(line));
        controller.close();
      },
    });
    const seen: string[] = [];
    const stream = AssistantStream.fromReadableStream(bytes)
      .on("toolCallCreated", (call) => seen.push(`tool ${call.type}`))
      .on("toolCallDelta", (delta) => {
        if (delta.type !== "code_interpreter") return;
        if (delta.code_interpreter?.input) seen.push(`code ${delta.code_interpreter.input}`);
        for (const output of delta.code_interpreter?.outputs ?? []) if (output.type === "logs") seen.push(`logs ${output.logs}`);
      })
      .on("textDelta", (delta) => seen.push(`text ${delta.value}`));
    const final = await stream.finalRun();
    expect(seen).toEqual(["tool code_interpreter", "code print(", "code 1+1)", "logs 2\n", "text It is", "text  2."]);
    expect(final.status).toBe("completed");
    expect((await stream.finalRunSteps()).map((step) => step.id)).toEqual(["step_ci1", "step_msg1"]);
  });

  it("lists the same steps, with the same ids, after the stream", () => {
    const steps = runSteps(run, NOW + 5);
    expect(steps.map((step) => [step.id, step.type, step.status, step.created_at])).toEqual([
      ["step_ci1", "tool_calls", "completed", NOW],
      ["step_msg1", "message_creation", "completed", NOW],
    ]);
    expect(steps[0]?.step_details).toEqual({
      type: "tool_calls",
      tool_calls: [
        { id: "ci_1", type: "code_interpreter", code_interpreter: { input: "print(1+1)", outputs: [{ type: "logs", logs: "2\n" }] } },
      ],
    });
  });
});

describe("a run as a background response", () => {
  it("carries the assistant's tools with their files and vector stores, and the run's overrides", () => {
    const { run } = record({
      instructions: "Be brief.",
      additional_instructions: "Use code.",
      temperature: 0.2,
      max_completion_tokens: 300,
    });
    const body = responseRequest(run, "conv_C", { codeFileIds: ["file_1"], vectorStoreIds: ["vs_1"] }, { reasoning_effort: "low" });
    expect(body).toEqual({
      model: "gpt-4o",
      instructions: "Be brief.\n\nUse code.",
      conversation: "conv_C",
      background: true,
      tools: [
        { type: "code_interpreter", container: { type: "auto", file_ids: ["file_1"] } },
        { type: "file_search", vector_store_ids: ["vs_1"], ranking_options: { score_threshold: 0 } },
        { type: "function", name: "check", parameters: { type: "object" }, strict: false },
      ],
      temperature: 0.2,
      max_output_tokens: 300,
      reasoning: { effort: "low" },
      include: ["code_interpreter_call.outputs"],
    });
  });

  it("leaves out file_search when no vector store is reachable, and maps formats and tool choice", () => {
    const { run } = record({
      response_format: { type: "json_schema", json_schema: { name: "answer", schema: { type: "object" } } },
      tool_choice: { type: "function", function: { name: "check" } },
      parallel_tool_calls: false,
    });
    const body = responseRequest(run, "conv_C", { codeFileIds: [], vectorStoreIds: [] }, {});
    expect(body["tools"]).toEqual([
      { type: "code_interpreter", container: { type: "auto", file_ids: [] } },
      { type: "function", name: "check", parameters: { type: "object" }, strict: false },
    ]);
    expect([body["text"], body["tool_choice"], body["parallel_tool_calls"]]).toEqual([
      { format: { type: "json_schema", name: "answer", schema: { type: "object" } } },
      { type: "function", name: "check" },
      false,
    ]);
  });

  it("accepts truncation_strategy auto and refuses what Responses cannot do", () => {
    expect(() => checkRunBody({ truncation_strategy: { type: "auto", last_messages: null } })).not.toThrow();
    const refused = (() => {
      try {
        checkRunBody({ max_prompt_tokens: 100 });
      } catch (error) {
        return (error as SimError).response;
      }
    })();
    expect(refused).toEqual({
      status: 400,
      headers: {},
      json: {
        error: {
          message: "Not emulated: max_prompt_tokens. Responses cannot cap prompt tokens; leave it out (truncation is automatic).",
          type: "invalid_request_error",
          param: "max_prompt_tokens",
          code: "unsupported_by_emulator",
        },
      },
    });
  });
});

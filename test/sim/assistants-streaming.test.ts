import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, CODE_TUTOR, JANE_DOE, LINEAR_WITH_CODE, QUADRATIC, SHORT_TUTOR, firstText, startHarness } from "./sdk-harness.ts";

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(async () => {
  await harness.server.close();
});

/** Event names with runs of the same delta event folded into one "name*". */
function foldDeltas(names: string[]): string[] {
  return names.reduce<string[]>((folded, name) => {
    const marked = name.endsWith(".delta") ? `${name}*` : name;
    if (folded[folded.length - 1] !== marked || !name.endsWith(".delta")) folded.push(marked);
    return folded;
  }, []);
}

async function threadAsking(question: string, tutor: typeof SHORT_TUTOR | typeof CODE_TUTOR) {
  const assistant = await harness.client.beta.assistants.create(tutor);
  const thread = await harness.client.beta.threads.create({ messages: [{ role: "user", content: question }] });
  return { assistant, thread };
}

describe("streaming runs", () => {
  it("streams a text answer in the real event order, and its deltas add up to the final text", async () => {
    const { assistant, thread } = await threadAsking(QUADRATIC, SHORT_TUTOR);
    const stream = harness.client.beta.threads.runs.stream(thread.id, { assistant_id: assistant.id });
    const names: string[] = [];
    let streamed = "";
    stream.on("textDelta", (delta) => {
      streamed += delta.value ?? "";
    });
    for await (const event of stream) names.push(event.event);
    expect(foldDeltas(names)).toEqual([
      "thread.run.created",
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
    const answer = "Yes: by the quadratic formula, x = (-11 ± √241) / 6, so x ≈ 0.754 or x ≈ -4.421.";
    expect(names.filter((name) => name === "thread.message.delta").length).toBeGreaterThan(5);
    expect(streamed).toBe(answer);
    const run = await stream.finalRun();
    expect(run.status).toBe("completed");
    const [stored] = (await harness.client.beta.threads.messages.list(thread.id)).data;
    expect(firstText(stored!)).toBe(answer);
    expect(await harness.client.beta.threads.runs.retrieve(run.id, { thread_id: thread.id })).toEqual(run);
  });

  it("streams a code_interpreter turn: intro text, tool-call input and logs, then the conclusion", async () => {
    const INTRO =
      "Sure, Jane Doe! To isolate x, subtract 11 from both sides (3x = 3), then divide both sides by 3. " +
      "Let me solve it with code to be sure.";
    const CONCLUSION = "The solution to `3x + 11 = 14` is x = 1. Check: 3 · 1 + 11 = 14.";
    const { assistant, thread } = await threadAsking(LINEAR_WITH_CODE, CODE_TUTOR);
    const stream = harness.client.beta.threads.runs.stream(thread.id, { assistant_id: assistant.id, instructions: JANE_DOE });
    let transcript = "";
    stream
      .on("textCreated", () => {
        transcript += "\nassistant > ";
      })
      .on("textDelta", (delta) => {
        transcript += delta.value ?? "";
      })
      .on("toolCallCreated", (call) => {
        transcript += `\nassistant > ${call.type}\n`;
      })
      .on("toolCallDelta", (delta) => {
        if (delta.type !== "code_interpreter") return;
        transcript += delta.code_interpreter?.input ?? "";
        for (const output of delta.code_interpreter?.outputs ?? [])
          if (output.type === "logs") transcript += `\n\noutput >\n${output.logs}`;
      });
    const steps = await stream.finalRunSteps();
    expect(transcript).toBe(
      `\nassistant > ${INTRO}` +
        "\nassistant > code_interpreter\nfrom sympy import symbols, Eq, solve\n\nx = symbols('x')\n" +
        "solution = solve(Eq(3*x + 11, 14), x)\nprint(solution)\n\noutput >\n[1]\n" +
        `\nassistant > ${CONCLUSION}`,
    );
    expect(steps.map((step) => [step.type, step.status])).toEqual([
      ["message_creation", "completed"],
      ["tool_calls", "completed"],
      ["message_creation", "completed"],
    ]);
    expect((await stream.finalMessages()).map(firstText)).toEqual([INTRO, CONCLUSION]);
  });

  it("starts a createAndRunStream with thread.created and ends with the completed run", async () => {
    const assistant = await harness.client.beta.assistants.create(SHORT_TUTOR);
    const stream = harness.client.beta.threads.createAndRunStream({
      assistant_id: assistant.id,
      thread: { messages: [{ role: "user", content: "And what is the square root of 1024?" }] },
    });
    const names: string[] = [];
    for await (const event of stream) names.push(event.event);
    expect(names[0]).toBe("thread.created");
    expect(names[names.length - 1]).toBe("thread.run.completed");
    expect((await stream.finalMessages()).map(firstText)).toEqual(["√1024 = 32, because 32 × 32 = 1024."]);
  });

  it("streams a run the answer table fails: no steps, then thread.run.failed with its last_error", async () => {
    const { assistant, thread } = await threadAsking("Can you graph y = x^2 for me?", SHORT_TUTOR);
    const stream = harness.client.beta.threads.runs.stream(thread.id, { assistant_id: assistant.id });
    const names: string[] = [];
    for await (const event of stream) names.push(event.event);
    expect(names).toEqual(["thread.run.created", "thread.run.queued", "thread.run.in_progress", "thread.run.failed"]);
    expect(await stream.finalRun()).toMatchObject({
      status: "failed",
      completed_at: null,
      last_error: { code: "server_error", message: "Sorry, something went wrong." },
    });
  });

  it("writes each SSE frame as its own chunk and ends with event done / data [DONE]", async () => {
    const { assistant, thread } = await threadAsking("Thank you!", SHORT_TUTOR);
    const response = await fetch(`${harness.server.baseUrl}/threads/${thread.id}/runs`, {
      method: "POST",
      headers: { "content-type": "application/json", "openai-beta": "assistants=v2", authorization: "Bearer sk-test-fake" },
      body: JSON.stringify({ assistant_id: assistant.id, stream: true }),
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const reader = response.body!.getReader();
    const chunks: string[] = [];
    for (let part = await reader.read(); !part.done; part = await reader.read()) chunks.push(new TextDecoder().decode(part.value));
    const body = chunks.join("");
    expect(chunks.length).toBeGreaterThan(5);
    expect(body.startsWith('event: thread.run.created\ndata: {"id":"run_')).toBe(true);
    expect(
      body
        .split("\n\n")
        .filter(Boolean)
        .every((frame) => /^event: [a-z._]+\ndata: .+$/.test(frame)),
    ).toBe(true);
    expect(body.endsWith("\n\nevent: done\ndata: [DONE]\n\n")).toBe(true);
  });
});

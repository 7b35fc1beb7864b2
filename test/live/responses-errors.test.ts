// Live guidance for the Responses and Conversations APIs, produced for real: a small lesson runs
// in this process against the local Responses simulator and meets each failure once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimServer } from "../../sim/core/server.ts";
import { tempCourse, writeLesson } from "../support/cli.ts";
import { runLiveInProcess } from "../support/live.ts";
import { startResponsesCourseSim } from "../support/sim.ts";

const KEY = "sk-canary-RESPONSES0123456789abcdefghijklmn";
let server: SimServer;
beforeAll(async () => {
  server = await startResponsesCourseSim();
});
afterAll(() => server.close());

/** Runs a one-cell lesson whose cell is `code` (after a client is made), live against the simulator. */
async function liveCell(code: string, tags = "") {
  const course = tempCourse();
  const lesson = `// %% [markdown] id="intro"\n// # Guidance\n\n// %% Make a client id="client"\nimport OpenAI from "openai";\nconst client = new OpenAI();\n\n// %% Ask id="ask"${tags}\n${code}\n`;
  writeLesson(course, "21-guidance", lesson);
  const env = { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.baseUrl };
  const { result, errorLines } = await runLiveInProcess(21, "live", env, { dirs: course.dirs, report: false });
  return { status: result.run.status, errorLines };
}

describe("live guidance for the Responses API", () => {
  it("names a model that does not exist", async () => {
    const run = await liveCell('await client.responses.create({ model: "gpt-4o-mnii", input: "Thank you!" });');
    expect(run.errorLines).toEqual([
      `LiveError: the model "gpt-4o-mnii" does not exist, or your project cannot use it (The requested model 'gpt-4o-mnii' does not exist.)`,
      `Fix: use a model your project can access, such as "gpt-4o-mini": see https://platform.openai.com/docs/models and your project's limits at https://platform.openai.com/settings/organization/limits`,
    ]);
  });

  it("names a conversation id that does not exist", async () => {
    const run = await liveCell('await client.responses.create({ model: "gpt-4o-mini", conversation: "conv_gone", input: "Thank you!" });');
    expect(run.errorLines[0]).toBe(
      "LiveError: conversation conv_gone does not exist: it was deleted, or it belongs to another project or API key (Conversation with id 'conv_gone' not found.)",
    );
  });

  it("explains previous_response_id and conversation given together", async () => {
    const code = [
      "const conversation = await client.conversations.create();",
      'const first = await client.responses.create({ model: "gpt-4o-mini", input: "Thank you!" });',
      'await client.responses.create({ model: "gpt-4o-mini", conversation: conversation.id, previous_response_id: first.id, input: "Hi" });',
    ].join("\n");
    const run = await liveCell(code);
    expect(run.errorLines[1]).toBe(
      "Fix: keep a conversation's state in the conversation (pass conversation only), or chain responses yourself (pass previous_response_id only)",
    );
  });

  it("explains a rate limit that outlasts the SDK's retries", async () => {
    server.scenario.rateLimit = true;
    try {
      const run = await liveCell('await client.responses.create({ model: "gpt-4o-mini", input: "Thank you!" });');
      expect(run.errorLines[0]).toMatch(
        /^LiveError: 127\.0\.0\.1:\d+ is rate limiting POST \/v1\/responses for this model, also after the SDK's retries \(429: Rate limit reached for gpt-4o-mini/,
      );
    } finally {
      server.scenario.rateLimit = false;
    }
  });

  it("stops at a response that ended failed, unless the cell expects it", async () => {
    const ask = 'const r = await client.responses.create({ model: "gpt-4o-mini", input: "Can you graph y = x^2 for me?" });';
    const stopped = await liveCell(ask);
    expect(stopped.status).toBe("error");
    expect(stopped.errorLines[0]).toMatch(
      /^LiveError: response resp_\w+ ended "failed" \(error: server_error: Sorry, something went wrong\.\)$/,
    );
    const expected = await liveCell(ask, ' tags=["expect-response-failure"]');
    expect(expected).toEqual({ status: "ok", errorLines: [] });
  });
});

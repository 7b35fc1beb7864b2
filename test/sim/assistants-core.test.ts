import { describe, expect, it } from "vitest";
import { addressUser, planReply, plannedFailure } from "./answers.ts";
import { type FakeAssistantsApi, type FakeResponse, createFakeAssistantsApi } from "./core.ts";
import { parseServerArgs } from "./server.ts";
import { deltaChunks } from "./streaming.ts";

const BETA = { "openai-beta": "assistants=v2" };

function sender(api: FakeAssistantsApi) {
  return (method: string, path: string, body?: unknown, query = ""): FakeResponse =>
    api.handle({ method, path, query: new URLSearchParams(query), headers: BETA, body });
}

/** A small lesson: assistant, thread, a polled run, a streamed run and the message list. */
function lessonTranscript(api: FakeAssistantsApi): string {
  const send = sender(api);
  const responses: FakeResponse[] = [];
  const record = (response: FakeResponse) => { responses.push(response); return response.json as { id: string }; };
  const assistant = record(send("POST", "/v1/assistants", { model: "gpt-4o-mini", name: "Math Tutor" }));
  const thread = record(send("POST", "/v1/threads", { messages: [{ role: "user", content: "What is 2 to the power of 10?" }] }));
  const run = record(send("POST", `/v1/threads/${thread.id}/runs`, { assistant_id: assistant.id }));
  record(send("GET", `/v1/threads/${thread.id}/runs/${run.id}`));
  record(send("GET", `/v1/threads/${thread.id}/runs/${run.id}`));
  record(send("POST", `/v1/threads/${thread.id}/messages`, { role: "user", content: "And what is the square root of 1024?" }));
  record(send("POST", `/v1/threads/${thread.id}/runs`, { assistant_id: assistant.id, stream: true }));
  record(send("GET", `/v1/threads/${thread.id}/messages`));
  return JSON.stringify(responses);
}

describe("determinism", () => {
  it("gives byte-identical responses for the same seed and requests, and different ids for another seed", () => {
    const first = lessonTranscript(createFakeAssistantsApi());
    expect(lessonTranscript(createFakeAssistantsApi({ seed: "lessonbook" }))).toBe(first);
    expect(lessonTranscript(createFakeAssistantsApi({ seed: "another" }))).not.toBe(first);
  });

  it("starts the virtual clock at startTime and advances 1–3 s per created object", () => {
    const send = sender(createFakeAssistantsApi({ startTime: 1000 }));
    const times = [0, 1, 2, 3].map(() => (send("POST", "/v1/threads", {}).json as { created_at: number }).created_at);
    times.reduce((previous, time) => {
      expect(time - previous).toBeGreaterThanOrEqual(1);
      expect(time - previous).toBeLessThanOrEqual(3);
      return time;
    }, 1000);
  });
});

describe("run progression options", () => {
  it("completes on the pollsUntilDone-th retrieve and sends openai-poll-after-ms when asked", () => {
    const api = createFakeAssistantsApi({ pollsUntilDone: 3, pollAfterMs: 25 });
    const send = sender(api);
    const assistant = send("POST", "/v1/assistants", { model: "gpt-4o-mini" }).json as { id: string };
    const thread = send("POST", "/v1/threads", {}).json as { id: string };
    const created = send("POST", `/v1/threads/${thread.id}/runs`, { assistant_id: assistant.id });
    expect(created.headers).toEqual({ "openai-poll-after-ms": "25" });
    const run = created.json as { id: string };
    const statuses = [1, 2, 3, 4].map(() => (send("GET", `/v1/threads/${thread.id}/runs/${run.id}`).json as { status: string }).status);
    expect(statuses).toEqual(["in_progress", "in_progress", "completed", "completed"]);
  });

  it("reads the standalone server's port and poll options from its command line", () => {
    expect(parseServerArgs([])).toEqual({});
    expect(parseServerArgs(["48300", "--poll-after-ms", "100", "--polls-until-done=3"]))
      .toEqual({ port: 48300, pollAfterMs: 100, pollsUntilDone: 3 });
    expect(() => parseServerArgs(["--poll-after-ms"])).toThrow(/--poll-after-ms needs a whole number/);
    expect(() => parseServerArgs(["--poll-after-ms", "soon"])).toThrow(/--poll-after-ms needs a whole number/);
    expect(() => parseServerArgs(["--fast"])).toThrow(/unknown argument "--fast"/);
  });

  it("answers unknown routes like the real API", () => {
    expect(sender(createFakeAssistantsApi())("GET", "/v1/nothing").json).toEqual({
      error: { message: "Invalid URL (GET /v1/nothing)", type: "invalid_request_error", param: null, code: null } });
  });
});

describe("answers", () => {
  it("addresses Jane Doe after an opening interjection, else in front with a lower-case opening (except I)", () => {
    expect(addressUser("Yes: x = 1.", "Please address the user as Jane Doe.")).toBe("Yes, Jane Doe: x = 1.");
    expect(addressUser("Sure! Let me check.", "Please address the user as Jane Doe.")).toBe("Sure, Jane Doe! Let me check.");
    expect(addressUser("Of course! Step 1.", "Please address the user as Jane Doe.")).toBe("Of course, Jane Doe! Step 1.");
    expect(addressUser("Surely x = 1.", "Please address the user as Jane Doe.")).toBe("Jane Doe, surely x = 1.");
    expect(addressUser("x = 1.", "Please address the user as Jane Doe.")).toBe("Jane Doe, x = 1.");
    expect(addressUser("I'm here.", "Please address the user as Jane Doe.")).toBe("Jane Doe, I'm here.");
    expect(addressUser("Yes.", "Be brief.")).toBe("Yes.");
  });

  it("falls back to a well-formed reply that quotes the question", () => {
    expect(planReply("  What is 7 × 6?  ", { instructions: "", codeInterpreter: false })).toEqual({ kind: "text",
      text: "I'm the local test assistant; I can answer the course's questions. You asked: \"What is 7 × 6?\"" });
    expect(planReply("Thank you!", { instructions: "", codeInterpreter: true }))
      .toEqual({ kind: "text", text: "You're welcome! Let me know if you have any other math questions." });
  });

  it("fails the runs of questions the answer table marks as failed, and only those", () => {
    expect(plannedFailure("  Can you graph y = x^2 for me? ")).toEqual({ code: "server_error", message: "Sorry, something went wrong." });
    expect(plannedFailure("Thank you!")).toBeUndefined();
    expect(plannedFailure(undefined)).toBeUndefined();
  });

  it("splits text into word-sized deltas that add up to the original", () => {
    const text = "Of course!\n\n**1. Identify** a = 3.\n";
    expect(deltaChunks(text)).toEqual(["Of", " course!", "\n\n**1.", " Identify**", " a", " =", " 3.", "\n"]);
    expect(deltaChunks(text).join("")).toBe(text);
  });
});

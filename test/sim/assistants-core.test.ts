// The Assistants simulator's pure core: request in, response out, no HTTP.
import { describe, expect, it } from "vitest";
import { ASSISTANTS_ANSWERS } from "../../lessons/answers/assistants.ts";
import { addressUser, planReply, plannedFailure } from "../../sim/assistants/replies.ts";
import { type AssistantsSimOptions, createAssistantsSim } from "../../sim/assistants/simulator.ts";
import { deltaChunks } from "../../sim/assistants/streaming.ts";
import type { SimResponse, Simulator } from "../../sim/core/types.ts";
import { sender } from "./sdk-harness.ts";

const courseSim = (options: AssistantsSimOptions = {}) => createAssistantsSim({ answers: ASSISTANTS_ANSWERS, ...options });

/** A small lesson: assistant, thread, a polled run, a streamed run and the message list. */
function lessonTranscript(simulator: Simulator): string {
  const send = sender(simulator);
  const responses: SimResponse[] = [];
  const record = (response: SimResponse) => {
    responses.push(response);
    return response.json as { id: string };
  };
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
    const first = lessonTranscript(courseSim());
    expect(lessonTranscript(courseSim({ seed: "lessonbook" }))).toBe(first);
    expect(lessonTranscript(courseSim({ seed: "another" }))).not.toBe(first);
  });
});

describe("run progression options", () => {
  it("completes on the pollsUntilDone-th retrieve and sends openai-poll-after-ms when asked", () => {
    const send = sender(courseSim({ pollsUntilDone: 3, pollAfterMs: 25 }));
    const assistant = send("POST", "/v1/assistants", { model: "gpt-4o-mini" }).json as { id: string };
    const thread = send("POST", "/v1/threads", {}).json as { id: string };
    const created = send("POST", `/v1/threads/${thread.id}/runs`, { assistant_id: assistant.id });
    expect(created.headers).toEqual({ "openai-poll-after-ms": "25" });
    const run = created.json as { id: string };
    const statuses = [1, 2, 3, 4].map(() => (send("GET", `/v1/threads/${thread.id}/runs/${run.id}`).json as { status: string }).status);
    expect(statuses).toEqual(["in_progress", "in_progress", "completed", "completed"]);
  });

  it("answers unknown routes like the real API", () => {
    expect(sender(courseSim())("GET", "/v1/nothing").json).toEqual({
      error: { message: "Invalid URL (GET /v1/nothing)", type: "invalid_request_error", param: null, code: null },
    });
  });
});

describe("replies", () => {
  it("addresses Jane Doe after an opening interjection, else in front with a lower-case opening (except I)", () => {
    expect(addressUser("Yes: x = 1.", "Please address the user as Jane Doe.")).toBe("Yes, Jane Doe: x = 1.");
    expect(addressUser("Sure! Let me check.", "Please address the user as Jane Doe.")).toBe("Sure, Jane Doe! Let me check.");
    expect(addressUser("Of course! Step 1.", "Please address the user as Jane Doe.")).toBe("Of course, Jane Doe! Step 1.");
    expect(addressUser("Surely x = 1.", "Please address the user as Jane Doe.")).toBe("Jane Doe, surely x = 1.");
    expect(addressUser("x = 1.", "Please address the user as Jane Doe.")).toBe("Jane Doe, x = 1.");
    expect(addressUser("I'm here.", "Please address the user as Jane Doe.")).toBe("Jane Doe, I'm here.");
    expect(addressUser("Yes.", "Be brief.")).toBe("Yes.");
  });

  it("takes the name from any 'address the user as' instruction", () => {
    expect(addressUser("Sure! Let me check.", "Always address the user as Captain Kim!")).toBe("Sure, Captain Kim! Let me check.");
  });

  it("addresses the user in Korean with 님, after a Korean opening or in front", () => {
    const janeDoe = "Please address the user as Jane Doe.";
    expect(addressUser("물론이죠! 코드로 풀어 볼게요.", janeDoe)).toBe("물론이죠, Jane Doe님! 코드로 풀어 볼게요.");
    expect(addressUser("x = 1입니다.", janeDoe)).toBe("Jane Doe, x = 1입니다.");
    expect(addressUser("해는 x = 1입니다.", janeDoe)).toBe("Jane Doe님, 해는 x = 1입니다.");
  });

  it("answers as the run's persona when its instructions replaced the tutor's, and as the tutor otherwise", () => {
    const question = "I need to solve the equation `3x^2 + 11x - 10 = 0`. Can you help me?";
    const janeDoe = "Please address the user as Jane Doe. The user has a premium account.";
    const tutor = "You are a personal math tutor. Answer questions briefly, in a sentence or less.";
    expect(planReply(ASSISTANTS_ANSWERS, question, { instructions: janeDoe, codeInterpreter: false })).toEqual({
      kind: "text",
      text: "Hello Jane Doe! Thank you for being a premium member. How can I help you today? If you have a question or need a hand with anything, just let me know.",
    });
    expect(planReply(ASSISTANTS_ANSWERS, question, { instructions: `${tutor}\n\n${janeDoe}`, codeInterpreter: false })).toEqual({
      kind: "text",
      text: "Yes, Jane Doe: by the quadratic formula, x = (-11 ± √241) / 6, so x ≈ 0.754 or x ≈ -4.421.",
    });
  });

  it("falls back to a well-formed reply that quotes the question", () => {
    expect(planReply(ASSISTANTS_ANSWERS, "  What is 7 × 6?  ", { instructions: "", codeInterpreter: false })).toEqual({
      kind: "text",
      text: "I'm the local test assistant; I can answer the course's questions. You asked: \"What is 7 × 6?\"",
    });
    expect(planReply(ASSISTANTS_ANSWERS, "Thank you!", { instructions: "", codeInterpreter: true })).toEqual({
      kind: "text",
      text: "You're welcome! Let me know if you have any other math questions.",
    });
  });

  it("fails the runs of questions the answer book marks as failed, and only those", () => {
    expect(plannedFailure(ASSISTANTS_ANSWERS, "  Can you graph y = x^2 for me? ")).toEqual({
      code: "server_error",
      message: "Sorry, something went wrong.",
    });
    expect(plannedFailure(ASSISTANTS_ANSWERS, "Thank you!")).toBeUndefined();
    expect(plannedFailure(ASSISTANTS_ANSWERS, undefined)).toBeUndefined();
  });

  it("answers from the book it is given: the course's answers are injected, not built in", () => {
    const ask = (simulator: Simulator) => {
      const send = sender(simulator);
      const assistant = send("POST", "/v1/assistants", { model: "gpt-4o-mini" }).json as { id: string };
      const thread = send("POST", "/v1/threads", { messages: [{ role: "user", content: "Thank you!" }] }).json as { id: string };
      send("POST", `/v1/threads/${thread.id}/runs`, { assistant_id: assistant.id, stream: true });
      type MessageList = { data: { content: { text: { value: string } }[] }[] };
      const [answer] = (send("GET", `/v1/threads/${thread.id}/messages`).json as MessageList).data;
      return answer?.content[0]?.text.value;
    };
    expect(ask(createAssistantsSim())).toBe("I'm the local test assistant; I can answer the course's questions. You asked: \"Thank you!\"");
    expect(ask(courseSim())).toBe("You're welcome! Let me know if you have any other math questions.");
    const book = new Map([["Thank you!", { reply: "Any time." }]]);
    expect(ask(createAssistantsSim({ answers: book }))).toBe("Any time.");
  });

  it("splits text into word-sized deltas that add up to the original", () => {
    const text = "Of course!\n\n**1. Identify** a = 3.\n";
    expect(deltaChunks(text)).toEqual(["Of", " course!", "\n\n**1.", " Identify**", " a", " =", " 3.", "\n"]);
    expect(deltaChunks(text).join("")).toBe(text);
  });
});

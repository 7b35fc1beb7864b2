// Simulated time follows the requests' arrival times (the clock of the fixtures' `at`).
import { describe, expect, it } from "vitest";
import { ASSISTANTS_ANSWERS } from "../../lessons/answers/assistants.ts";
import { createAssistantsSim } from "../../sim/assistants/simulator.ts";
import { sender } from "./sdk-harness.ts";

const START = 1754380800;
type Stamped = { id: string; created_at: number };
type Run = Stamped & { status: string; started_at: number | null; completed_at: number | null; expires_at: number | null };

function session(runWorkMs?: number) {
  const send = sender(createAssistantsSim({ answers: ASSISTANTS_ANSWERS, runWorkMs }));
  return (method: string, path: string, body: unknown, at?: number) => send(method, path, body, at).json as Stamped;
}

describe("simulated time", () => {
  it("starts at startTime with the session's first request and moves by the whole seconds elapsed since", () => {
    const send = session();
    const createdAt = [5_000, 5_999, 6_000, 7_500].map((at) => send("POST", "/v1/threads", {}, at).created_at);
    expect(createdAt).toEqual([START, START, START + 1, START + 2]);
  });

  it("gives requests that arrive at the same moment the same timestamp", () => {
    const send = session();
    const threads = [0, 1, 2].map(() => send("POST", "/v1/threads", {}, 40_300));
    expect(threads.map((thread) => thread.created_at)).toEqual([START, START, START]);
    expect(new Set(threads.map((thread) => thread.id)).size).toBe(3);
  });

  it("dates a polled run from its creation to the poll that finished it: its lifetime is the time spent polling", () => {
    const send = session();
    const assistant = send("POST", "/v1/assistants", { model: "gpt-4o-mini" }, 0);
    const thread = send("POST", "/v1/threads", { messages: [{ role: "user", content: "Thank you!" }] }, 80);
    const queued = send("POST", `/v1/threads/${thread.id}/runs`, { assistant_id: assistant.id }, 700) as Run;
    const runPath = `/v1/threads/${thread.id}/runs/${queued.id}`;
    const started = send("GET", runPath, undefined, 1_200) as Run;
    const completed = send("GET", runPath, undefined, 2_700) as Run;
    expect([queued.created_at, queued.expires_at]).toEqual([START, START + 600]);
    expect([started.status, started.started_at]).toEqual(["in_progress", START]);
    expect([completed.status, completed.started_at, completed.completed_at]).toEqual(["completed", START, START + 2]);
    const messages = send("GET", `/v1/threads/${thread.id}/messages`, undefined, 2_800) as unknown as { data: Stamped[] };
    expect(messages.data.map((message) => message.created_at)).toEqual([START + 2, START]);
    const steps = send("GET", `${runPath}/steps`, undefined, 2_900) as unknown as { data: (Stamped & { completed_at: number })[] };
    expect(steps.data.map((step) => [step.created_at, step.completed_at])).toEqual([[START + 2, START + 2]]);
  });

  it("starts runs created together together, however late each one is first polled", () => {
    const send = session();
    const assistant = send("POST", "/v1/assistants", { model: "gpt-4o-mini" }, 0);
    const runs = [0, 1, 2].map(() => {
      const thread = send("POST", "/v1/threads", { messages: [{ role: "user", content: "Thank you!" }] }, 100);
      return send("POST", `/v1/threads/${thread.id}/runs`, { assistant_id: assistant.id }, 150) as Run & { thread_id: string };
    });
    // Waited on one after the other, 500 ms per poll, as lesson 9 does.
    const finished = runs.map((run, i) => {
      const path = `/v1/threads/${run.thread_id}/runs/${run.id}`;
      send("GET", path, undefined, 700 + i * 1_000);
      return send("GET", path, undefined, 1_200 + i * 1_000) as Run;
    });
    expect(finished.map((run) => [run.status, run.created_at, run.started_at, run.completed_at])).toEqual([
      ["completed", START, START, START + 1],
      ["completed", START, START, START + 2],
      ["completed", START, START, START + 3],
    ]);
  });

  it("with runWorkMs, finishes runs created together together: a run first polled after its work is done shows when it finished", () => {
    const send = session(1_000);
    const assistant = send("POST", "/v1/assistants", { model: "gpt-4o-mini" }, 0);
    const runs = [0, 1, 2].map(() => {
      const thread = send("POST", "/v1/threads", { messages: [{ role: "user", content: "Thank you!" }] }, 100);
      return send("POST", `/v1/threads/${thread.id}/runs`, { assistant_id: assistant.id }, 150) as Run & { thread_id: string };
    });
    const path = (run: Run & { thread_id: string }) => `/v1/threads/${run.thread_id}/runs/${run.id}`;
    // Lesson 9's waits: run 1 polled at once and 500 ms later, the others only after it.
    const first = [send("GET", path(runs[0]!), undefined, 200), send("GET", path(runs[0]!), undefined, 700)] as Run[];
    const later = [send("GET", path(runs[1]!), undefined, 1_700), send("GET", path(runs[2]!), undefined, 2_700)] as Run[];
    const seen = (run: Run) => [run.status, run.started_at, run.completed_at];
    expect([...first, ...later].map(seen)).toEqual([
      ["in_progress", START, null],
      ["completed", START, START],
      ["completed", START, START + 1],
      ["completed", START, START + 1],
    ]);
    const messages = send("GET", `/v1/threads/${runs[2]!.thread_id}/messages`, undefined, 2_800) as unknown as { data: Stamped[] };
    expect(messages.data.map((message) => message.created_at)).toEqual([START + 1, START]);
  });

  it("never runs backwards when concurrent requests are stamped out of order", () => {
    const send = session();
    expect(send("POST", "/v1/threads", {}, 0).created_at).toBe(START);
    expect(send("POST", "/v1/threads", {}, 2_100).created_at).toBe(START + 2);
    expect(send("POST", "/v1/threads", {}, 1_900).created_at).toBe(START + 2);
  });

  it("stands still for requests without an arrival time", () => {
    const send = session();
    expect([1, 2, 3].map(() => send("POST", "/v1/threads", {}).created_at)).toEqual([START, START, START]);
  });
});

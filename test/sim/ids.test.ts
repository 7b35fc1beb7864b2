// Ids depend on the seed and on the request that made them, not on what else happened.
import { describe, expect, it } from "vitest";
import { createAssistantsSim } from "../../sim/assistants/simulator.ts";
import { canonicalJson, createIdSource } from "../../sim/core/ids.ts";
import { sender } from "./sdk-harness.ts";

const idOf = (response: { json?: unknown }) => (response.json as { id: string }).id;

describe("request-derived ids", () => {
  it("gives a request the same id whichever order concurrent requests arrived in", () => {
    const first = sender(createAssistantsSim());
    const alice = idOf(first("POST", "/v1/threads", { metadata: { user: "alice" } }));
    const bob = idOf(first("POST", "/v1/threads", { metadata: { user: "bob" } }));
    const second = sender(createAssistantsSim());
    expect(idOf(second("POST", "/v1/threads", { metadata: { user: "bob" } }))).toBe(bob);
    expect(idOf(second("POST", "/v1/threads", { metadata: { user: "alice" } }))).toBe(alice);
    expect(alice).toMatch(/^thread_[A-Za-z0-9]{24}$/);
  });

  it("keeps every other id when a request is added earlier in the session", () => {
    const plain = sender(createAssistantsSim());
    const assistant = idOf(plain("POST", "/v1/assistants", { model: "gpt-4o-mini" }));
    const extended = sender(createAssistantsSim());
    extended("POST", "/v1/threads", {});
    expect(idOf(extended("POST", "/v1/assistants", { model: "gpt-4o-mini" }))).toBe(assistant);
  });

  it("tells identical requests apart by how many came before, and changes with the seed", () => {
    const threeThreads = (seed?: string) => {
      const send = sender(createAssistantsSim(seed === undefined ? {} : { seed }));
      return [0, 1, 2].map(() => idOf(send("POST", "/v1/threads", {})));
    };
    const ids = threeThreads();
    expect(new Set(ids).size).toBe(3);
    expect(threeThreads()).toEqual(ids);
    expect(threeThreads("lessonbook/09-several-users")).not.toContain(ids[0]);
  });

  it("numbers the ids one request makes, and keeps them unique across requests", () => {
    const source = createIdSource("seed");
    source.begin({ method: "GET", path: "/v1/threads/thread_x/runs/run_x", body: undefined });
    const made = [source.next("step"), source.next("msg"), source.next("step")];
    expect(new Set(made).size).toBe(3);
    source.begin({ method: "get", path: "/v1/threads/thread_x/runs/run_x", body: undefined });
    expect(source.next("step")).not.toBe(made[0]);
  });

  it("reads a body the same way whatever its key order", () => {
    expect(canonicalJson({ b: [1, { d: null, c: "x" }], a: true, skip: undefined })).toBe('{"a":true,"b":[1,{"c":"x","d":null}]}');
    expect(canonicalJson(undefined)).toBe("");
  });
});

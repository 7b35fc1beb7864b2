// The generic simulator: families side by side, each with its own rules.
import { describe, expect, it } from "vitest";
import { assistantsFamily, assistantsContext, createAssistantsSim } from "../../sim/assistants/simulator.ts";
import type { AssistantsScenario } from "../../sim/assistants/store.ts";
import { createSessionClock } from "../../sim/core/clock.ts";
import { createIdSource } from "../../sim/core/ids.ts";
import { defineFamily } from "../../sim/core/family.ts";
import { ok, route } from "../../sim/core/route-table.ts";
import { createSimulator } from "../../sim/core/simulator.ts";
import { defaultScenario } from "../../sim/core/types.ts";
import { createFiles } from "../../sim/files/family.ts";

/** A stand-in for the coming Responses family: no beta header, no shutdown. */
const responsesLike = defineFamily({
  name: "responses",
  context: { model: "gpt-4o-mini" },
  routes: [route<{ model: string }>("POST", "/v1/responses", (context) => ok({ object: "response", model: context.model }))],
});

function twoFamilies() {
  const scenario: AssistantsScenario = { ...defaultScenario(), runOutcome: "completed" };
  const clock = createSessionClock(1754380800);
  const ids = createIdSource("lessonbook");
  const files = createFiles({ clock, ids });
  const families = [assistantsFamily(assistantsContext({}, { clock, ids, scenario, files: files.files })), files.family, responsesLike];
  return createSimulator({ families, scenario, clock, ids });
}

const request = (method: string, path: string, headers: Record<string, string> = {}) => ({
  method,
  path,
  query: new URLSearchParams(),
  headers,
  body: {},
});

describe("API families", () => {
  it("lists the routes of every family", () => {
    const routes = twoFamilies().routes;
    expect(routes).toContain("POST /v1/threads/{thread_id}/runs");
    expect(routes.at(-1)).toBe("POST /v1/responses");
    expect(routes.length).toBe(createAssistantsSim().routes.length + 1);
  });

  it("asks for OpenAI-Beta: assistants=v2 on Assistants routes only", () => {
    const simulator = twoFamilies();
    expect(simulator.handle(request("POST", "/v1/threads")).json).toMatchObject({ error: { code: "invalid_beta" } });
    expect(simulator.handle(request("POST", "/v1/threads", { "openai-beta": "assistants=v1" })).json).toMatchObject({
      error: { message: expect.stringMatching(/^The v1 Assistants API has been deprecated/) as unknown },
    });
    expect(simulator.handle(request("POST", "/v1/responses"))).toEqual({
      status: 200,
      headers: {},
      json: { object: "response", model: "gpt-4o-mini" },
    });
  });

  it("shuts down the Assistants paths only, so another family keeps answering", () => {
    const simulator = twoFamilies();
    simulator.scenario.shutdown = true;
    const shutDown = simulator.handle(request("GET", "/v1/assistants", { "openai-beta": "assistants=v2" }));
    expect(shutDown.status).toBe(404);
    const shutDownMessage = expect.stringMatching(/^The Assistants API has been shut down/) as unknown;
    expect(shutDown.json).toMatchObject({ error: { code: "not_found", message: shutDownMessage } });
    expect(simulator.handle(request("POST", "/v1/threads/thread_x/nothing")).status).toBe(404);
    expect(simulator.handle(request("POST", "/v1/responses")).status).toBe(200);
  });

  it("answers scenario failures shared by all families before any route", () => {
    const simulator = twoFamilies();
    simulator.scenario.rateLimit = true;
    expect(simulator.handle(request("POST", "/v1/responses"))).toMatchObject({ status: 429, headers: { "retry-after-ms": "1" } });
    simulator.scenario.rateLimit = false;
    simulator.scenario.rejectKey = true;
    expect(simulator.handle(request("POST", "/v1/responses", { authorization: "Bearer sk-abcdefghijklmnop" })).json).toMatchObject({
      error: { code: "invalid_api_key", message: expect.stringContaining("sk-abc*********mnop") as unknown },
    });
  });
});

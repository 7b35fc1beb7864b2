// Test plumbing: the Assistants simulator on loopback plus the official SDK pointed at it,
// or the simulator's pure core called directly.
import OpenAI from "openai";
import type { SimResponse, Simulator } from "../../sim/core/types.ts";
import { type CourseSim, type CourseSimOptions, startCourseSim } from "../support/sim.ts";

export type Harness = { server: CourseSim; client: OpenAI };

export type HarnessOptions = CourseSimOptions & { fetch?: typeof fetch; maxRetries?: number };

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { fetch, maxRetries, ...serverOptions } = options;
  const server = await startCourseSim(serverOptions);
  const client = new OpenAI({
    apiKey: "sk-test-fake",
    baseURL: server.baseUrl,
    ...(fetch ? { fetch } : {}),
    ...(maxRetries !== undefined ? { maxRetries } : {}),
  });
  return { server, client };
}

/** A server clock on which each request arrives one second after the one before. */
export function oneSecondPerRequest(): () => number {
  let ms = -1000;
  return () => (ms += 1000);
}

/** Calls the core the way the server adapter would; `at` is the arrival time in ms (none: time stands still). */
export function sender(simulator: Simulator) {
  return (method: string, path: string, body?: unknown, at?: number): SimResponse =>
    simulator.handle({ method, path, query: new URLSearchParams(), headers: { "openai-beta": "assistants=v2" }, body, at });
}

export type RawList = { object: string; data: { id: string }[]; first_id: string | null; last_id: string | null; has_more: boolean };

/** A list endpoint's raw body (the SDK's page object hides first_id/last_id). */
export function rawList(client: OpenAI, path: string, query: Record<string, string | number> = {}): Promise<RawList> {
  return client.get<RawList>(path, { query, headers: { "OpenAI-Beta": "assistants=v2" } });
}

export const SHORT_TUTOR = {
  name: "Math Tutor",
  instructions: "You are a personal math tutor. Answer questions briefly, in a sentence or less.",
  model: "gpt-4o-mini",
};

export const CODE_TUTOR = {
  name: "Math Tutor",
  instructions: "You are a personal math tutor. Write and run code to answer math questions.",
  tools: [{ type: "code_interpreter" as const }],
  model: "gpt-4o",
};

export const QUADRATIC = "I need to solve the equation `3x^2 + 11x - 10 = 0`. Can you help me?";
export const LINEAR_WITH_CODE = "I need to solve the equation `3x + 11 = 14`. Can you help me?";
export const JANE_DOE = "Please address the user as Jane Doe. The user has a premium account.";

/** The text of a message's first content part. */
export function firstText(message: { content: unknown[] }): string {
  const part = message.content[0] as { type?: string; text?: { value?: string } } | undefined;
  return part?.type === "text" ? (part.text?.value ?? "") : "";
}

export type CaughtApiError = { status: number | undefined; error: unknown; name: string };

/** Awaits a call that must fail with an API error and returns its status and error body. */
export async function apiErrorOf(call: Promise<unknown>): Promise<CaughtApiError> {
  try {
    await call;
  } catch (caught) {
    if (caught instanceof OpenAI.APIError) return { status: caught.status, error: caught.error, name: caught.constructor.name };
    throw caught;
  }
  throw new Error("expected the call to fail with an API error");
}

export function invalidRequest(message: string): Record<string, unknown> {
  return { message, type: "invalid_request_error", param: null, code: null };
}

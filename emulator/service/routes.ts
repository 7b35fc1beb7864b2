// The emulator's route table: every Assistants v2 route, files, vector stores and uploads passed
// through to the upstream, and a 404 in the API's words for anything else. Errors thrown by the
// services (SimError) become their responses here.
import { apiError, SimError } from "../../sim/core/errors.ts";
import { containerFileNotEmulated, missingBetaHeader, upstreamUnavailable, v1BetaHeader } from "../core/errors.ts";
import { type Emulator, UpstreamFailure } from "../core/ports.ts";
import type { EmuRequest, EmuResponse } from "../core/types.ts";
import * as assistants from "./assistants.ts";
import * as messages from "./messages.ts";
import { cancelRun, listSteps, retrieveStep, submitToolOutputs } from "./run-actions.ts";
import * as runs from "./runs.ts";
import * as threads from "./threads.ts";

type Param = (name: string) => string;
type Handler = (emu: Emulator, request: EmuRequest, param: Param) => Promise<EmuResponse> | EmuResponse;
type Route = { method: string; template: string; pattern: RegExp; names: string[]; handler: Handler };

function route(method: string, template: string, handler: Handler): Route {
  const names: string[] = [];
  const source = template.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { method, template, pattern: new RegExp(`^${source}/?$`), names, handler };
}

const T = "/v1/threads/{thread_id}";
const RUN = `${T}/runs/{run_id}`;

/** Literal segments first: /v1/threads/runs must not read as a thread called "runs". */
const ROUTES: readonly Route[] = [
  route("POST", "/v1/assistants", (emu, request) => ok(assistants.createAssistant(emu, request))),
  route("GET", "/v1/assistants", (emu, request) => ok(assistants.listAssistants(emu, request))),
  route("GET", "/v1/assistants/{assistant_id}", (emu, _request, p) => ok(assistants.getAssistant(emu, p("assistant_id")))),
  route("POST", "/v1/assistants/{assistant_id}", (emu, request, p) => ok(assistants.modifyAssistant(emu, p("assistant_id"), request))),
  route("DELETE", "/v1/assistants/{assistant_id}", (emu, _request, p) => ok(assistants.deleteAssistant(emu, p("assistant_id")))),
  route("POST", "/v1/threads/runs", (emu, request) => runs.createThreadAndRun(emu, request)),
  route("POST", "/v1/threads", (emu, request) => ok(threads.createThread(emu, request))),
  route("GET", T, (emu, _request, p) => ok(threads.retrieveThread(emu, p("thread_id")))),
  route("POST", T, (emu, request, p) => ok(threads.modifyThread(emu, p("thread_id"), request))),
  route("DELETE", T, (emu, _request, p) => ok(threads.deleteThread(emu, p("thread_id")))),
  route("POST", `${T}/messages`, (emu, request, p) => ok(messages.createMessage(emu, p("thread_id"), request))),
  route("GET", `${T}/messages`, (emu, request, p) => ok(messages.listMessages(emu, p("thread_id"), request))),
  route("GET", `${T}/messages/{message_id}`, (emu, _request, p) => ok(messages.retrieveMessage(emu, p("thread_id"), p("message_id")))),
  route("POST", `${T}/messages/{message_id}`, (emu, request, p) =>
    ok(messages.modifyMessage(emu, p("thread_id"), p("message_id"), request)),
  ),
  route("DELETE", `${T}/messages/{message_id}`, (emu, _request, p) => ok(messages.deleteMessage(emu, p("thread_id"), p("message_id")))),
  route("POST", `${T}/runs`, (emu, request, p) => runs.createRun(emu, p("thread_id"), request)),
  route("GET", `${T}/runs`, (emu, request, p) => ok(runs.listRuns(emu, p("thread_id"), request))),
  route("GET", RUN, (emu, _request, p) => runs.retrieveRun(emu, p("thread_id"), p("run_id"))),
  route("POST", RUN, (emu, request, p) => runs.modifyRun(emu, p("thread_id"), p("run_id"), request)),
  route("POST", `${RUN}/cancel`, (emu, _request, p) => cancelRun(emu, p("thread_id"), p("run_id"))),
  route("POST", `${RUN}/submit_tool_outputs`, (emu, request, p) => submitToolOutputs(emu, p("thread_id"), p("run_id"), request)),
  route("GET", `${RUN}/steps`, (emu, request, p) => ok(listSteps(emu, p("thread_id"), p("run_id"), request))),
  route("GET", `${RUN}/steps/{step_id}`, (emu, _request, p) => ok(retrieveStep(emu, p("thread_id"), p("run_id"), p("step_id")))),
];

/** "METHOD /v1/path/{param}" of every emulated Assistants route. */
export const EMULATED_ROUTES: readonly string[] = ROUTES.map((candidate) => `${candidate.method} ${candidate.template}`);

/** Paths sent on to the upstream as they are: files and vector stores work the same on both APIs. */
const PASSED_THROUGH = /^\/v1\/(files|vector_stores|uploads)(\/|$)/;
/** A container file's id where a file id goes (a run's file_path annotation can name one): not a Files API file. */
const CONTAINER_FILE = /^\/v1\/files\/cfile_[^/]*(\/content)?\/?$/;

function betaHeaderProblem(request: EmuRequest): EmuResponse | undefined {
  const beta = request.headers["openai-beta"] ?? "";
  if (beta.includes("assistants=v2")) return undefined;
  const { status, headers, json } = beta.includes("assistants=v1") ? v1BetaHeader() : missingBetaHeader();
  return { status, headers, json };
}

/** A 200 with the API object as JSON. */
async function ok(value: unknown): Promise<EmuResponse> {
  return { status: 200, headers: {}, json: await value };
}

async function run(emu: Emulator, request: EmuRequest, found: Route, match: RegExpExecArray): Promise<EmuResponse> {
  const values = new Map(found.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? "")]));
  try {
    return await found.handler(emu, request, (name) => values.get(name) ?? "");
  } catch (error) {
    if (!(error instanceof SimError)) throw error;
    const { status, headers, json } = error.response;
    return { status, headers, json };
  }
}

async function passThrough(emu: Emulator, request: EmuRequest): Promise<EmuResponse> {
  try {
    return await emu.upstream.pass(request);
  } catch (error) {
    if (!(error instanceof UpstreamFailure)) throw error;
    const { status, headers, json } = upstreamUnavailable(error.message);
    return { status, headers, json };
  }
}

export async function handle(emu: Emulator, request: EmuRequest): Promise<EmuResponse> {
  const method = request.method.toUpperCase();
  if (CONTAINER_FILE.test(request.path)) {
    const { status, headers, json } = containerFileNotEmulated();
    return { status, headers, json };
  }
  if (PASSED_THROUGH.test(request.path)) return passThrough(emu, request);
  for (const candidate of ROUTES) {
    const match = candidate.method === method ? candidate.pattern.exec(request.path) : null;
    if (match) return betaHeaderProblem(request) ?? run(emu, request, candidate, match);
  }
  const served = "it serves /v1/assistants and /v1/threads, and passes /v1/files, /v1/vector_stores and /v1/uploads upstream";
  const { status, headers, json } = apiError(
    404,
    `Invalid URL (${method} ${request.path}): this is an Assistants API emulator; ${served}.`,
  );
  return { status, headers, json };
}

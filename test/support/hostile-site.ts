// A lesson and its fixture in which every string a server could send (names, instructions,
// message text, stream deltas, headers, query values, error messages, event names,
// provenance) carries markup: <script>, <img onerror>, javascript: links, attribute breakers.
// Passing `t = (s) => s` gives the same lesson with ordinary text, for comparing structure.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Fixture } from "../../src/fixtures/format.ts";
import type { TempCourse } from "./cli.ts";

export const EVIL =
  `<script>window.__xss=1</script><img src=x onerror="window.__xss=2"><a href="javascript:window.__xss=3">x</a>` +
  `"' onmouseover="window.__xss=4" <svg onload=window.__xss=5> ]]> --> \u202e`;

export const hostileText = (text: string): string => `${text} ${EVIL}`;

export const hostileLesson = (t: (text: string) => string): string => `// %% [markdown] id="intro"
// # Lesson 94: Hostile ${t("server")}
// Narrative with ${t("raw HTML")} and [a link](javascript:window.__xss=6) and ![an image](https://example.com/x.png).

// %% Create an assistant id="create"
import OpenAI from "openai";
import { show_json } from "../src/helpers/index.ts";
const client = new OpenAI({ baseURL: "https://api.openai.com/v1" });
const assistant = await client.beta.assistants.create({ model: "gpt-4o-mini" });
show_json(assistant);
console.log(assistant.name);
console.error(assistant.instructions);

// %% Read the conversation id="chat"
show_json(await client.beta.threads.messages.list("thread_1"));

// %% Poll the run id="poll"
let run = await client.beta.threads.runs.retrieve("run_1", { thread_id: "thread_1" });
run = await client.beta.threads.runs.retrieve("run_1", { thread_id: "thread_1" });
console.log(run.status);

// %% Stream a run id="stream"
const stream = client.beta.threads.runs.stream("thread_1", { assistant_id: "asst_1" });
stream.on("textDelta", (delta) => process.stdout.write(delta.value ?? ""));
await stream.finalRun();
process.stdout.write("\\n");

// %% Fail id="fail"
await client.beta.threads.retrieve("thread_gone");

// %% Never runs id="never"
console.log("not reached");
`;

const json = { "content-type": "application/json" };

function message(t: (text: string) => string, id: string, role: string, text: string, created: number) {
  const content = [{ type: "text", text: { value: t(text), annotations: [] } }];
  return { id, object: "thread.message", created_at: created, thread_id: "thread_1", role, content, metadata: { [t("key")]: t("value") } };
}

function run(t: (text: string) => string, status: string) {
  return {
    id: "run_1",
    object: "thread.run",
    created_at: 1,
    thread_id: "thread_1",
    assistant_id: "asst_1",
    status,
    instructions: t("Be brief."),
  };
}

function streamEvents(t: (text: string) => string) {
  const delta = (at: number, value: string) => ({
    at,
    event: "thread.message.delta",
    data: { id: "msg_3", object: "thread.message.delta", delta: { content: [{ index: 0, type: "text", text: { value } }] } },
  });
  const created = { ...message(t, "msg_3", "assistant", "", 3), status: "in_progress", content: [] };
  return [
    { at: 0, event: "thread.run.created", data: run(t, "queued") },
    { at: 5, event: "thread.message.created", data: created },
    delta(10, t("Streamed")),
    delta(20, t(" answer")),
    { at: 30, event: "thread.message.completed", data: { ...message(t, "msg_3", "assistant", "Streamed answer", 3), status: "completed" } },
    { at: 40, event: "thread.run.completed", data: run(t, "completed") },
    { at: 41, event: "done", text: "[DONE]" },
  ];
}

function exchanges(t: (text: string) => string): Fixture["exchanges"] {
  const list = { object: "list", data: [message(t, "msg_2", "assistant", "Hi there", 2), message(t, "msg_1", "user", "Hello", 1)] };
  const assistant = { id: "asst_1", object: "assistant", name: t("Math Tutor"), instructions: t("Be brief."), model: "gpt-4o-mini" };
  const notFound = { error: { message: t("No thread found"), type: t("invalid_request_error"), param: null, code: null } };
  const sse = { "content-type": "text/event-stream" };
  return [
    {
      at: 0,
      cell: "create",
      request: { method: "POST", path: "/v1/assistants", body: { model: "gpt-4o-mini" } },
      response: { status: 200, headers: json, body: assistant },
    },
    {
      at: 10,
      cell: "chat",
      request: { method: "GET", path: "/v1/threads/thread_1/messages" },
      response: { status: 200, headers: json, body: list },
    },
    {
      at: 20,
      cell: "poll",
      request: { method: "GET", path: "/v1/threads/thread_1/runs/run_1" },
      response: { status: 200, headers: json, body: run(t, "in_progress") },
    },
    {
      at: 520,
      cell: "poll",
      request: { method: "GET", path: "/v1/threads/thread_1/runs/run_1" },
      response: { status: 200, headers: json, body: run(t, "completed") },
    },
    {
      at: 600,
      cell: "stream",
      request: { method: "POST", path: "/v1/threads/thread_1/runs", body: { assistant_id: "asst_1", stream: true } },
      response: { status: 200, headers: sse, events: streamEvents(t) },
    },
    {
      at: 700,
      cell: "fail",
      request: { method: "GET", path: "/v1/threads/thread_gone" },
      response: { status: 404, headers: json, body: notFound },
    },
    // Never requested: a recording of something else, with markup in every field the format has.
    {
      at: 800,
      cell: t("elsewhere"),
      request: { method: "POST", path: `/v1/${t("x")}`, query: { [t("q")]: t("v") }, headers: { [t("h")]: t("v") }, text: t("body") },
      response: {
        status: 500,
        headers: { "content-type": t("text/html") },
        events: [{ at: 1, event: t("thread.run.created"), text: t("data") }],
      },
    },
  ];
}

export function hostileFixture(id: string, t: (text: string) => string): Fixture {
  return {
    format: "lessonbook-fixture",
    version: 1,
    lesson: id,
    provenance: {
      source: "recorded",
      date: "2026-11-21",
      baseUrl: t("https://api.openai.com/v1"),
      models: [t("gpt-4o-mini")],
      sdk: t("openai-node"),
      note: t("A note."),
    },
    exchanges: exchanges(t),
  };
}

/** Writes lesson 94 (hostile) and 95 (the same with ordinary text) into `course`, and a hostile docs page. */
export function writeHostileCourse(course: TempCourse): void {
  const same = (text: string) => text;
  writeFileSync(join(course.lessons, "94-hostile.ts"), hostileLesson(hostileText));
  writeFileSync(join(course.fixtures, "94-hostile.json"), JSON.stringify(hostileFixture("94-hostile", hostileText), null, 2));
  writeFileSync(join(course.lessons, "95-ordinary.ts"), hostileLesson(same).replace("Lesson 94", "Lesson 95"));
  writeFileSync(join(course.fixtures, "95-ordinary.json"), JSON.stringify(hostileFixture("95-ordinary", same), null, 2));
}

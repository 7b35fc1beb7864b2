// Synthetic lessons and fixtures for `npm run bench`, generated in a temp folder so no large
// file is ever committed. Each lesson is a real percent-format lesson that calls the SDK as a
// user would; its fixture holds exactly the exchanges that lesson sends.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CourseDirs } from "../../src/course/catalog.ts";
import type { Exchange, Frame } from "../../src/fixtures/format.ts";
import { serializeFixture } from "../../src/fixtures/serialize.ts";
import { ROOT } from "../support/paths.ts";

const THREAD = "thread_bench";
const RUN = "run_bench";
const BETA = { "openai-beta": "assistants=v2" };
const JSON_TYPE = { "content-type": "application/json" };

const runObject = (status: string) => ({
  id: RUN,
  object: "thread.run",
  created_at: 1754380000,
  assistant_id: "asst_bench",
  thread_id: THREAD,
  status,
});
const message = (id: string, content: string) => ({
  id,
  object: "thread.message",
  created_at: 1754380000,
  thread_id: THREAD,
  role: "user",
  content: [{ type: "text", text: { value: content, annotations: [] } }],
  attachments: [],
  metadata: {},
});

const get = (path: string, body: unknown, at: number): Exchange => ({
  at,
  request: { method: "GET", path, headers: BETA },
  response: { status: 200, headers: JSON_TYPE, body: body as Exchange["response"]["body"] },
});

/** `count` polls of one run: in progress until the last, which is completed. */
function pollExchanges(count: number): Exchange[] {
  return Array.from({ length: count }, (_, i) =>
    get(`/v1/threads/${THREAD}/runs/${RUN}`, runObject(i === count - 1 ? "completed" : "in_progress"), i * 500),
  );
}

export const question = (i: number): string => `Question ${i}: what is ${i} squared?`;

function createExchanges(count: number): Exchange[] {
  return Array.from({ length: count }, (_, i) => ({
    at: i,
    request: {
      method: "POST",
      path: `/v1/threads/${THREAD}/messages`,
      headers: { ...JSON_TYPE, ...BETA },
      body: { role: "user", content: question(i) },
    },
    response: { status: 200, headers: JSON_TYPE, body: message(`msg_${i}`, question(i)) },
  }));
}

/** `count` identical list requests (one request key), also the matcher-build case. */
export function syntheticListExchanges(count: number): Exchange[] {
  const page = {
    object: "list",
    data: [message("msg_2", "two"), message("msg_1", "one")],
    first_id: "msg_2",
    last_id: "msg_1",
    has_more: false,
  };
  return Array.from({ length: count }, (_, i) => get(`/v1/threads/${THREAD}/messages`, page, i));
}

function streamExchange(deltas: number): Exchange[] {
  const delta = (i: number): Frame => ({
    at: i,
    event: "thread.message.delta",
    data: {
      id: "msg_s",
      object: "thread.message.delta",
      delta: { content: [{ index: 0, type: "text", text: { value: `${i} `, annotations: [] } }] },
    },
  });
  const events: Frame[] = [
    { at: 0, event: "thread.run.created", data: runObject("queued") },
    { at: 0, event: "thread.message.created", data: { ...message("msg_s", ""), role: "assistant", content: [] } },
    ...Array.from({ length: deltas }, (_, i) => delta(i)),
    { at: deltas, event: "thread.run.completed", data: runObject("completed") },
    { at: deltas, event: "done", text: "[DONE]" },
  ];
  const body = { assistant_id: "asst_bench", stream: true };
  return [
    {
      at: 0,
      request: { method: "POST", path: `/v1/threads/${THREAD}/runs`, headers: { ...JSON_TYPE, ...BETA }, body },
      response: { status: 200, headers: { "content-type": "text/event-stream" }, events },
    },
  ];
}

const HEADER =
  'import OpenAI from "openai";\nimport { sleep } from "../src/helpers/index.ts";\nconst client = new OpenAI();\nvoid sleep;\n';
const code = {
  pollLoop: `let run = await client.beta.threads.runs.retrieve("${RUN}", { thread_id: "${THREAD}" });
while (run.status !== "completed") {
  run = await client.beta.threads.runs.retrieve("${RUN}", { thread_id: "${THREAD}" });
  await sleep(500);
}
console.log(run.status);`,
  pollSdk: `const run = await client.beta.threads.runs.poll("${RUN}", { thread_id: "${THREAD}" }, { pollIntervalMs: 500 });
console.log(run.status);`,
  create: (n: number) => `for (let i = 0; i < ${n}; i++) {
  await client.beta.threads.messages.create("${THREAD}", { role: "user", content: \`Question \${i}: what is \${i} squared?\` });
}`,
  list: (n: number) => `for (let i = 0; i < ${n}; i++) await client.beta.threads.messages.list("${THREAD}");`,
  stream: `const run = await client.beta.threads.runs.stream("${THREAD}", { assistant_id: "asst_bench" }).finalRun();
console.log(run.status);`,
};

export interface SyntheticLesson {
  readonly id: string;
  readonly body: string;
  readonly exchanges: Exchange[];
}

/** The bench's lessons; `n` is the size of the large cases (10,000 in the table). */
export function syntheticLessons(n: number, polls: number): SyntheticLesson[] {
  return [
    { id: "01-poll-loop-few", body: code.pollLoop, exchanges: pollExchanges(3) },
    { id: "02-poll-loop-many", body: code.pollLoop, exchanges: pollExchanges(polls) },
    { id: "03-poll-sdk-few", body: code.pollSdk, exchanges: pollExchanges(3) },
    { id: "04-poll-sdk-many", body: code.pollSdk, exchanges: pollExchanges(polls) },
    { id: "05-create-messages", body: code.create(n), exchanges: createExchanges(n) },
    { id: "06-list-messages", body: code.list(n), exchanges: syntheticListExchanges(n) },
    { id: "07-stream-small", body: code.stream, exchanges: streamExchange(n / 10) },
    { id: "08-stream-large", body: code.stream, exchanges: streamExchange(n) },
  ];
}

export interface SyntheticCourse {
  readonly dirs: CourseDirs;
  readonly flags: readonly string[];
  /** Removes the whole folder. */
  remove(): void;
}

/** Writes the lessons and fixtures into a fresh temp course (src and node_modules link back to the repository). */
export function writeSyntheticCourse(lessons: readonly SyntheticLesson[]): SyntheticCourse {
  const root = mkdtempSync(join(tmpdir(), "lessonbook-bench-"));
  const dirs = { root, lessons: join(root, "lessons"), fixtures: join(root, "fixtures"), reports: join(root, "reports") };
  for (const dir of [dirs.lessons, dirs.fixtures, dirs.reports]) mkdirSync(dir);
  writeFileSync(join(root, "package.json"), '{ "type": "module" }\n');
  symlinkSync(join(ROOT, "src"), join(root, "src"));
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"));
  for (const lesson of lessons) {
    writeFileSync(
      join(dirs.lessons, `${lesson.id}.ts`),
      `// %% [markdown]\n// # Bench: ${lesson.id}\n\n// %% Run\n${HEADER}${lesson.body}\n`,
    );
    const provenance = {
      source: "reconstructed" as const,
      date: "2026-01-01",
      baseUrl: "https://api.openai.com/v1",
      models: [],
      sdk: "openai-node bench",
    };
    writeFileSync(
      join(dirs.fixtures, `${lesson.id}.json`),
      serializeFixture({ format: "lessonbook-fixture", version: 1, lesson: lesson.id, provenance, exchanges: lesson.exchanges }),
    );
  }
  return {
    dirs,
    flags: ["--lessons", dirs.lessons, "--fixtures", dirs.fixtures, "--reports", dirs.reports],
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

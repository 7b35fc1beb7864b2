// Lessons 13–17 (tools and files): their fixtures hold the operations the lessons teach; they
// record against the local simulator and replay from what was recorded, uploads matched by their
// parts and the chart written next to the report byte for byte; and a changed upload misses with
// a diff of the part that changed.
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Exchange, Fixture } from "../src/fixtures/format.ts";
import { type CliResult, cleanEnv, ROOT, runCli, tempCourse } from "./support/cli.ts";
import { type CourseSim, startCourseSim } from "./support/sim.ts";

const LESSONS = [
  "13-function-calling",
  "14-file-search",
  "15-code-interpreter-files",
  "16-streaming-chat-loop",
  "17-code-interpreter-runs",
];
const TYPED = "I need to solve the equation `3x + 11 = 14`. Can you help me?\nWhat is 2 to the power of 10?\n/q\n";
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const fixture = (id: string): Fixture => JSON.parse(readFileSync(join(ROOT, "fixtures", `${id}.json`), "utf8"));
const route = (e: Exchange) => `${e.request.method} ${e.request.path.replace(/(file-|[a-z]+_)[A-Za-z0-9]{24}/g, "$1…")}`;
const body = (e: Exchange) => (e.response.body ?? {}) as Record<string, unknown>;

describe("the tool lessons' fixtures", () => {
  it("lesson 13 stops for function calls (two in parallel) and submits outputs plainly, polled and as a stream", () => {
    const { exchanges } = fixture("13-function-calling");
    const waiting = exchanges.filter((e) => body(e)["status"] === "requires_action");
    const calls = waiting.map(
      (e) => (body(e)["required_action"] as { submit_tool_outputs: { tool_calls: unknown[] } }).submit_tool_outputs.tool_calls.length,
    );
    expect(calls).toEqual([1, 2]);
    const submits = exchanges.filter((e) => e.request.path.endsWith("/submit_tool_outputs"));
    expect(
      submits.map((e) => [(e.request.body as { stream?: boolean }).stream ?? false, e.response.events ? "events" : body(e)["status"]]),
    ).toEqual([
      [false, "queued"],
      [false, "queued"],
      [true, "events"],
    ]);
    const streamed = exchanges.flatMap((e) => e.response.events ?? []).map((frame) => frame.event);
    expect(streamed).toContain("thread.run.requires_action");
  });

  it("lesson 14 uploads the handout as a form, waits for the vector store file, cites it, and cleans up", () => {
    const { exchanges } = fixture("14-file-search");
    const handout = readFileSync(join(ROOT, "lessons/files/course-handout.md"));
    const upload = exchanges.find((e) => e.request.path === "/v1/files")!;
    expect(upload.request.form).toEqual([
      { name: "file", file: expect.objectContaining({ filename: "course-handout.md", size: handout.length, sha256: sha256(handout) }) },
      { name: "purpose", value: "assistants" },
    ]);
    expect(readFileSync(join(ROOT, "fixtures/files", sha256(handout)))).toEqual(handout);
    const polls = exchanges.filter((e) => route(e) === "GET /v1/vector_stores/vs_…/files/file-…").map((e) => body(e)["status"]);
    expect(polls).toEqual(["in_progress", "completed"]);
    type Message = { object: string; content: { text?: { annotations: { type: string }[] } }[] };
    const listed = exchanges.flatMap((e) => (body(e)["data"] as Message[] | undefined) ?? []).filter((m) => m.object === "thread.message");
    const annotations = listed.flatMap((m) => m.content.flatMap((c) => c.text?.annotations ?? []));
    expect(annotations.map((a) => a.type)).toEqual(["file_citation", "file_citation", "file_citation"]);
    expect(exchanges.filter((e) => e.request.method === "DELETE").map(route)).toEqual([
      "DELETE /v1/assistants/asst_…",
      "DELETE /v1/threads/thread_…",
      "DELETE /v1/vector_stores/vs_…",
      "DELETE /v1/files/file-…",
    ]);
  });

  it("lesson 15 uploads the CSV and downloads the chart, kept as a sidecar identical to the image beside the report", () => {
    const { exchanges } = fixture("15-code-interpreter-files");
    const csv = readFileSync(join(ROOT, "lessons/files/quiz-scores.csv"));
    expect(exchanges.find((e) => e.request.path === "/v1/files")?.request.form?.[0]?.file?.sha256).toBe(sha256(csv));
    const download = exchanges.find((e) => route(e) === "GET /v1/files/file-…/content")!;
    const image = readFileSync(join(ROOT, "reports/15-code-interpreter-files/quiz-averages.png"));
    expect(download.response.file).toEqual({
      sha256: sha256(image),
      size: image.length,
      contentType: "image/png",
      path: `files/${sha256(image)}`,
    });
    expect(readFileSync(join(ROOT, "fixtures", download.response.file!.path))).toEqual(image);
  });

  it("lesson 16 streams each answer of its recorded chat, and lesson 17 runs with instructions, polled by hand and by createAndPoll", () => {
    const chat = fixture("16-streaming-chat-loop");
    expect(chat.inputs).toEqual(TYPED.trimEnd().split("\n"));
    expect(chat.exchanges.filter((e) => e.response.events).map(route)).toEqual([
      "POST /v1/threads/thread_…/runs",
      "POST /v1/threads/thread_…/runs",
    ]);
    const runs = fixture("17-code-interpreter-runs").exchanges.filter((e) => route(e) === "POST /v1/threads/thread_…/runs");
    expect(runs.map((e) => (e.request.body as { instructions?: string }).instructions)).toEqual([
      "Please address the user as Jane Doe. The user has a premium account.",
      "Please address the user as Jane Doe. The user has a premium account.",
    ]);
  });
});

describe("the tool lessons recorded against the simulator, then replayed", () => {
  const course = tempCourse();
  const recordedReports = join(course.dir, "recorded-reports");
  let server: CourseSim;
  let recorded: CliResult;
  let replayed: CliResult;
  let changed: CliResult;
  const flags = (reports: string) => ["--lessons", course.lessons, "--fixtures", course.fixtures, "--reports", reports];

  beforeAll(async () => {
    for (const id of LESSONS) cpSync(join(ROOT, "lessons", `${id}.ts`), join(course.lessons, `${id}.ts`));
    cpSync(join(ROOT, "lessons/files"), join(course.lessons, "files"), { recursive: true });
    server = await startCourseSim();
    try {
      recorded = await runCli(
        ["--all", "--record", ...flags(recordedReports)],
        cleanEnv({ OPENAI_API_KEY: "sk-local", OPENAI_BASE_URL: server.baseUrl }),
        TYPED,
      );
    } finally {
      await server.close();
    }
    replayed = await runCli(["--all", ...flags(course.reports)]);
    appendFileSync(join(course.lessons, "files/course-handout.md"), "\nRoom changes are posted online.\n");
    changed = await runCli(["14", "--no-report", ...flags(course.reports)]);
  }, 240_000);

  it("records every lesson and replays every one from what was recorded", () => {
    expect([recorded.code, recorded.stderr]).toEqual([0, ""]);
    expect([replayed.code, replayed.stderr]).toEqual([0, ""]);
    expect(replayed.stdout.split("\n").filter((line) => line.startsWith("✓ Lesson")).length).toBe(LESSONS.length);
  });

  it("replays into the very reports and the very chart the recording wrote", () => {
    for (const id of LESSONS)
      expect(readFileSync(join(course.reports, `${id}.md`), "utf8")).toBe(readFileSync(join(recordedReports, `${id}.md`), "utf8"));
    const chart = (reports: string) => readFileSync(join(reports, "15-code-interpreter-files/quiz-averages.png"));
    expect(chart(course.reports)).toEqual(chart(recordedReports));
    expect([...chart(course.reports).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it("keeps each upload and download beside the fixtures, by sha256", () => {
    const files = readdirSync(join(course.fixtures, "files")).sort();
    const expected = [
      "lessons/files/course-handout.md",
      "lessons/files/quiz-scores.csv",
      "reports/15-code-interpreter-files/quiz-averages.png",
    ];
    expect(files).toEqual(expected.map((path) => sha256(readFileSync(join(ROOT, path)))).sort());
  });

  it("misses a changed upload and names the part that changed", () => {
    const before = readFileSync(join(ROOT, "lessons/files/course-handout.md"));
    const after = readFileSync(join(course.lessons, "files/course-handout.md"));
    expect(changed.code).toBe(1);
    const lines = changed.stdout.split("\n").map((line) => line.trim());
    expect(lines).toContain(
      "ReplayMissError: no recording matches POST /v1/files: no recorded request has this method, path, query and body",
    );
    expect(lines).toContain(
      `- file: file "course-handout.md" (application/octet-stream, ${before.length} bytes, sha256 ${sha256(before).slice(0, 12)}…)`,
    );
    expect(lines).toContain(
      `+ file: file "course-handout.md" (application/octet-stream, ${after.length} bytes, sha256 ${sha256(after).slice(0, 12)}…)`,
    );
  });
});

describe("--check and the chart beside lesson 15's report", () => {
  it("finds a chart that no longer matches what the fixture produces", async () => {
    const course = tempCourse(["15-code-interpreter-files"]);
    cpSync(join(ROOT, "lessons/files"), join(course.lessons, "files"), { recursive: true });
    cpSync(join(ROOT, "fixtures/files"), join(course.fixtures, "files"), { recursive: true });
    cpSync(join(ROOT, "reports/15-code-interpreter-files.md"), join(course.reports, "15-code-interpreter-files.md"));
    cpSync(join(ROOT, "reports/15-code-interpreter-files"), join(course.reports, "15-code-interpreter-files"), { recursive: true });
    const matching = await runCli(["15", "--check", ...course.flags]);
    expect([matching.code, matching.stdout]).toEqual([
      0,
      "✓ reports/15-code-interpreter-files.md matches fixtures/15-code-interpreter-files.json\n",
    ]);
    appendFileSync(join(course.reports, "15-code-interpreter-files/quiz-averages.png"), "tampered");
    const tampered = await runCli(["15", "--check", ...course.flags]);
    expect([tampered.code, tampered.stdout]).toEqual([
      1,
      "✗ reports/15-code-interpreter-files.md: its image reports/15-code-interpreter-files/quiz-averages.png differs from what the fixture produces. Fix: npm run lesson 15\n",
    ]);
  }, 60_000);
});

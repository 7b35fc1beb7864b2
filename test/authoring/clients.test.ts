// Live and record modes leave the environment as the learner set it (no OPENAI_BASE_URL nobody
// asked for), and intercept every client the same way: a custom baseURL, a custom fetch, and
// AzureOpenAI built from an endpoint. What they recorded replays offline.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, runCli, tempCourse, writeLesson, type CliResult } from "../support/cli.ts";
import { type RawServer, startRawServer } from "../support/raw-server.ts";

const KEY = "sk-canary-CLIENTS0123456789abcdefghijklmno";
const AZURE_KEY = "azure-canary-0123456789abcdef";
const MODELS = { object: "list", data: [{ id: "gpt-4o-mini", object: "model", created: 1721172741, owned_by: "system" }] };

const LESSON = [
  '// %% [markdown] id="intro"',
  "// # Lesson 81: Other clients",
  '// %% The environment id="environment"',
  'console.log(process.env["OPENAI_BASE_URL"] ?? "OPENAI_BASE_URL is not set");',
  '// %% A custom baseURL and fetch id="custom"',
  'import OpenAI, { AzureOpenAI } from "openai";',
  "// Recording passes the server in; replay needs none (nothing reaches the network).",
  'const server = process.env["LESSON_SERVER"] ?? "http://lesson-server.invalid";',
  "let sent = 0;",
  "const custom = new OpenAI({",
  '  baseURL: server + "/v1",',
  "  fetch: (url, init) => {",
  "    sent++;",
  "    return fetch(url, init);",
  "  },",
  "});",
  "const models = await custom.models.list();",
  'console.log(models.data[0]?.id, "through the custom fetch:", sent);',
  '// %% Azure, by endpoint id="azure"',
  'const azure = new AzureOpenAI({ endpoint: server, apiVersion: "2024-10-21" });',
  "const deployed = await azure.models.list();",
  'console.log(deployed.data[0]?.id, "from Azure");',
  "",
].join("\n");

describe("clients built other ways", () => {
  let server: RawServer;
  const course = tempCourse();
  const paths: string[] = [];
  let recorded: CliResult;
  beforeAll(async () => {
    server = await startRawServer((request, response) => {
      paths.push(request.url ?? "");
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(MODELS));
    });
    writeLesson(course, "81-clients", LESSON);
    const origin = server.baseUrl.replace(/\/v1$/, "");
    const env = cleanEnv({ OPENAI_API_KEY: KEY, AZURE_OPENAI_API_KEY: AZURE_KEY, LESSON_SERVER: origin });
    recorded = await runCli(["81", "--record", ...course.flags], env);
  });
  afterAll(() => server.close());

  it("record with no OPENAI_BASE_URL forced on them, and reach the server they were built for", () => {
    expect([recorded.code, recorded.stderr]).toEqual([0, ""]);
    expect(recorded.stdout).toContain("\nOPENAI_BASE_URL is not set\n");
    expect(recorded.stdout).toContain("\ngpt-4o-mini through the custom fetch: 1\n");
    expect(recorded.stdout).toContain("\ngpt-4o-mini from Azure\n");
    expect(paths).toEqual(["/v1/models", "/openai/models?api-version=2024-10-21"]);
  });

  it("are recorded like any other request, with no key", () => {
    const text = readFileSync(join(course.fixtures, "81-clients.json"), "utf8");
    const { exchanges } = JSON.parse(text) as { exchanges: { cell: string; request: { path: string; query?: object } }[] };
    expect(exchanges.map((e) => [e.cell, e.request.path, e.request.query])).toEqual([
      ["custom", "/v1/models", undefined],
      ["azure", "/openai/models", { "api-version": "2024-10-21" }],
    ]);
    expect(text).not.toContain(AZURE_KEY);
    expect(text).not.toContain(KEY);
    expect(text).not.toMatch(/api-key|authorization/i);
  });

  it("replay offline into the report the recording wrote", async () => {
    const recordedReport = readFileSync(join(course.reports, "81-clients.md"), "utf8");
    const replayed = await runCli(["81", ...course.flags]);
    expect([replayed.code, replayed.stderr]).toEqual([0, ""]);
    expect(paths).toHaveLength(2);
    expect(readFileSync(join(course.reports, "81-clients.md"), "utf8")).toBe(recordedReport);
  });
});

// `npm run emulator`, run as a child process the way a learner runs it: the one listening line,
// the key read from .env and never written anywhere, state that survives a restart, and
// one-line refusals of bad arguments.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SimServer } from "../../sim/core/server.ts";
import { ROOT } from "../support/paths.ts";
import { startResponsesCourseSim } from "../support/sim.ts";

const MAIN = join(ROOT, "emulator/cli/main.ts");
const CANARY_KEY = "sk-canary-EMULATOR0123456789abcdefghijklmnop";
const children: ChildProcess[] = [];
const cwd = mkdtempSync(join(tmpdir(), "lessonbook-emulator-cli-"));
/** No OPENAI_* variable from the test's own environment reaches the emulator. */
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("OPENAI_")));
let sim: SimServer;

beforeAll(async () => {
  sim = await startResponsesCourseSim();
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});
afterAll(async () => {
  await sim.close();
  rmSync(cwd, { recursive: true, force: true });
});

type Exit = { code: number | null; stdout: string; stderr: string };

function start(args: readonly string[]) {
  const child = spawn(process.execPath, [MAIN, ...args], { cwd, env });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<Exit>((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
  const baseURL = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      if (stdout.includes("\n")) resolve(stdout.slice("listening ".length, stdout.indexOf("\n")));
    });
    void exited.then((exit) => reject(new Error(`the emulator exited before it listened: ${JSON.stringify(exit)}`)));
  });
  return { child, baseURL, exited, firstLine: () => stdout.split("\n")[0] };
}

function refusal(args: readonly string[]): Promise<Exit> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MAIN, ...args], { cwd, env }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

describe("npm run emulator", () => {
  it("refuses a bad port, and a missing key, in one line with the fix", async () => {
    expect(await refusal(["--port", "http"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'emulator: Bad port "http": a port is a whole number from 0 to 65535 (0 picks a free one). Fix: npm run emulator -- --port 8787 --upstream https://api.openai.com/v1\n',
    });
    expect(await refusal(["--port", "0", "--upstream", sim.baseUrl])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "emulator: No upstream key: OPENAI_API_KEY is not set in the environment or .env. Fix: echo 'OPENAI_API_KEY=<your key>' > .env\n",
    });
  });

  it("takes the key from .env, keeps its state across a restart, and writes the key nowhere", async () => {
    writeFileSync(join(cwd, ".env"), `OPENAI_API_KEY=${CANARY_KEY}\n`);
    const args = ["--port", "0", "--upstream", sim.baseUrl, "--db", join(cwd, "state/emulator.sqlite"), "--poll-after-ms", "1"];
    const first = start(args);
    const client = new OpenAI({ apiKey: "sk-learner", baseURL: await first.baseURL, maxRetries: 0 });
    expect(first.firstLine()).toMatch(/^listening http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const assistant = await client.beta.assistants.create({ model: "gpt-4o-mini", name: "Math Tutor" });
    const thread = await client.beta.threads.create({ messages: [{ role: "user", content: "What is 2 to the power of 10?" }] });
    const run = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id });
    first.child.kill("SIGTERM");
    expect((await first.exited).code).toBe(0);

    const second = start(args);
    const again = new OpenAI({ apiKey: "sk-learner", baseURL: await second.baseURL, maxRetries: 0 });
    expect(await again.beta.assistants.retrieve(assistant.id)).toEqual(assistant);
    expect(await again.beta.threads.retrieve(thread.id)).toEqual(thread);
    expect(await again.beta.threads.runs.retrieve(run.id, { thread_id: thread.id })).toEqual(run);
    const messages = await again.beta.threads.messages.list(thread.id, { order: "asc" });
    expect(messages.data.map((m) => [m.role, m.run_id, m.content[0]?.type === "text" ? m.content[0].text.value : ""])).toEqual([
      ["user", null, "What is 2 to the power of 10?"],
      ["assistant", run.id, "2^10 = 1024."],
    ]);
    second.child.kill("SIGINT");
    const exit = await second.exited;

    const stored = readdirSync(join(cwd, "state")).map((name) => readFileSync(join(cwd, "state", name)).toString("latin1"));
    expect(stored.join("")).toContain(assistant.id);
    for (const text of [...stored, first.firstLine(), exit.stdout, exit.stderr]) expect(text).not.toContain(CANARY_KEY);
  });
});

// `npm run sim -- NAME --port N`, run as a child process the way a learner runs it.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { parseSimArgs } from "../../sim/cli/args.ts";
import { ROOT } from "../support/paths.ts";

const MAIN = join(ROOT, "sim/cli/main.ts");
const PORT_RULE = "a port is a whole number from 0 to 65535 (0 picks a free one)";
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

type Exit = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

function startSim(args: readonly string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<Exit>((resolve) => child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      if (stdout.includes("\n")) resolve(stdout.slice(0, stdout.indexOf("\n")));
    });
    void exited.then((exit) => reject(new Error(`the simulator exited before it listened: ${JSON.stringify(exit)}`)));
  });
  return { child, firstLine, exited };
}

/** The one-line error and exit code of a command that must refuse its arguments. */
async function refusal(args: readonly string[]): Promise<[number | null, string, string]> {
  const { code, stdout, stderr } = await new Promise<Exit>((resolve) => {
    execFile(process.execPath, ["--import", "tsx", MAIN, ...args], { cwd: ROOT }, (error, out, err) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, signal: null, stdout: out, stderr: err }),
    );
  });
  return [code, stdout, stderr];
}

describe("npm run sim", () => {
  it("prints one listening line on a free port, serves the SDK, and stops cleanly on Ctrl-C", async () => {
    const sim = startSim(["assistants", "--port", "0"]);
    const line = await sim.firstLine;
    expect(line).toMatch(/^listening http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const baseURL = line.slice("listening ".length);
    expect(Number(new URL(baseURL).port)).toBeGreaterThan(0);
    const client = new OpenAI({ apiKey: "sk-test-sim-command", baseURL, maxRetries: 0 });
    const assistant = await client.beta.assistants.create({ model: "gpt-4o-mini", name: "Math Tutor" });
    expect(assistant).toMatchObject({ object: "assistant", name: "Math Tutor", model: "gpt-4o-mini", created_at: 1754380800 });
    sim.child.kill("SIGINT");
    expect(await sim.exited).toEqual({ code: 0, signal: null, stdout: `${line}\n`, stderr: "" });
  });

  it("starts the Responses simulator the same way", async () => {
    const sim = startSim(["responses", "--port", "0"]);
    const line = await sim.firstLine;
    expect(line).toMatch(/^listening http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const client = new OpenAI({ apiKey: "sk-test-sim-command", baseURL: line.slice("listening ".length), maxRetries: 0 });
    const response = await client.responses.create({ model: "gpt-4o-mini", input: "What is 2 to the power of 10?" });
    expect(response).toMatchObject({ object: "response", status: "completed", created_at: 1788220800 });
    expect(response.output_text).toBe("2^10 = 1024.");
    sim.child.kill("SIGINT");
    expect(await sim.exited).toEqual({ code: 0, signal: null, stdout: `${line}\n`, stderr: "" });
  });

  it("refuses an unknown simulator, a bad port and a port in use with one line and exit 2", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const busyPort = (busy.address() as { port: number }).port;
    try {
      const argvs = [["chat"], ["assistants", "--port", "http"], ["assistants", "--port", String(busyPort)]];
      const results = await Promise.all(argvs.map(refusal));
      expect(results).toEqual([
        [2, "", 'sim: Unknown simulator "chat": choose one of assistants, responses. Fix: npm run sim -- assistants --port 8787\n'],
        [2, "", `sim: Bad port "http": ${PORT_RULE}. Fix: npm run sim -- assistants --port 0\n`],
        [2, "", `sim: Port ${busyPort} is in use: another program listens on 127.0.0.1 there. Fix: npm run sim -- assistants --port 0\n`],
      ]);
    } finally {
      busy.close();
    }
  });
});

describe("sim arguments", () => {
  const names = ["assistants"];

  it("reads the name, the port and the run options; no port means a free one", () => {
    expect(parseSimArgs(["assistants"], names)).toEqual({ help: false, name: "assistants", port: 0 });
    expect(parseSimArgs(["assistants", "--port=8787", "--poll-after-ms", "100", "--polls-until-done=3"], names)).toEqual({
      help: false,
      name: "assistants",
      port: 8787,
      pollAfterMs: 100,
      pollsUntilDone: 3,
    });
    expect(parseSimArgs(["--help"], names)).toEqual({ help: true });
  });

  it("names the bad argument, the reason and the fix", () => {
    const message = (argv: string[]) => {
      try {
        parseSimArgs(argv, names);
      } catch (error) {
        return (error as Error).message;
      }
      return "accepted";
    };
    expect(message([])).toBe("Missing simulator name: choose one of assistants. Fix: npm run sim -- assistants --port 8787");
    expect(message(["assistants", "--port"])).toBe(`Bad port "": ${PORT_RULE}. Fix: npm run sim -- assistants --port 0`);
    expect(message(["assistants", "--port", "65536"])).toMatch(/^Bad port "65536": /);
    expect(message(["assistants", "--poll-after-ms", "soon"])).toBe(
      'Bad value for --poll-after-ms: expected a whole number of 0 or more, got "soon". Fix: npm run sim -- assistants --poll-after-ms 100',
    );
    expect(message(["assistants", "--fast"])).toBe(
      'Unknown argument "--fast": the options are --port, --poll-after-ms and --polls-until-done. Fix: npm run sim -- --help',
    );
  });
});

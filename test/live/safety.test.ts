// Recording never damages a good fixture and never writes a secret.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitWrites } from "../../src/session/commit.ts";
import { findSecret } from "../../src/fixtures/redact.ts";
import { startCourseSim, type CourseSim } from "../support/sim.ts";
import { cleanEnv, ROOT, runCli, tempCourse } from "../support/cli.ts";

const KEY = "sk-canary-SAFETY0123456789abcdefghijklmnopqr";
let server: CourseSim;
beforeAll(async () => {
  server = await startCourseSim();
});
afterAll(() => server.close());

/** Starts recording lesson 5 and sends `signal` once the polling cell is running. */
function interruptRecording(
  flags: string[],
  signal: NodeJS.Signals,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, "src/cli/entry.ts"), "5", "--record", ...flags], {
    cwd: ROOT,
    env: cleanEnv({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.baseUrl }),
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes("── [7] Wait for the run") && !child.killed) child.kill(signal);
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code, sig) => resolve({ code, signal: sig, stderr })));
}

describe("an interrupted recording", () => {
  it.each(["SIGINT", "SIGKILL"] as const)("leaves the previous fixture and report byte-identical after %s", async (signal) => {
    const course = tempCourse(["05-wait-on-run"]);
    const fixture = join(course.fixtures, "05-wait-on-run.json");
    writeFileSync(join(course.reports, "05-wait-on-run.md"), "the previous report\n");
    const before = readFileSync(fixture);
    const result = await interruptRecording(course.flags, signal);
    if (signal === "SIGINT") {
      expect(result.code).toBe(130);
      expect(result.stderr).toBe("\nlessonbook: interrupted; no fixture or report was written.\n");
    } else {
      expect(result.signal).toBe("SIGKILL");
    }
    expect(readFileSync(fixture).equals(before)).toBe(true);
    expect(readFileSync(join(course.reports, "05-wait-on-run.md"), "utf8")).toBe("the previous report\n");
    expect(readdirSync(course.fixtures)).toEqual(["05-wait-on-run.json"]);
  });
});

describe("redaction and the secret verifier", () => {
  it("replaces the key wherever a lesson sends it, and the fixture keeps no key or auth header", async () => {
    const course = tempCourse();
    writeFileSync(
      join(course.lessons, "91-leaky.ts"),
      [
        "// %% [markdown]",
        "// # Lesson 91: A key in a body",
        "// %% Send it",
        'import OpenAI from "openai";',
        "const client = new OpenAI();",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the lesson's own template string, written as text
        'const a = await client.beta.assistants.create({ model: "gpt-4o-mini", name: "Leaky", metadata: { copied: `key ${process.env.OPENAI_API_KEY}` } });',
        "console.log(a.object);",
        "",
      ].join("\n"),
    );
    const result = await runCli(["91", "--record", ...course.flags], cleanEnv({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.baseUrl }));
    expect(result.code).toBe(0);
    const fixture = readFileSync(join(course.fixtures, "91-leaky.json"), "utf8");
    expect(fixture).not.toContain(KEY);
    expect(fixture).not.toMatch(/authorization|bearer|x-request-id|x-stainless/i);
    const [exchange] = JSON.parse(fixture).exchanges;
    expect(exchange.request.body.metadata).toEqual({ copied: "key [redacted]" });
    expect(exchange.response.body.metadata).toEqual({ copied: "key [redacted]" });
  });

  it("refuses to write a report that would print the key, and writes no fixture either", async () => {
    const course = tempCourse();
    writeFileSync(
      join(course.lessons, "92-prints-key.ts"),
      ["// %% [markdown]", "// # Lesson 92: Printing the key", "// %% Print it", "console.log(process.env.OPENAI_API_KEY);", ""].join("\n"),
    );
    const result = await runCli(["92", "--record", ...course.flags], cleanEnv({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.baseUrl }));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `lessonbook: Refusing to write reports/92-prints-key.md for lesson 92-prints-key: it contains the value of OPENAI_API_KEY. Fix: report this as a lessonbook bug; nothing was written\n`,
    );
    expect(existsSync(join(course.fixtures, "92-prints-key.json"))).toBe(false);
    expect(existsSync(join(course.reports, "92-prints-key.md"))).toBe(false);
  });

  it("refuses a whole batch of writes when any file holds a key, writing none of them", () => {
    const course = tempCourse();
    const writes = [
      { path: join(course.fixtures, "03-x.json"), data: '{"clean": true}' },
      { path: join(course.reports, "03-x.md"), data: "token sk-proj-abcdefghijklmnopqrstuvwxyz" },
    ];
    expect(() => commitWrites(writes, [], "03-x", course.dir)).toThrow(
      `Refusing to write reports/03-x.md for lesson 03-x: it contains text shaped like an OpenAI API key (sk-…)`,
    );
    expect([...readdirSync(course.fixtures), ...readdirSync(course.reports)]).toEqual([]);
  });

  it("finds the key's exact value and any sk- key shape, and passes clean text", () => {
    expect(findSecret(`x ${KEY} y`, [KEY])).toBe("it contains the value of OPENAI_API_KEY");
    expect(findSecret("a custom-key-1234567890 b", ["custom-key-1234567890"])).toBe("it contains the value of OPENAI_API_KEY");
    expect(findSecret("sk-svcacct-ABCDEFGHIJKLMNOPQRSTUVWX", [])).toBe("it contains text shaped like an OpenAI API key (sk-…)");
    expect(findSecret("Bearer sk-proj-ABCDEFGHIJKLMNOPQRSTUVWX", [])).toBe("it contains text shaped like an OpenAI API key (sk-…)");
    expect(findSecret('"api_key": "[redacted]", "id": "asst_abc123"', [KEY])).toBeUndefined();
    // A key starts a word: a cell id that happens to contain "sk-" is not one.
    expect(findSecret('id="ask-with-code-interpreter-and-files"', [])).toBeUndefined();
  });
});

// `npm run docs` as a user runs it: bad input is one line and exit code 2; `--serve` builds,
// prints the address, serves the site (and nothing outside it) until Ctrl-C.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CSP } from "../../src/site/layout.ts";
import { cleanEnv, ROOT } from "../support/cli.ts";

const ENTRY = join(ROOT, "src/site/entry.ts");
const temp = mkdtempSync(join(tmpdir(), "lessonbook-docs-cli-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function docs(args: readonly string[]): { child: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [ENTRY, ...args], { cwd: ROOT, env: cleanEnv() });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

/** A raw GET, so a path such as /%2e%2e/package.json reaches the server as written. */
const fetchRaw = (url: string, path: string) =>
  new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const request = get(`${url}${path.slice(1)}`, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
  });

describe("npm run docs", () => {
  it("refuses bad input with one line and exit code 2", async () => {
    const port = await docs(["--port", "nope"]).done;
    expect(port).toEqual({
      code: 2,
      stdout: "",
      stderr: 'lessonbook: Invalid --port "nope": expected a port number from 0 to 65535. Fix: npm run docs -- --serve --port 8080\n',
    });
    const lang = await docs(["--lang", "xx"]).done;
    expect(lang.stderr).toBe('lessonbook: Unknown site language "xx": the site is built in en, ko. Fix: run "npm run docs -- --lang en"\n');
    expect(lang.code).toBe(2);
    writeFileSync(join(temp, "keep.txt"), "not the site's\n");
    const taken = await docs(["--out", temp]).done;
    expect(taken.stderr).toBe(
      `lessonbook: Refusing to build the site into ${temp}: the folder exists and was not made by npm run docs. Fix: choose an empty folder with --out, or remove it\n`,
    );
    expect(taken.code).toBe(2);
    expect(readdirSync(temp)).toEqual(["keep.txt"]);
  });

  it("--serve builds the site, prints its address and serves it, and nothing outside it, until Ctrl-C", async () => {
    const out = join(temp, "site");
    const { child, done } = docs(["--out", out, "--serve", "--port", "0"]);
    let output = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString("utf8");
        const address = /^Serving .+ at (http:\/\/127\.0\.0\.1:\d+\/) \(Ctrl-C stops\)$/m.exec(output)?.[1];
        if (address) resolve(address);
      });
      child.on("close", () => reject(new Error(`npm run docs ended before serving: ${output}`)));
    });
    expect(output.split("\n")[0]).toMatch(
      /^Built the site: \d+ lessons, \d+ files, \d+ KB in .+site\/ \(\d+\.\d\d s; largest page lessons\/\d\d-[a-z-]+\.html, \d+ KB\)$/,
    );
    const index = await fetchRaw(url, "/");
    expect(index.status).toBe(200);
    expect(index.headers["content-security-policy"]).toBe(CSP);
    expect(index.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(index.body).toContain("<h1>The OpenAI Assistants API, step by step, and its move to the Responses API</h1>");
    expect((await fetchRaw(url, "/lessons/03-add-message.html")).status).toBe(200);
    expect((await fetchRaw(url, "/assets/site.js")).headers["content-type"]).toBe("text/javascript; charset=utf-8");
    for (const outside of ["/%2e%2e/package.json", "/..%2fpackage.json", "/lessons/../../package.json", "/nope.html"]) {
      expect((await fetchRaw(url, outside)).status, outside).toBe(404);
    }
    child.kill("SIGINT");
    expect((await done).code).toBe(0);
  }, 180_000);
});

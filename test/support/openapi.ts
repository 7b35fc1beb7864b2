// Checks HTTP traffic against the official OpenAI API schemas in ../shared/openapi (next to the
// repo root, absent in a learner's clone): builds HAR 1.2 logs from fixtures and runs the shared
// validate.mjs on them. Used by the fixture schema test and the simulator's schema test.
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Exchange, FileRef, Fixture, RecordedRequest, RecordedResponse } from "../../src/fixtures/format.ts";
import { frameText } from "../../src/fixtures/replay-handler.ts";

export const REPO_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
// LESSONBOOK_OPENAPI_DIR points elsewhere, e.g. from a git worktree that is not next to ../shared.
export const OPENAPI_DIR = resolve(process.env["LESSONBOOK_OPENAPI_DIR"] ?? resolve(REPO_ROOT, "../shared/openapi"));
export const SCHEMAS_AVAILABLE = existsSync(join(OPENAPI_DIR, "validate.mjs"));

/** Says loudly that a schema suite is skipped, so a missing folder never passes as "all green". */
export function warnIfSchemasMissing(suite: string): void {
  if (!SCHEMAS_AVAILABLE)
    console.warn(`[${suite}] NOTICE: official schema check skipped: ../shared/openapi not found (looked in ${OPENAPI_DIR}).`);
}

// ---------------------------------------------------------------- HAR 1.2 (the parts the validator reads)
export type HarHeader = { name: string; value: string };
export type HarParam = { name: string; value?: string; fileName?: string; contentType?: string };
export type HarEntry = {
  request: {
    method: string;
    url: string;
    headers: HarHeader[];
    queryString: { name: string; value: string }[];
    postData?: { mimeType: string; text: string; params?: HarParam[] };
  };
  response: { status: number; headers: HarHeader[]; content: { mimeType: string; text: string; encoding?: "base64" } };
};
export type HarLog = { log: { version: "1.2"; creator: { name: string; version: string }; entries: HarEntry[] } };

export function harLog(entries: HarEntry[], creator = "lessonbook"): HarLog {
  return { log: { version: "1.2", creator: { name: creator, version: "1" }, entries } };
}

// ---------------------------------------------------------------- fixtures -> HAR
const BASE_URL = "https://api.openai.com";
const headerList = (headers: Record<string, string> = {}): HarHeader[] => Object.entries(headers).map(([name, value]) => ({ name, value }));
const contentType = (headers: Record<string, string> = {}) =>
  Object.entries(headers).find(([name]) => name.toLowerCase() === "content-type")?.[1];
const readRef = (file: FileRef, fixtureDir: string) => readFileSync(join(fixtureDir, file.path));

function requestUrl(request: RecordedRequest): { url: string; queryString: { name: string; value: string }[] } {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query ?? {})) for (const v of [value].flat()) query.append(name, v);
  const search = query.toString();
  return {
    url: `${BASE_URL}${request.path}${search ? `?${search}` : ""}`,
    queryString: [...query].map(([name, value]) => ({ name, value })),
  };
}

function postData(request: RecordedRequest, fixtureDir: string): HarEntry["request"]["postData"] {
  const type = contentType(request.headers);
  if (request.body !== undefined) return { mimeType: type ?? "application/json", text: JSON.stringify(request.body) };
  if (request.text !== undefined) return { mimeType: type ?? "text/plain", text: request.text };
  if (request.form) {
    // The validator rebuilds the form object from params, so file fields need only their names.
    const params = request.form.map(({ name, value, file }) =>
      file
        ? { name, fileName: file.filename, ...(file.contentType ? { contentType: file.contentType } : {}) }
        : { name, value: value ?? "" },
    );
    return { mimeType: type ?? "multipart/form-data", text: "", params };
  }
  if (request.file)
    return {
      mimeType: type ?? request.file.contentType ?? "application/octet-stream",
      text: readRef(request.file, fixtureDir).toString("utf8"),
    };
  return undefined;
}

/** Mirrors replay (src/fixtures/replay-handler.ts): same default content types, same SSE text. */
function responseContent(response: RecordedResponse, fixtureDir: string): HarEntry["response"]["content"] {
  const type = contentType(response.headers);
  if (response.events) return { mimeType: type ?? "text/event-stream", text: response.events.map(frameText).join("") };
  if (response.file)
    return {
      mimeType: type ?? response.file.contentType ?? "application/octet-stream",
      text: readRef(response.file, fixtureDir).toString("base64"),
      encoding: "base64",
    };
  if (response.body !== undefined) return { mimeType: type ?? "application/json", text: JSON.stringify(response.body) };
  return { mimeType: type ?? (response.text === undefined ? "" : "text/plain"), text: response.text ?? "" };
}

/** `fixturePath` (the fixture's .json file) resolves bodies stored as files beside it. */
export function exchangeToHarEntry({ request, response }: Exchange, fixturePath: string): HarEntry {
  const fixtureDir = dirname(fixturePath);
  const data = postData(request, fixtureDir);
  return {
    request: { method: request.method, ...requestUrl(request), headers: headerList(request.headers), ...(data ? { postData: data } : {}) },
    response: { status: response.status, headers: headerList(response.headers), content: responseContent(response, fixtureDir) },
  };
}

export function fixtureToHar(fixture: Fixture, fixturePath: string): HarLog {
  return harLog(
    fixture.exchanges.map((exchange) => exchangeToHarEntry(exchange, fixturePath)),
    "lessonbook-fixtures",
  );
}

// ---------------------------------------------------------------- running validate.mjs
export type ValidatorRun = {
  exitCode: number;
  /** "N entries checked, M problems", as printed. */
  summary: string;
  checked: number;
  problemCount: number;
  /** One line per problem: "<name>.har#<entry> <METHOD> <path> [<operationId>] <where>: <message>". */
  problems: string[];
  /** Entries the validator could not map to an operation: they were not checked at all. */
  skipped: string[];
};

const SUMMARY = /^(\d+) entries checked, (\d+) problems$/;
const PASSED = / \[\w+\]: ok$/;
const SKIPPED = /: skipped \(/;
const SETTINGS = /^\(schemas: /;

function parseOutput(exitCode: number, stdout: string, stderr: string): ValidatorRun {
  const lines = stdout.split("\n").filter((line) => line !== "");
  const summary = lines.pop() ?? "";
  const counts = SUMMARY.exec(summary);
  // Exit 2 (usage) or a crash prints no summary: that must fail the test, never read as "0 problems".
  if (!counts || exitCode > 1) throw new Error(`validate.mjs exited with ${exitCode} and no result:\n${stdout}${stderr}`);
  return {
    exitCode,
    summary,
    checked: Number(counts[1]),
    problemCount: Number(counts[2]),
    problems: lines.filter((line) => !PASSED.test(line) && !SKIPPED.test(line) && !SETTINGS.test(line)),
    skipped: lines.filter((line) => SKIPPED.test(line)),
  };
}

function runNode(cwd: string, args: string[]): Promise<ValidatorRun> {
  return new Promise((done, fail) => {
    execFile(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const exitCode = error ? error.code : 0;
      if (typeof exitCode !== "number") return fail(error ?? new Error("validate.mjs did not exit")); // spawn failure, signal
      try {
        done(parseOutput(exitCode, stdout, stderr));
      } catch (parseError) {
        fail(parseError as Error);
      }
    });
  });
}

/**
 * Validates HAR logs by name in one validator process (it takes ~1 s to compile the schemas).
 * The shared folder is read-only and has no node_modules, so the validator runs from a scratch
 * copy that borrows this repo's ajv and ajv-formats. `flags` are validate.mjs options.
 */
export async function validateHars(hars: Record<string, HarLog>, flags: string[] = []): Promise<ValidatorRun> {
  if (!SCHEMAS_AVAILABLE) throw new Error(`validateHars: ${OPENAPI_DIR} does not exist`);
  const dir = mkdtempSync(join(tmpdir(), "lessonbook-openapi-"));
  try {
    for (const file of ["validate.mjs", "assistants-v2.schemas.json", "responses.schemas.json"])
      copyFileSync(join(OPENAPI_DIR, file), join(dir, file));
    symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const files = Object.entries(hars).map(([name, har]) => {
      writeFileSync(join(dir, `${name}.har`), JSON.stringify(har));
      return `${name}.har`;
    });
    // --verbose makes skipped entries visible; passed entries print "ok" and are filtered out.
    return await runNode(dir, ["validate.mjs", "--verbose", ...flags, ...files]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The problem lines of one HAR passed to validateHars (lines start with its file name). */
export function problemsOf(lines: readonly string[], name: string): string[] {
  return lines.filter((line) => line.startsWith(`${name}.har#`) || line.startsWith(`${name}.har:`));
}

/**
 * The Responses API's spec bug: `Response.usage` is typed as an object, but a response that has
 * not finished carries `usage: null`, as the spec's own official examples show (examples.json:
 * createResponse "Streaming", whose response.created event has "usage":null, and cancelResponse).
 */
export const UNFINISHED_USAGE_NULL = {
  problem: /(response|event\[\d+:response\.(created|queued|in_progress)\]): \/(response\/)?usage must be object \(got null\)$/,
  reason:
    "a response that has not finished carries usage: null, as the official examples of createResponse (Streaming: response.created) and cancelResponse do, while the spec types Response.usage as an object",
};

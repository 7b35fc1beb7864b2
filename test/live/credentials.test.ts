// Credentials never reach a message, banner, report or fixture: a password in
// OPENAI_BASE_URL is masked wherever the URL is shown, and a configured key is redacted
// however short it is.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commitWrites } from "../../src/session/commit.ts";
import type { Exchange, Provenance } from "../../src/fixtures/format.ts";
import { createRedactor, findSecret, maskUrlPassword, urlSecrets } from "../../src/fixtures/redact.ts";
import { connectionGuidance, statusGuidance } from "../../src/modes/guidance.ts";
import type { ModeSession } from "../../src/modes/mode.ts";
import { describeMode } from "../../src/modes/open.ts";
import type { NotebookRun } from "../../src/notebook/execute.ts";
import { renderReport } from "../../src/render/report.ts";
import { cleanEnv, runCli, tempCourse } from "../support/cli.ts";

const URL_WITH_PASSWORD = "http://user:s3cret-pw@127.0.0.1:9/v1";
const MASKED = "http://user:***@127.0.0.1:9/v1";

describe("a password in the base URL", () => {
  it("is masked, and so is a user name alone (it may be a token); other URLs are unchanged", () => {
    expect(maskUrlPassword(URL_WITH_PASSWORD)).toBe(MASKED);
    expect(maskUrlPassword("https://tok3n@proxy.example:8443/v1")).toBe("https://***@proxy.example:8443/v1");
    expect(maskUrlPassword("http://user:p@ss@host/v1?to=a@b")).toBe("http://user:***@host/v1?to=a@b");
    expect(maskUrlPassword("https://api.openai.com/v1")).toBe("https://api.openai.com/v1");
    expect(maskUrlPassword("http://host/v1/users/a@b")).toBe("http://host/v1/users/a@b");
    expect(urlSecrets("http://user:p@ss@host/v1")).toEqual(["p@ss"]);
    expect(urlSecrets("https://tok3n@host/v1")).toEqual(["tok3n"]);
    expect(urlSecrets("https://api.openai.com/v1")).toEqual([]);
  });

  it("is masked in the banner of live and record runs", () => {
    const session = (name: "live" | "record") => ({ name, env: {}, baseUrl: URL_WITH_PASSWORD }) as unknown as ModeSession;
    expect(describeMode(session("live"), "fixtures/01-create-assistant.json")).toBe(`live against ${MASKED}`);
    expect(describeMode(session("record"), "fixtures/01-create-assistant.json")).toBe(
      `record, live against ${MASKED} into fixtures/01-create-assistant.json`,
    );
  });

  it("is masked in live guidance", () => {
    const rejected: Exchange = {
      at: 0,
      request: { method: "POST", path: "/v1/assistants" },
      response: { status: 401, body: { error: { message: "Incorrect API key provided: [redacted]." } } },
    };
    expect(statusGuidance(rejected, URL_WITH_PASSWORD)?.message).toBe(
      `${MASKED} rejected the API key (401 on POST /v1/assistants: Incorrect API key provided: [redacted].)`,
    );
    const cause = new TypeError(`Request cannot be constructed from a URL that includes credentials: ${URL_WITH_PASSWORD}/assistants`);
    const refused = Object.assign(new Error("Connection error."), { cause });
    const guidance = connectionGuidance(URL_WITH_PASSWORD, refused);
    expect(guidance.message).toBe(`could not reach ${MASKED}: the URL holds a user name or password, which fetch refuses to send`);
    expect(guidance.details).toEqual(["Fix: remove them from OPENAI_BASE_URL (the API key goes in OPENAI_API_KEY)"]);
  });

  it("is masked in the report footer", () => {
    const run: NotebookRun = {
      notebook: { file: "lessons/01.ts", title: "Lesson 1", cells: [], layout: { newline: "\n", before: [] } },
      results: [],
      status: "ok",
    };
    const provenance: Provenance = {
      source: "recorded",
      date: "2026-11-21",
      baseUrl: "https://user:s3cret-pw@proxy.example/v1",
      models: [],
      sdk: "openai-node 7.57.0",
    };
    const mode = "replay, offline from fixtures/01.json";
    const report = renderReport({
      run,
      lessonFile: "lessons/01.ts",
      command: "npm run lesson 1",
      mode,
      fixtureFile: "fixtures/01.json",
      provenance,
    });
    expect(report).toContain(
      "- Provenance: recorded live on 2026-11-21 against https://user:\\*\\*\\*@proxy.example/v1; models: none; SDK: openai-node 7.57.0",
    );
    expect(report).not.toContain("s3cret-pw");
  });

  it("never reaches the terminal of a live run", async () => {
    const course = tempCourse(["01-create-assistant"]);
    const result = await runCli(
      ["1", "--live", ...course.flags],
      cleanEnv({ OPENAI_API_KEY: "abc12", OPENAI_BASE_URL: URL_WITH_PASSWORD }),
    );
    expect(result.code).toBe(1);
    const lines = result.stdout.split("\n");
    expect(lines[1]).toBe(`lessons/01-create-assistant.ts · live against ${MASKED}`);
    expect(lines).toContain(`LiveError: could not reach ${MASKED}: the URL holds a user name or password, which fetch refuses to send`);
    expect(`${result.stdout}${result.stderr}`).not.toContain("s3cret-pw");
    expect(readdirSync(course.reports)).toEqual([]);
  });
});

describe("a configured key shorter than 8 characters", () => {
  it("is still redacted wherever it appears", () => {
    const redact = createRedactor(["abc12"]);
    expect(redact.text("Incorrect API key provided: abc12.")).toBe("Incorrect API key provided: [redacted].");
    expect(redact.json({ error: { message: "key abc12", ["abc12"]: ["abc12"] } })).toEqual({
      error: { message: "key [redacted]", "[redacted]": ["[redacted]"] },
    });
  });

  it("is still found by the verifier, which then writes nothing", () => {
    expect(findSecret("echoed: abc12", ["abc12"])).toBe("it contains the value of OPENAI_API_KEY");
    const dir = mkdtempSync(join(tmpdir(), "lessonbook-short-key-"));
    try {
      const lesson = { number: 1, id: "01-x", file: "", fixturePath: join(dir, "f.json"), reportPath: join(dir, "r.md") };
      const writes = [
        { path: lesson.fixturePath, data: "{}" },
        { path: lesson.reportPath, data: "the key is abc12" },
      ];
      expect(() => commitWrites(writes, ["abc12"], lesson.id, dir)).toThrow(
        `Refusing to write r.md for lesson 01-x: it contains the value of OPENAI_API_KEY. Fix: report this as a lessonbook bug; nothing was written`,
      );
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// End to end: a fixture whose every server string carries markup, backticks, pipes and
// terminal escapes replays to a report that marked renders with no element lessonbook
// did not write, and to a terminal view with no control character a terminal acts on.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { marked } from "marked";
import { beforeAll, describe, expect, it } from "vitest";
import type { Fixture } from "../../src/fixtures/format.ts";
import { runCli, tempCourse, type CliResult } from "../support/cli.ts";
import { elementNames, REPORT_ELEMENTS } from "../support/html.ts";

const EVIL = "<script>alert(1)</script><img src=x onerror=alert(1)> ````` | *x* _y_ \u001b[2J\r\n\u009b31m";
const ACTIVE_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const lesson = (heading: string, title: string) => `// %% [markdown]
// # ${heading}
// Every string the server sent may carry markup.

// %% ${title}
import OpenAI from "openai";
import { input, show_json } from "../src/helpers/index.ts";
const client = new OpenAI({ baseURL: "https://api.openai.com/v1" });
const assistant = await client.beta.assistants.create({ model: "gpt-4o-mini" });
show_json(assistant);
console.log(assistant.name);
console.error(assistant.instructions);

// %% Stream events
const stream = await fetch("https://api.openai.com/v1/threads/runs", { method: "POST" });
console.log(await stream.text());

// %% Read a line
console.log(await input("Your question: "));

// %% Catch an error
try {
  await client.beta.threads.retrieve("thread_gone");
} catch (error) {
  console.log(String(error));
}
`;

/** The same recording with every server-sent string (and provenance field) passed through `t`. */
function fixture(id: string, t: (text: string) => string): Fixture {
  const json = { "content-type": "application/json" };
  return {
    format: "lessonbook-fixture",
    version: 1,
    lesson: id,
    provenance: {
      source: "recorded",
      date: "2026-11-21",
      baseUrl: t("https://api.openai.com/v1"),
      models: [t("gpt-4o-mini")],
      sdk: t("openai-node 7.57.0"),
      note: t("A note."),
    },
    inputs: [t("What is 2 + 2?")],
    exchanges: [
      {
        at: 0,
        request: { method: "POST", path: "/v1/assistants", body: { model: "gpt-4o-mini" } },
        response: {
          status: 200,
          headers: json,
          body: {
            id: t("asst_1"),
            object: "assistant",
            name: t("Math Tutor"),
            instructions: t("Be brief."),
            model: t("gpt-4o-mini"),
            metadata: { [t("key")]: t("value") },
          },
        },
      },
      {
        at: 10,
        request: { method: "POST", path: "/v1/threads/runs" },
        response: {
          status: 200,
          headers: { "content-type": "text/event-stream" },
          events: [
            { at: 0, event: t("thread.run.created"), data: { id: t("run_1") } },
            { at: 5, event: t("thread.message.delta"), data: { delta: t("Hi") } },
            { at: 9, event: t("done"), text: t("[DONE]") },
          ],
        },
      },
      {
        at: 20,
        request: { method: "GET", path: "/v1/threads/thread_gone" },
        response: {
          status: 404,
          headers: json,
          body: { error: { message: t("No thread found"), type: t("invalid_request_error"), param: null, code: null } },
        },
      },
    ],
  };
}

describe("replaying a hostile recording", () => {
  const course = tempCourse();
  let result: CliResult;
  const html = (id: string) => marked.parse(readFileSync(join(course.reports, `${id}.md`), "utf8"), { async: false }) as string;
  beforeAll(async () => {
    writeFileSync(
      join(course.lessons, "94-hostile.ts"),
      lesson("Lesson 94: Hostile <b>server</b>", "Create an assistant <b>bold</b> `tick` | *star*"),
    );
    writeFileSync(join(course.fixtures, "94-hostile.json"), JSON.stringify(fixture("94-hostile", (text) => `${text} ${EVIL}`)));
    writeFileSync(join(course.lessons, "95-ordinary.ts"), lesson("Lesson 95: Ordinary server", "Create an assistant"));
    writeFileSync(join(course.fixtures, "95-ordinary.json"), JSON.stringify(fixture("95-ordinary", (text) => text)));
    result = await runCli(["--all", ...course.flags]);
  });

  it("runs both lessons to the end", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("writes a report with no element lessonbook did not write, structured like the ordinary one", () => {
    const hostile = html("94-hostile");
    expect(elementNames(hostile).filter((name) => !REPORT_ELEMENTS.has(name))).toEqual([]);
    expect(hostile).not.toMatch(/<(script|img|b)\b/i);
    expect(elementNames(hostile)).toEqual(elementNames(html("95-ordinary")));
    expect(hostile).toContain(
      "<td><code>thread.run.created &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; ````` | *x* _y_ ␛[2J␍␊\uFFFD31m</code></td>",
    );
    expect(hostile).toContain(
      "<li>Note: A note. &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; ````` | *x* _y_ ␛[2J␍␊\uFFFD31m</li>",
    );
  });

  it("prints no control character a terminal would act on, and shows them as visible stand-ins", () => {
    expect(result.stdout).not.toMatch(ACTIVE_CONTROL);
    expect(result.stdout).toContain(
      "events: thread.run.created <script>alert(1)</script><img src=x onerror=alert(1)> ````` | *x* _y_ ␛[2J␍␊\uFFFD31m ×1",
    );
    expect(result.stdout).toContain("Math Tutor <script>alert(1)</script><img src=x onerror=alert(1)> ````` | *x* _y_ ␛[2J␍\n\uFFFD31m\n");
  });
});

// The site's pure pieces on the course's own fixtures: run timelines, the chat view, the
// stream replay's schedule, and the escaping every renderer relies on.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Exchange, Fixture, Json } from "../../src/fixtures/format.ts";
import { escapeHtml, safeHref } from "../../src/render/html-escape.ts";
import { conversations } from "../../src/site/chat.ts";
import { createHighlight, highlightAhead, plainBlock } from "../../src/site/highlight.ts";
import { siteHref } from "../../src/site/links.ts";
import { createMarkdown } from "../../src/site/markdown.ts";
import { ko, numberRanges } from "../../src/site/messages.ts";
import { framePieces, revealSchedule } from "../../src/site/replay.ts";
import { indexWords, queryWords } from "../../src/site/search.ts";
import { codeJobs } from "../../src/site/sources.ts";
import { runTimelines } from "../../src/site/timeline.ts";
import { trafficByCell } from "../../src/site/traffic.ts";
import { parseLesson } from "../../src/notebook/parse.ts";
import { ROOT } from "../support/paths.ts";

const fixture = (id: string) => JSON.parse(readFileSync(join(ROOT, "fixtures", `${id}.json`), "utf8")) as Fixture;
const cellTraffic = (id: string, cell: string): readonly Exchange[] => trafficByCell(fixture(id)).get(cell) ?? [];

describe("run timelines", () => {
  it("follow a run from the cell that created it to the cell that polled it, at the recorded offsets", () => {
    const [timeline, ...others] = runTimelines(fixture("05-wait-on-run").exchanges);
    expect(others).toEqual([]);
    expect(timeline).toEqual({
      id: "run_kFGMTx61LzNrx7vzJ5CzkEqi",
      kind: "run",
      start: 291,
      cell: "wait-for-run",
      how: "polled",
      steps: [
        { status: "queued", at: 0, seen: 1 },
        { status: "in_progress", at: 25, seen: 1 },
        { status: "completed", at: 540, seen: 1 },
      ],
    });
  });

  it("follow a streamed run through the statuses its events pushed", () => {
    const streamed = runTimelines(fixture("11-streaming").exchanges);
    expect(streamed.map((t) => [t.cell, t.how, t.steps.map((s) => s.status)])).toEqual([
      ["stream-run", "streamed", ["queued", "in_progress", "completed"]],
    ]);
  });
});

/** Exchanges of the Responses API, as part 2 of the course records them. */
const json = { "content-type": "application/json" };
const response = (id: string, status: string, output: Json[] = [], conversation?: string): Json => ({
  id,
  object: "response",
  created_at: 1788220800,
  status,
  ...(conversation ? { conversation: { id: conversation } } : {}),
  output,
});
const said = (id: string, role: string, text: string): Json => ({
  id,
  type: "message",
  role,
  content: [{ type: role === "user" ? "input_text" : "output_text", text }],
});
const exchange = (at: number, method: string, path: string, body: Json, extra: Partial<Exchange["request"]> = {}): Exchange => ({
  at,
  cell: "c",
  request: { method, path, ...extra },
  response: { status: 200, headers: json, body },
});

describe("response timelines", () => {
  it("follow a background response through its polls, and a streamed one through its events", () => {
    const polled = [
      exchange(95, "POST", "/v1/responses", response("resp_1", "queued")),
      exchange(729, "GET", "/v1/responses/resp_1", response("resp_1", "in_progress")),
      exchange(1272, "GET", "/v1/responses/resp_1", response("resp_1", "completed")),
    ];
    const events = ["in_progress", "completed"].map((status, i) => ({
      at: i * 10,
      event: `response.${status}`,
      data: { response: response("resp_2", status) },
    }));
    const streamed: Exchange = {
      at: 2000,
      cell: "s",
      request: { method: "POST", path: "/v1/responses" },
      response: { status: 200, events },
    };
    expect(runTimelines([...polled, streamed]).map((t) => [t.id, t.kind, t.how, t.steps.map((s) => `${s.status} +${s.at}`)])).toEqual([
      ["resp_1", "response", "polled", ["queued +0", "in_progress +634", "completed +1177"]],
      ["resp_2", "response", "streamed", ["in_progress +0", "completed +10"]],
    ]);
  });
});

describe("the chat view", () => {
  it("shows the chat loop as one conversation, oldest first, user and assistant in turn", () => {
    const [chat, ...others] = conversations(cellTraffic("12-chat-loop", "chat-until-quit"));
    expect(others).toEqual([]);
    expect(chat?.thread).toBe("thread_GmH5rNfS95nKoRq8gLsBe0iP");
    expect(chat?.messages.map((m) => `${m.role}: ${m.text}`)).toEqual([
      "user: What is 2 to the power of 10?",
      "assistant: 2^10 = 1024.",
      "user: And what is the square root of 1024?",
      "assistant: √1024 = 32, because 32 × 32 = 1024.",
    ]);
  });

  it("shows a Responses chat loop and a conversation's items as conversations", () => {
    const turn = (at: number, question: string, id: string, answer: string) =>
      exchange(at, "POST", "/v1/responses", response(`resp_${at}`, "completed", [said(id, "assistant", answer)], "conv_1"), {
        body: { model: "gpt-4o-mini", conversation: "conv_1", input: question },
      });
    const [loop] = conversations([
      turn(1, "What is 2 to the power of 10?", "msg_a", "1024."),
      turn(2, "And its square root?", "msg_b", "32."),
    ]);
    expect(loop?.thread).toBe("conv_1");
    expect(loop?.messages.map((m) => `${m.role}: ${m.text}`)).toEqual([
      "user: What is 2 to the power of 10?",
      "assistant: 1024.",
      "user: And its square root?",
      "assistant: 32.",
    ]);
    const items = { object: "list", data: [said("msg_2", "assistant", "Hi."), said("msg_1", "user", "Hello")] };
    const [listed] = conversations([exchange(3, "GET", "/v1/conversations/conv_1/items", items)]);
    expect(listed?.messages.map((m) => `${m.role}: ${m.text}`)).toEqual(["user: Hello", "assistant: Hi."]);
  });

  it("shows nothing for a cell whose traffic holds no assistant message", () => {
    expect(conversations(cellTraffic("03-add-message", "add-message"))).toEqual([]);
  });
});

describe("the stream replay schedule", () => {
  const report = readFileSync(join(ROOT, "reports/11-streaming.md"), "utf8");
  const printed = /\*\*\[4\] Stream the run\*\*\n\n`{3,}ts\n[\s\S]*?\n`{3,}\n\n(`{3,})text\n([\s\S]*?)\n\1\n/.exec(report)![2]!;

  it("reveals the report's text piece by piece at the recorded offsets and ends in all of it", () => {
    const shown = `${printed}\n`;
    const steps = revealSchedule(cellTraffic("11-streaming", "stream-run"), shown)!;
    expect(steps.at(-1)).toEqual({ at: steps.at(-1)!.at, end: shown.length });
    expect(steps.length).toBeGreaterThan(60);
    for (const [i, step] of steps.entries()) {
      if (i === 0) continue;
      expect(step.end).toBeGreaterThanOrEqual(steps[i - 1]!.end);
      expect(step.at).toBeGreaterThanOrEqual(steps[i - 1]!.at);
    }
    // The first delta of the answer arrives when the fixture says (ms after the stream's request), and with it the prompt printed before it.
    const [stream] = cellTraffic("11-streaming", "stream-run").filter((e) => e.response.events?.length);
    const firstDelta = stream!.response.events!.find((frame) => frame.event === "thread.message.delta")!;
    expect(shown.slice(0, steps.find((s) => s.end > 0)!.end)).toBe("\nassistant > Sure,");
    expect(steps.find((s) => s.end > 0)!.at).toBe(firstDelta.at);
  });

  it("takes text from message deltas, tool-call code and logs, and Responses-style string deltas", () => {
    const code = { delta: { step_details: { tool_calls: [{ code_interpreter: { input: "x = 1", outputs: [{ logs: "[1]" }] } }] } } };
    expect(framePieces({ at: 0, data: code })).toEqual(["x = 1", "[1]"]);
    expect(framePieces({ at: 0, data: { delta: { content: [{ text: { value: "Hi" } }] } } })).toEqual(["Hi"]);
    expect(framePieces({ at: 0, event: "response.output_text.delta", data: { delta: "Hi" } })).toEqual(["Hi"]);
    expect(framePieces({ at: 0, data: { delta: { content: "not a list" } } })).toEqual([]);
  });

  it("is undefined for a cell that streamed nothing", () => {
    expect(revealSchedule(cellTraffic("05-wait-on-run", "wait-for-run"), "completed\n")).toBeUndefined();
  });
});

describe("links between the course's files", () => {
  const names = { docs: new Set(["glossary", "fixture-format"]), lessons: new Set(["03-add-message", "11-streaming"]) };

  it("point from a docs page to the site's pages", () => {
    const hrefs = [
      "glossary.md#run",
      "./fixture-format.md",
      "../lessons/03-add-message.ts",
      "../reports/11-streaming.md#stream-run",
      "../fixtures/03-add-message.json",
    ];
    expect(hrefs.map((href) => siteHref(href, "docs", names))).toEqual([
      "glossary.html#run",
      "fixture-format.html",
      "../lessons/03-add-message.html",
      "../lessons/11-streaming.html#stream-run",
      "../downloads/03-add-message.json",
    ]);
  });

  it("point from a lesson's narrative to the site's pages, and leave everything else alone", () => {
    const hrefs = [
      "../docs/glossary.md",
      "11-streaming.ts#stream-run",
      "../reports/03-add-message.md",
      "missing.md",
      "../docs/missing.md",
      "https://x.test/a.md",
      "#cell",
    ];
    expect(hrefs.map((href) => siteHref(href, "lessons", names))).toEqual([
      "../docs/glossary.html",
      "11-streaming.html#stream-run",
      "03-add-message.html",
      "missing.md",
      "../docs/missing.md",
      "https://x.test/a.md",
      "#cell",
    ]);
  });
});

describe("the index's provenance lines", () => {
  it("name lessons as ranges", () => {
    expect([[1], [1, 2], [1, 2, 3, 5, 7, 8, 9], [12, 1, 2, 3]].map(numberRanges)).toEqual(["1", "1, 2", "1–3, 5, 7–9", "1–3, 12"]);
    expect(ko.lessonRange([1, 2, 3, 5, 21, 22])).toBe("1–3강, 5강, 21강, 22강");
  });
});

describe("search words", () => {
  it("break at spaces, punctuation and where Hangul meets another script", () => {
    expect(queryWords("Jane Doe라고 불러 주세요. gpt-4o의 API를")).toEqual([
      "Jane",
      "Doe",
      "라고",
      "불러",
      "주세요",
      "gpt",
      "4o",
      "의",
      "API",
      "를",
    ]);
  });

  it("index a Hangul word of three syllables or more from each later syllable too, so a prefix search finds its parts", () => {
    expect(indexWords("수학선생님 도와주실 수 있나요? Jane")).toEqual([
      ...["수학선생님", "학선생님", "선생님", "생님"],
      ...["도와주실", "와주실", "주실"],
      ...["수", "있나요", "나요", "Jane"],
    ]);
  });
});

describe("highlighting ahead in a worker", () => {
  it("gives the same HTML as highlighting here, and still works when the worker fails", async () => {
    const here = await createHighlight();
    const code = 'const answer = await client.beta.threads.create({ metadata: { a: "<b>" } });';
    expect(here(code, "ts")).toContain('<span class="t-keyword">const</span>');
    const dirs = { root: ROOT, lessons: join(ROOT, "lessons"), fixtures: join(ROOT, "fixtures"), reports: join(ROOT, "reports") };
    const cell = parseLesson("x.ts", readFileSync(join(ROOT, "lessons/03-add-message.ts"), "utf8")).cells.find((c) => c.kind === "code")!;
    expect((await highlightAhead({ dirs, docsDirs: [] }))(cell.source, "ts")).toBe(here(cell.source, "ts"));
    // With Korean, the Korean lessons' own code is highlighted ahead too (once where it is the same).
    const store = JSON.parse(readFileSync(join(ROOT, "lessons/ko/03-add-message.json"), "utf8")) as {
      entries: Record<string, { code?: string[] }>;
    };
    const koreanCode = store.entries["add-message"]!.code!.join("\n");
    expect(koreanCode).toContain("다음의 방정식을 풀고 싶습니다");
    const both = codeJobs(dirs, [], ["en", "ko"]);
    expect(codeJobs(dirs, [])).not.toContainEqual([koreanCode, "ts"]);
    expect(both).toContainEqual([koreanCode, "ts"]);
    expect(both).toContainEqual([cell.source, "ts"]);
    expect(new Set(both.map(([code, lang]) => `${lang} ${code}`)).size).toBe(both.length);
    // A course folder that does not exist fails the worker's reading; this thread does the work.
    const broken = await highlightAhead({ dirs: { ...dirs, lessons: join(ROOT, "no-such-folder") }, docsDirs: [] });
    expect(broken(code, "ts")).toBe(here(code, "ts"));
  });
});

describe("escaping", () => {
  it("escapes markup and both quote kinds", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
  });

  it("keeps relative, fragment, http(s) and mailto links and drops every other scheme", () => {
    expect(["glossary.html#run", "#cell", "https://platform.openai.com/docs", "mailto:a@b.c"].map(safeHref)).toEqual([
      "glossary.html#run",
      "#cell",
      "https://platform.openai.com/docs",
      "mailto:a@b.c",
    ]);
    expect(
      ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,x", "vbscript:x"].map(safeHref),
    ).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it("renders narrative Markdown with raw HTML as text, unsafe links unlinked and outside images as links", () => {
    const markdown = createMarkdown({ highlight: (code) => plainBlock(code) });
    const html = markdown(
      'Hi <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[run](javascript:alert(1)) [docs](https://x.test/a "t") ![pic](https://x.test/p.png) ![local](img/p.png)\n\n<div onclick="alert(1)">block</div>\n\n```ts\nconst a = "<b>";\n```\n',
    );
    expect(html).toBe(
      '<p>Hi &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>\n<p>run <a href="https://x.test/a" title="t">docs</a> <a href="https://x.test/p.png">pic</a> <img src="img/p.png" alt="local"></p>\n<p>&lt;div onclick=&quot;alert(1)&quot;&gt;block&lt;/div&gt;</p>\n<pre class="hl"><code>const a = &quot;&lt;b&gt;&quot;;</code></pre>\n',
    );
  });
});

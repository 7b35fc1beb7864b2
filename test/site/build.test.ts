// The docs site built in process from the repository's own course, in English and in
// Korean (one build): a page for every lesson the catalog lists and every docs/*.md, the
// CSP and no outside request on every page, what each lesson page shows under its cells,
// the search index, the notebooks (valid nbformat 4.5, checked against the official
// schema), and the Korean site: the Korean lessons, traffic and search, and the switch.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { Ajv } from "ajv";
import MiniSearch, { type AsPlainObject } from "minisearch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultDirs, lessonIn, listLessons } from "../../src/course/catalog.ts";
import { readManifest } from "../../src/course/manifest.ts";
import type { Fixture } from "../../src/fixtures/format.ts";
import { lessonTitleIn, translateManifest } from "../../src/i18n/localize.ts";
import { shownPath } from "../../src/modes/open.ts";
import { parseLesson } from "../../src/notebook/parse.ts";
import { escapeHtml } from "../../src/render/html-escape.ts";
import { type BuildStats, buildSite } from "../../src/site/build.ts";
import { siteLanguages } from "../../src/site/lang.ts";
import { CSP } from "../../src/site/layout.ts";
import { ROOT } from "../support/paths.ts";

const dirs = defaultDirs(ROOT);
const lessons = listLessons(dirs);
const out = mkdtempSync(join(tmpdir(), "lessonbook-site-"));
const read = (path: string) => readFileSync(join(out, path), "utf8");
const pages = (dir = "") => [
  join(dir, "index.html"),
  ...readdirSync(join(out, dir, "lessons"))
    .filter((f) => f.endsWith(".html"))
    .map((f) => join(dir, "lessons", f)),
  ...readdirSync(join(out, dir, "docs")).map((f) => join(dir, "docs", f)),
];
let stats: BuildStats;

beforeAll(async () => {
  stats = await buildSite({ dirs, out, languages: siteLanguages(dirs) });
}, 240_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("the site of the course", () => {
  it("has a page for every lesson the catalog lists, in its order, and for every docs/*.md", () => {
    expect(stats.lessons).toBe(lessons.length * 2);
    expect(stats.failed).toEqual([]);
    expect(stats.fallbacks).toEqual([]);
    const linked = [...read("index.html").matchAll(/<a href="(lessons\/[^"]+)\.html">/g)].map((m) => m[1]);
    expect(linked).toEqual(lessons.map((l) => `lessons/${l.id}`));
    for (const lesson of lessons) {
      for (const file of [`lessons/${lesson.id}.html`, `downloads/${lesson.id}.ts`, `downloads/${lesson.id}.ipynb`])
        expect(read(file)).not.toBe("");
      expect(read(`downloads/${lesson.id}.json`)).toBe(readFileSync(lesson.fixturePath, "utf8"));
    }
    const docs = readdirSync(join(ROOT, "docs")).filter((name) => name.endsWith(".md"));
    expect(docs).toContain("fixture-format.md");
    expect(readdirSync(join(out, "docs")).sort()).toEqual(docs.map((name) => name.replace(/\.md$/, ".html")).sort());
  });

  it("puts the provenance banner on the index: the shutdown, and how and when the outputs were made", () => {
    const index = read("index.html");
    expect(index).toContain(
      "<p>The Assistants API was shut down on 2026-08-26: its endpoints no longer answer on api.openai.com.</p>\n<p>Every output on this site is replayed offline from its lesson&#39;s recorded fixture, so it needs no key and no network.</p>",
    );
    expect(index).toMatch(
      /<p>Lessons 1–\d+(, [\d–, ]+)?: reconstructed on \d{4}-\d{2}-\d{2} with a local simulator, not recorded live\.<\/p>/,
    );
  });

  it("gives every page the CSP and no inline script, and loads nothing from outside the site", () => {
    for (const page of [...pages(), ...pages("ko")]) {
      const html = read(page);
      expect(html, page).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP.replace(/'/g, "&#39;")}">`);
      for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        expect(body, page).toBe("");
        expect(attributes, page).toMatch(/^ defer src="(\.\.\/)*assets\/site\.js"$/);
      }
      // Anything a page loads (not a link someone follows) is a relative path.
      const loads = [...html.matchAll(/<(?:img|script|link|iframe|source|video|audio)\b[^>]*?\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
      expect(
        loads.filter((url) => /^([a-z]+:|\/\/)/i.test(url)),
        page,
      ).toEqual([]);
    }
  });

  it("shows under each code cell its traffic, and where they apply a run timeline, a conversation and a stream replay", () => {
    const add = read("lessons/03-add-message.html");
    expect(add).toContain('<section class="cell code" id="add-message">');
    expect(add).toMatch(
      /<details class="traffic"><summary>HTTP traffic: 1 request<\/summary>\n<ol class="exchanges">\n<li><details class="exchange"><summary><span class="method">POST<\/span> <code class="path">\/v1\/threads\/thread_\w+\/messages<\/code> <span class="status s2xx">200<\/span> <time>\+\d+ ms<\/time><\/summary>/,
    );
    expect(read("lessons/05-wait-on-run.html")).toContain(
      '<figcaption>Run run_kFGMTx61LzNrx7vzJ5CzkEqi (polled) <time>from +291 ms into the lesson</time></figcaption><ol><li><span class="run-status st-queued">queued</span> <time>+0 ms</time></li><li><span class="run-status st-in_progress">in_progress</span> <time>+25 ms</time></li><li><span class="run-status st-completed">completed</span> <time>+540 ms</time></li></ol>',
    );
    expect(read("lessons/12-chat-loop.html")).toContain(
      '<li class="bubble user"><span class="role">user</span><p>What is 2 to the power of 10?</p></li><li class="bubble assistant"><span class="role">assistant</span><p>2^10 = 1024.</p></li>',
    );
    // A conversation sits beside the raw JSON it was read from (below it on a narrow screen).
    expect(read("lessons/06-list-messages.html")).toMatch(
      /<div class="beside">\n<div class="outputs">\n<details class="output json fold">[\s\S]*?<\/div>\n<div class="conversations" role="group" aria-label="Conversation">/,
    );
    // Lesson 15's chart: shown on its page, copied beside it byte for byte from the run.
    expect(read("lessons/15-code-interpreter-files.html")).toContain(
      '<figure class="output image"><img src="15-code-interpreter-files/quiz-averages.png" alt="quiz-averages.png" loading="lazy"></figure>',
    );
    expect(readFileSync(join(out, "lessons/15-code-interpreter-files/quiz-averages.png"))).toEqual(
      readFileSync(join(ROOT, "reports/15-code-interpreter-files/quiz-averages.png")),
    );
    expect(read("lessons/11-streaming.html")).toMatch(/<div class="replay" hidden data-schedule="0:0,\d+:\d+,[\d:,]+">/);
  });

  it("marks lesson cells with their ids and gives each lesson previous and next links", () => {
    const page = read("lessons/04-create-run.html");
    const ids = parseLesson("x.ts", readFileSync(join(ROOT, "lessons/04-create-run.ts"), "utf8")).cells.map((c) => c.id);
    for (const id of ids) expect(page).toContain(` id="${id}"`);
    expect(page).toContain(
      '<a href="03-add-message.html" rel="prev" class="prev"><span class="label">Previous</span> Lesson 3: Add a message to the thread</a>',
    );
    expect(page).toContain(
      '<a href="05-wait-on-run.html" rel="next" class="next"><span class="label">Next</span> Lesson 5: Wait for the run to finish</a>',
    );
  });
});

describe("the search index", () => {
  const search = (dir = "") => {
    type Context = { globalThis?: Context; lessonbookSearch?: { options: object; wordBreak: string; index: AsPlainObject } };
    const context: Context = {};
    context.globalThis = context;
    runInNewContext(read(join(dir, "search-index.js")), context);
    // As the page's script loads it (site.js): queries break into words where the index's text did.
    const { options, wordBreak, index } = context.lessonbookSearch!;
    const words = new RegExp(wordBreak, "u");
    const tokenize = (text: string) => text.split(words).filter(Boolean);
    return MiniSearch.loadJS<{ page: string }>(index, { ...options, tokenize } as never);
  };

  it("finds every lesson whose runs used the Jane Doe instruction", () => {
    const usedIt = lessons.filter((l) => {
      const fixture = JSON.parse(readFileSync(l.fixturePath, "utf8")) as Fixture;
      return fixture.exchanges.some((e) => JSON.stringify(e.request.body ?? "").includes("Jane Doe"));
    });
    expect(usedIt.map((l) => l.id)).toEqual(expect.arrayContaining(["04-create-run", "08-run-lifecycle", "11-streaming"]));
    const found = new Set(
      search()
        .search("Jane Doe", { combineWith: "AND" })
        .map((hit) => hit["page"] as string),
    );
    for (const lesson of usedIt) expect(found).toContain(read(`lessons/${lesson.id}.html`).match(/<h1>([^<]+)<\/h1>/)![1]);
    // The Korean lessons give the same instruction: the Korean index finds them by their Korean titles.
    const foundKo = new Set(
      search("ko")
        .search("Jane Doe", { combineWith: "AND" })
        .map((hit) => hit["page"] as string),
    );
    for (const lesson of usedIt) expect(foundKo).toContain(lessonTitleIn(lesson, dirs, "ko"));
  });

  it("in Korean, finds a Hangul word inside a longer one, and what a request sent", () => {
    // "선생님" is in lesson 3's Korean question only as part of "수학선생님", in its code and its request.
    const options = { prefix: true, combineWith: "AND" } as const;
    const urls = search("ko")
      .search("선생님", options)
      .map((hit) => hit["url"] as string);
    expect(urls).toContain("lessons/03-add-message.html#add-message");
    expect(search().search("선생님", options)).toEqual([]);
    // A query breaks into words as the index's text did ("Doe라고" → "Doe", "라고"), or this finds nothing.
    expect(search("ko").search("Doe라고", options).length).toBeGreaterThan(0);
  });
});

describe("the notebooks", () => {
  const schema = JSON.parse(readFileSync(join(ROOT, "test/site/vendor/nbformat.v4.5.schema.json"), "utf8")) as object;
  const validate = new Ajv({ strict: false, validateSchema: false, allErrors: true }).compile(schema);

  it("are valid nbformat 4.5 for every lesson", () => {
    for (const lesson of lessons) {
      const notebook = JSON.parse(read(`downloads/${lesson.id}.ipynb`)) as { cells: object[] };
      expect(validate(notebook) ? [] : validate.errors, lesson.id).toEqual([]);
      // The schema does check: a cell id that Jupyter would refuse fails it.
      expect(validate({ ...notebook, cells: [{ ...notebook.cells[0], id: "no spaces allowed" }] }), lesson.id).toBe(false);
    }
  });

  it("keep the lesson's cell ids and store outputs as Jupyter does", () => {
    const notebook = JSON.parse(read("downloads/11-streaming.ipynb")) as {
      nbformat: number;
      nbformat_minor: number;
      cells: { id: string; cell_type: string; outputs?: { output_type: string; data?: Record<string, unknown>; name?: string }[] }[];
    };
    expect([notebook.nbformat, notebook.nbformat_minor]).toEqual([4, 5]);
    const ids = parseLesson("x.ts", readFileSync(join(ROOT, "lessons/11-streaming.ts"), "utf8")).cells.map((c) => c.id);
    expect(notebook.cells.map((c) => c.id)).toEqual(ids);
    const create = notebook.cells.find((c) => c.id === "create-assistant-with-code-interpreter")!;
    expect(create.outputs?.map((o) => [o.output_type, Object.keys(o.data ?? {})])).toEqual([
      ["display_data", ["text/plain", "application/json"]],
    ]);
    expect(create.outputs?.[0]?.data?.["application/json"]).toMatchObject({ name: "Math Tutor" });
    const stream = notebook.cells.find((c) => c.id === "stream-run")!;
    expect(stream.outputs?.map((o) => [o.output_type, o.name])).toEqual([
      ["stream", "stdout"],
      ["display_data", undefined],
    ]);
  });
});

describe("the Korean site", () => {
  const korean = lessons.map((l) => lessonIn(l, "ko", dirs));
  const question = (() => {
    const fixture = JSON.parse(readFileSync(join(ROOT, "fixtures/ko/03-add-message.json"), "utf8")) as Fixture;
    const body = fixture.exchanges.find((e) => e.cell === "add-message")!.request.body as { content: string };
    return body.content;
  })();

  it("has every lesson as the Korean course runs it: lang, title, command, mode line and fixture", () => {
    expect(question).toBe("다음의 방정식을 풀고 싶습니다. `3x**2 + 11x - 10 = 0`. 수학선생님 도와주실 수 있나요?");
    for (const lesson of korean) {
      const page = read(`ko/lessons/${lesson.id}.html`);
      const title = lessonTitleIn(lesson, dirs, "ko");
      expect(title, lesson.id).toMatch(new RegExp(`^${lesson.number}강: \\p{Script=Hangul}`, "u"));
      expect(page, lesson.id).toContain('<html lang="ko" data-root="../" data-assets="../../assets/">');
      expect(page, lesson.id).toContain(`<h1>${escapeHtml(title)}</h1>`);
      expect(page, lesson.id).toContain(`<code>npm run lesson ${lesson.number} -- --lang ko</code>`);
      expect(page, lesson.id).toContain(`<li>모드: 재생, 오프라인 (${shownPath(dirs, lesson.fixturePath)})</li>`);
      expect(read(`ko/downloads/${lesson.id}.json`), lesson.id).toBe(readFileSync(lesson.fixturePath, "utf8"));
    }
    expect(shownPath(dirs, korean[2]!.fixturePath)).toBe("fixtures/ko/03-add-message.json");
  });

  it("shows the Korean question in lesson 3's code, output and traffic (Hangul went through the API)", () => {
    const page = read("ko/lessons/03-add-message.html");
    const cell = page.slice(page.indexOf('<section class="cell code" id="add-message">'));
    const traffic = cell.slice(cell.indexOf('<details class="traffic">'), cell.indexOf("</section>"));
    expect(traffic).toContain("<summary>HTTP 트래픽: 요청 1개</summary>");
    expect(traffic).toContain(
      `<span class="t-keyword">&quot;content&quot;</span><span class="t-punctuation">:</span> <span class="t-string-expression">&quot;${escapeHtml(question)}&quot;</span>`,
    );
    expect(cell).toContain(`<div class="output stdout"><pre><code>${escapeHtml(question)}`);
    expect(page).toContain("<h2>질문 추가하기</h2>");
  });

  it("has the index in Korean: the manifest's translation, the banner and what a learner needs", () => {
    const index = read("ko/index.html");
    const manifest = translateManifest(readManifest(dirs.lessons, dirs.root)!, dirs, "ko");
    expect(index).toContain(`<h1>${escapeHtml(manifest.title)}</h1>`);
    for (const part of manifest.parts) {
      expect(index).toContain(`<h2>${escapeHtml(part.title)}</h2>\n<p>${escapeHtml(part.description)}</p>`);
      for (const l of part.lessons) expect(index).toContain(`<span class="description">${escapeHtml(l.description)}</span>`);
    }
    expect(index).toContain("<h2>파트 1: Assistants API (v2)</h2>");
    expect(index).toContain(
      '<li><a href="lessons/03-add-message.html"><span class="num">3강</span><span class="title">스레드에 메시지 추가하기</span></a>',
    );
    expect(index).toContain("<p>Assistants API는 2026-08-26에 종료되어, 이제 api.openai.com에서 응답하지 않습니다.</p>");
    expect(index).toMatch(/<p>1–17강, 21–31강: \d{4}-\d{2}-\d{2}에 로컬 시뮬레이터로 재구성했습니다 \(실제 녹화가 아닙니다\)\.<\/p>/);
    expect(index).toContain("<h2>준비물</h2>");
    expect(index).toContain("<code>npm run lesson 3 -- --lang ko</code>는 3강을 녹화된 HTTP 픽스처로 오프라인에서 재생합니다.");
  });

  it("has every docs page: docs/ko's, and in English (marked so) those not translated yet", () => {
    const docs = readdirSync(join(ROOT, "docs")).filter((name) => name.endsWith(".md"));
    const translated = readdirSync(join(ROOT, "docs/ko")).filter((name) => name.endsWith(".md"));
    expect(translated).toContain("glossary.md");
    expect(readdirSync(join(out, "ko/docs")).sort()).toEqual(docs.map((name) => name.replace(/\.md$/, ".html")).sort());
    for (const name of docs) {
      const lang = translated.includes(name) ? "" : ' lang="en"';
      expect(read(`ko/docs/${name.replace(/\.md$/, ".html")}`)).toContain(`<article class="doc" data-doc="${name.slice(0, -3)}"${lang}>`);
    }
  });

  it("links every page to the same page in the other language, both ways", () => {
    for (const page of pages()) {
      const up = "../".repeat(page.split("/").length - 1);
      const [en, ko] = [`${up}${page}`, `${up}ko/${page}`];
      const sw = (current: "en" | "ko") =>
        `<nav class="languages" aria-label="${current === "en" ? "Language" : "언어"}"><a href="${current === "en" ? en : `../${en}`}" hreflang="en" lang="en"${current === "en" ? ' aria-current="true"' : ""}>English</a> <a href="${current === "en" ? ko : `../${ko}`}" hreflang="ko" lang="ko"${current === "ko" ? ' aria-current="true"' : ""}>한국어</a></nav>`;
      expect(read(page), page).toContain(sw("en"));
      expect(read(`ko/${page}`), page).toContain(sw("ko"));
    }
  });
});

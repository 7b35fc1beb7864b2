// A fixture with markup in every string field builds a page with exactly the elements of
// the same lesson with ordinary text: nothing it holds becomes an element, an attribute or
// a link. (test/site/browser.test.ts loads the same page in Chromium and checks that none
// of it runs.) Also: a second language builds below the first, with a switch between them.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.ts";
import { buildSite } from "../../src/site/build.ts";
import { english, type SiteLanguage, siteLanguages } from "../../src/site/lang.ts";
import { ko } from "../../src/site/messages.ts";
import { tempCourse } from "../support/cli.ts";
import { writeHostileCourse } from "../support/hostile-site.ts";
import { elementNames } from "../support/html.ts";

const course = tempCourse();
const out = join(course.dir, "site");
// The Korean course plugs in like this (lang.ts); its lessons here are the English ones.
const korean: SiteLanguage = { ...english, lang: "ko", dir: "ko", words: ko };
const read = (path: string) => readFileSync(join(out, path), "utf8");
/** A page without its previous/next links (lesson 94 has a next, lesson 95 a previous). */
const withoutPager = (html: string) => html.replace(/<nav class="pager"[\s\S]*?<\/nav>/, "");

let failed: readonly number[] = [];
beforeAll(async () => {
  writeHostileCourse(course);
  failed = (await buildSite({ dirs: course.dirs, out, languages: [english, korean] })).failed;
}, 180_000);

describe("the page of a hostile fixture", () => {
  it("has exactly the elements of the same lesson with ordinary text", () => {
    // Both lessons end in a cell that fails on purpose (a 404), and the build says so.
    expect(failed).toEqual([94, 95]);
    const hostile = read("lessons/94-hostile.html");
    expect(elementNames(withoutPager(hostile))).toEqual(elementNames(withoutPager(read("lessons/95-ordinary.html"))));
    expect(elementNames(hostile).filter((name) => ["img", "svg", "iframe", "object", "embed"].includes(name))).toEqual([]);
    expect(hostile.match(/<script\b[^>]*>/g)).toEqual(['<script defer src="../assets/site.js">']);
    // No tag carries an event handler or a script link (escaped text never opens a tag).
    const tags = hostile.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.filter((tag) => /\son[a-z]+=|javascript:/i.test(tag))).toEqual([]);
  });

  it("shows the hostile text as text, everywhere it came from", () => {
    const hostile = read("lessons/94-hostile.html");
    const shown = "&lt;script&gt;window.__xss=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;";
    const places = [
      `<title>Lesson 94: Hostile server ${shown}`,
      `<h1>Lesson 94: Hostile server ${shown}`,
      `<div class="output stdout"><pre><code>Math Tutor ${shown}`,
      `<li class="bubble assistant"><span class="role">assistant</span><p>Hi there ${shown}`,
      `<summary><span class="method">POST</span> <code class="path">/v1/x ${shown}`,
      `<dt>h ${shown}`,
      `<li>Note: A note. ${shown}`,
      `<p>Narrative with raw HTML ${shown}`,
      "<p>Narrative with raw HTML",
    ];
    for (const place of places) expect(hostile).toContain(place);
    // The javascript: link keeps its text and loses its link; the outside image becomes a link.
    expect(hostile).toContain('and a link and <a href="https://example.com/x.png">an image</a>.</p>');
  });
});

describe("a second language", () => {
  it("builds below the first, with links between the same page in both", () => {
    expect(read("ko/index.html")).toContain('<link rel="stylesheet" href="../assets/site.css">');
    expect(read("ko/lessons/94-hostile.html")).toContain('<script defer src="../../assets/site.js"></script>');
    expect(read("lessons/94-hostile.html")).toContain(
      '<nav class="languages" aria-label="Language"><a href="../lessons/94-hostile.html" hreflang="en" lang="en" aria-current="true">English</a> <a href="../ko/lessons/94-hostile.html" hreflang="ko" lang="ko">한국어</a></nav>',
    );
    expect(read("ko/lessons/94-hostile.html")).toContain(
      '<a href="../../lessons/94-hostile.html" hreflang="en" lang="en">English</a> <a href="../../ko/lessons/94-hostile.html" hreflang="ko" lang="ko" aria-current="true">한국어</a>',
    );
    expect(existsSync(join(out, "ko/search-index.js"))).toBe(true);
    expect(read("ko/index.html")).toContain('<html lang="ko" data-root="./" data-assets="../assets/">');
    expect(read("ko/lessons/94-hostile.html")).toContain('<nav id="lb-outline" class="outline" aria-label="과정 목차">');
  });

  it("is refused by name when the course has no data for it", () => {
    expect(siteLanguages(course.dirs).map((l) => l.lang)).toEqual(["en"]);
    expect(() => siteLanguages(course.dirs, "xx")).toThrow(
      new UserError('Unknown site language "xx"', "the site is built in en, ko", 'run "npm run docs -- --lang en"'),
    );
  });
});

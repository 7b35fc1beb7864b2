// The Korean site of a small course whose lesson 3 has no usable translation: lesson 2 is
// shown in Korean, lesson 3 in English, saying so on its page and in the build's figures,
// as `npm run lesson 3 -- --lang ko` would run it. (The whole course in both languages is
// built by build.test.ts.)
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.ts";
import { catalogs } from "../../src/render/messages.ts";
import { type BuildStats, buildSite } from "../../src/site/build.ts";
import { english, korean, siteLanguages } from "../../src/site/lang.ts";
import { tempCourse } from "../support/cli.ts";

const course = tempCourse(["02-create-thread", "03-add-message"], { translated: true });
const out = join(course.dir, "site");
const read = (path: string) => readFileSync(join(out, path), "utf8");
let stats: BuildStats;

beforeAll(async () => {
  rmSync(join(course.lessons, "ko", "03-add-message.json"));
  stats = await buildSite({ dirs: course.dirs, out, languages: [korean], linked: [english, korean] });
}, 180_000);

describe("a Korean site with a lesson not translated", () => {
  it("is built when the course has lessons/ko, and refused by name when it has not", () => {
    expect(siteLanguages(course.dirs).map((l) => l.lang)).toEqual(["en", "ko"]);
    const english = tempCourse(["02-create-thread"]);
    expect(() => siteLanguages(english.dirs, "ko")).toThrow(
      new UserError('No course data for "ko"', "the course has no ko lessons yet", 'run "npm run docs" to build en'),
    );
  });

  it("shows the translated lesson in Korean", () => {
    const page = read("ko/lessons/02-create-thread.html");
    expect(page).toContain("<h1>2강: 스레드 만들기</h1>");
    expect(page).toContain('<article class="lesson">');
    expect(page).toContain("<code>npm run lesson 2 -- --lang ko</code>");
  });

  it("shows the other in English, saying why on its page and in the build's figures", () => {
    const note = catalogs.ko.translationFallback("03-add-message", "lessons/ko/03-add-message.json", "the file does not exist");
    expect(note).toBe(
      "03-add-message 강의는 영어로 실행합니다: lessons/ko/03-add-message.json을 쓸 수 없습니다 (the file does not exist). 해결: npm run i18n:status",
    );
    expect(stats.fallbacks).toEqual([note]);
    expect(stats.failed).toEqual([]);
    const page = read("ko/lessons/03-add-message.html");
    expect(page).toContain(`<aside class="banner" role="note"><p>${note}</p></aside>\n<article class="lesson" lang="en">`);
    expect(page).toContain("<h1>Lesson 3: Add a message to the thread</h1>");
    expect(page).toContain("<code>npm run lesson 3</code>");
    expect(page).toContain("<li>Mode: replay, offline from fixtures/03-add-message.json</li>");
    // The page around it is still the Korean site's, and the outline names it by its English title.
    expect(page).toContain('<html lang="ko"');
    expect(page).toContain(
      '<a href="02-create-thread.html" rel="prev" class="prev"><span class="label">이전</span> 2강: 스레드 만들기</a>',
    );
    expect(read("ko/index.html")).toContain(
      '<li><a href="lessons/03-add-message.html"><span class="num">3강</span><span class="title">Add a message to the thread</span></a></li>',
    );
  });
});

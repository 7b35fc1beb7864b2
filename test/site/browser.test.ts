// The docs site in a real browser: Debian's Chromium driven by playwright-core (never a
// downloaded browser). Every page loads (English from file:// and over HTTP, Korean from
// file://) with no console error, no failed request and no request outside the site; the
// language switch and Korean search work; search finds the Jane Doe lessons;
// the stream replay ends in the report's text; the hostile fixture's page runs nothing;
// screenshots of the index, lesson 11 and the Korean lesson 3 at phone and desktop width go
// to test-output/site.
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultDirs, listLessons } from "../../src/course/catalog.ts";
import type { Fixture } from "../../src/fixtures/format.ts";
import { buildSite } from "../../src/site/build.ts";
import { english, siteLanguages } from "../../src/site/lang.ts";
import { serveSite } from "../../src/site/serve.ts";
import { tempCourse } from "../support/cli.ts";
import { writeHostileCourse } from "../support/hostile-site.ts";
import { ROOT } from "../support/paths.ts";

const CHROMIUM = process.env["LESSONBOOK_CHROMIUM"] ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available) {
  console.log(
    `Browser tests of the docs site skipped: no Chromium at ${CHROMIUM}. Install it with "apt-get install -y chromium" (.ci/run does).`,
  );
}
const SHOTS = join(ROOT, "test-output", "site");
/** Two busy cores: give the page time, never a fixed wait. */
const POLL = 15_000;

/** Everything a page did that the site must never do. */
interface Watch {
  readonly problems: string[];
}

function watch(page: Page, allowed: readonly string[]): Watch {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  // A request the next navigation cancels (the favicon, fetched after "load") did not fail.
  page.on("requestfailed", (r) => {
    if (r.failure()?.errorText !== "net::ERR_ABORTED") problems.push(`failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on("request", (r) => {
    if (!allowed.some((prefix) => r.url().startsWith(prefix))) problems.push(`outside the site: ${r.url()}`);
  });
  return { problems };
}

describe.skipIf(!available)("the docs site in Chromium", { timeout: 180_000 }, () => {
  const dirs = defaultDirs(ROOT);
  const course = tempCourse();
  const out = join(course.dir, "site");
  const hostileOut = join(course.dir, "hostile-site");
  let browser: Browser;
  let server: Server;
  let http: string;

  beforeAll(async () => {
    writeHostileCourse(course);
    await buildSite({ dirs, out, languages: siteLanguages(dirs) });
    await buildSite({ dirs: course.dirs, out: hostileOut, languages: [english] });
    server = await serveSite(out, 0);
    const address = server.address();
    http = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM });
    mkdirSync(SHOTS, { recursive: true });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  const fileUrl = (root: string, path: string) => pathToFileURL(join(root, path)).href;
  const sitePages = (dir: "" | "ko/") => [
    `${dir}index.html`,
    ...readdirSync(join(out, dir, "lessons"))
      .filter((f) => f.endsWith(".html"))
      .map((f) => `${dir}lessons/${f}`),
    ...readdirSync(join(out, dir, "docs")).map((f) => `${dir}docs/${f}`),
  ];

  it("loads every page from file:// and over HTTP with no console error, failed request or request elsewhere", async () => {
    const page = await browser.newPage();
    const seen = watch(page, [pathToFileURL(out).href, http]);
    // The Korean pages share the English ones' server and assets: file://, where relative links are strictest, is enough.
    const urls = [
      ...sitePages("").flatMap((path) => [fileUrl(out, path), `${http}${path}`]),
      ...sitePages("ko/").map((path) => fileUrl(out, path)),
    ];
    for (const url of urls) {
      await page.goto(url, { waitUntil: "load" });
      // The script ran: it shows the search box, which only works with it.
      await expect.poll(() => page.locator(".search").isVisible(), { message: url, timeout: POLL }).toBe(true);
    }
    expect(seen.problems).toEqual([]);
    await page.close();
  });

  it("finds the lessons whose runs used the Jane Doe instruction", async () => {
    const usedIt = listLessons(dirs).filter((l) =>
      (JSON.parse(readFileSync(l.fixturePath, "utf8")) as Fixture).exchanges.some((e) =>
        JSON.stringify(e.request.body ?? "").includes("Jane Doe"),
      ),
    );
    expect(usedIt.map((l) => l.number)).toEqual(expect.arrayContaining([4, 8, 11]));
    const page = await browser.newPage();
    const seen = watch(page, [pathToFileURL(out).href]);
    await page.goto(fileUrl(out, "index.html"));
    await page.keyboard.press("/");
    await page.keyboard.type("Jane Doe");
    await page.locator("#lb-results li").first().waitFor();
    const pagesFound = await page.locator("#lb-results .page").allTextContents();
    for (const lesson of usedIt) {
      const title = await page.locator(`.lesson-list a[href="lessons/${lesson.id}.html"] .title`).textContent();
      expect(pagesFound, lesson.id).toContain(`Lesson ${lesson.number}: ${title}`);
    }
    // A result is a link to the cell, and following it works.
    await page.locator("#lb-results a").first().click();
    await expect.poll(() => page.url(), { timeout: POLL }).toMatch(/\/lessons\/\d\d-[a-z-]+\.html#[a-z0-9-]+$/);
    expect(seen.problems).toEqual([]);
    await page.close();
  });

  it("switches between English and Korean on the same page, and searches the Korean course in Korean", async () => {
    const page = await browser.newPage();
    const seen = watch(page, [pathToFileURL(out).href]);
    await page.goto(fileUrl(out, "lessons/03-add-message.html"));
    await page.locator('.languages a[hreflang="ko"]').click();
    await expect.poll(() => page.url(), { timeout: POLL }).toBe(fileUrl(out, "ko/lessons/03-add-message.html"));
    expect(await page.locator("html").getAttribute("lang")).toBe("ko");
    expect(await page.locator("h1").textContent()).toBe("3강: 스레드에 메시지 추가하기");
    await page.locator('.languages a[hreflang="en"]').click();
    await expect.poll(() => page.url(), { timeout: POLL }).toBe(fileUrl(out, "lessons/03-add-message.html"));
    // "선생님" is only part of a word in lesson 3's Korean question ("수학선생님").
    await page.goto(fileUrl(out, "ko/index.html"));
    await page.keyboard.press("/");
    await page.keyboard.type("선생님");
    await page.locator("#lb-results li").first().waitFor();
    expect(await page.locator("#lb-results .page").allTextContents()).toContain("3강: 스레드에 메시지 추가하기");
    await page.locator('#lb-results a[href$="lessons/03-add-message.html#add-message"]').first().click();
    await expect.poll(() => page.url(), { timeout: POLL }).toBe(`${fileUrl(out, "ko/lessons/03-add-message.html")}#add-message`);
    expect(seen.problems).toEqual([]);
    await page.close();
  });

  it("replays lesson 11's stream and ends in exactly the report's text", async () => {
    const report = readFileSync(join(ROOT, "reports/11-streaming.md"), "utf8");
    const printed = /\*\*\[4\] Stream the run\*\*\n\n`{3,}ts\n[\s\S]*?\n`{3,}\n\n(`{3,})text\n([\s\S]*?)\n\1\n/.exec(report)![2]!;
    const page = await browser.newPage();
    const seen = watch(page, [http]);
    await page.goto(`${http}lessons/11-streaming.html`);
    const output = page.locator("#stream-run .output.stdout code");
    const replay = page.locator("#stream-run .replay");
    expect(await output.textContent()).toBe(`${printed}\n`);
    // Every length the output had while it replayed, as the page saw it.
    await output.evaluate((code) => {
      const seen: number[] = [];
      (window as { lengths?: number[] }).lengths = seen;
      new MutationObserver(() => seen.push(code.textContent?.length ?? 0)).observe(code, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    for (const pace of ["slow", "1"]) {
      await page.evaluate(() => (window as { lengths?: number[] }).lengths?.splice(0));
      await replay.locator("select").selectOption(pace);
      await replay.locator("button").click();
      await expect.poll(() => replay.getAttribute("data-state"), { timeout: 30_000 }).toBe("done");
      expect(await output.textContent(), pace).toBe(`${printed}\n`);
      // It started empty and grew, piece by piece, to the whole text.
      const lengths = await page.evaluate(() => (window as { lengths?: number[] }).lengths ?? []);
      expect(lengths[0], pace).toBe(0);
      expect(lengths.at(-1), pace).toBe(printed.length + 1);
      expect(
        lengths.every((n, i) => i === 0 || n >= lengths[i - 1]!),
        pace,
      ).toBe(true);
      expect(new Set(lengths).size, pace).toBeGreaterThan(50);
    }
    expect(await replay.locator(".replay-status").textContent()).toBe("Replay finished.");
    expect(seen.problems).toEqual([]);
    await page.close();
  });

  it("runs nothing from a hostile fixture, from file:// or over HTTP, even when its details are opened and replayed", async () => {
    const hostileServer = await serveSite(hostileOut, 0);
    const address = hostileServer.address();
    const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
    const page = await browser.newPage();
    const seen = watch(page, [pathToFileURL(hostileOut).href, base]);
    for (const url of [fileUrl(hostileOut, "lessons/94-hostile.html"), `${base}lessons/94-hostile.html`]) {
      await page.goto(url);
      for (const summary of await page.locator("summary").all()) await summary.click();
      await page.locator("#stream .replay button").click();
      await expect.poll(() => page.locator("#stream .replay").getAttribute("data-state"), { timeout: POLL }).toBe("done");
      await page.locator("#lb-search").fill("window");
      await page.locator("#lb-results li").first().waitFor();
      for (const link of await page.locator("main a").all()) await link.hover();
      expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
      expect(await page.locator("main img, main svg, main iframe, main script").count()).toBe(0);
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
      expect(await page.locator("#stream .output.stdout code").textContent()).toContain("Streamed <script>window.__xss=1</script>");
    }
    expect(seen.problems).toEqual([]);
    await page.close();
    hostileServer.close();
  });

  it("fits a 375 px phone and a desktop; screenshots of the index, lesson 11 and Korean lesson 3 go to test-output/site", async () => {
    for (const [name, width, height] of [
      ["phone", 375, 812],
      ["desktop", 1280, 900],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height } });
      for (const [shot, path] of [
        ["index", "index.html"],
        ["lesson-11", "lessons/11-streaming.html"],
        ["ko-lesson-03", "ko/lessons/03-add-message.html"],
      ] as const) {
        await page.goto(fileUrl(out, path));
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${shot} at ${width} px`).toBeLessThanOrEqual(width);
        await page.screenshot({ path: join(SHOTS, `${shot}-${name}.png`) });
      }
      await page.close();
    }
    expect(readdirSync(SHOTS).sort()).toEqual(
      expect.arrayContaining(["index-desktop.png", "index-phone.png", "lesson-11-desktop.png", "lesson-11-phone.png"]),
    );
  });

  it("follows the system's dark theme", async () => {
    const page = await browser.newPage({ colorScheme: "dark" });
    await page.goto(fileUrl(out, "index.html"));
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(13, 17, 23)");
    await page.emulateMedia({ colorScheme: "light" });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");
    await page.close();
  });

  it("can be used from the keyboard: skip link first, / to search, and the presenter view with arrow keys", async () => {
    const page = await browser.newPage();
    await page.goto(fileUrl(out, "lessons/11-streaming.html"));
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to the content");
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("lb-search");
    await page.keyboard.press("Escape");
    await page.locator("button.present").click();
    const slides = await page.locator("main .lesson-head, main .cell").count();
    const visible = () => page.locator("main .lesson-head:visible, main .cell:visible");
    expect(await visible().count()).toBe(1);
    expect(await page.locator(".presenter-bar").textContent()).toBe(`1 / ${slides} · ← and → move between cells, Esc leaves`);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await visible().getAttribute("id")).toBe("setup-note");
    expect(page.url()).toMatch(/#setup-note$/);
    await page.keyboard.press("ArrowRight");
    expect(await visible().getAttribute("id")).toBe("recreate-client");
    await page.keyboard.press("End");
    expect(await page.locator(".presenter-bar").textContent()).toMatch(new RegExp(`^${slides} / ${slides} `));
    await page.keyboard.press("Escape");
    expect(await visible().count()).toBe(slides);
    await page.close();
  });
});

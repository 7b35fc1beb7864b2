// The course's language: --lang, else the locale (LANG=ko_KR.UTF-8 runs the Korean course).
// A lesson whose translation cannot be used runs in English and says so; recording it in
// that language is refused; --check checks the reports of every language.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../../src/cli/args.ts";
import { checkReports } from "../../src/cli/check.ts";
import { courseOutline } from "../../src/cli/outline.ts";
import { defaultDirs, listLessons } from "../../src/course/catalog.ts";
import { langFromEnv } from "../../src/lang.ts";
import { cleanEnv, ROOT, runCli, tempCourse } from "../support/cli.ts";

describe("the language of a run", () => {
  it("comes from LC_ALL, then LC_MESSAGES, then LANG, and is English otherwise", () => {
    expect(langFromEnv({ LANG: "ko_KR.UTF-8" })).toBe("ko");
    expect(langFromEnv({ LANG: "ko" })).toBe("ko");
    expect(langFromEnv({ LANG: "ko_KR.UTF-8", LC_ALL: "en_US.UTF-8" })).toBe("en");
    expect(langFromEnv({ LANG: "C.UTF-8", LC_MESSAGES: "ko_KR.UTF-8" })).toBe("ko");
    expect(langFromEnv({ LANG: "fr_FR.UTF-8" })).toBe("en");
    expect(langFromEnv({})).toBe("en");
  });

  it("is refused when --lang names a language the course does not have", () => {
    expect(() => parseCliArgs(["3", "--lang", "fr"])).toThrow(
      'Invalid --lang "fr": expected one of en, ko. Fix: run "npm run lesson -- --help" for the options',
    );
    expect(parseCliArgs(["3", "--lang", "ko"]).lang).toBe("ko");
    expect(parseCliArgs(["3"]).lang).toBeUndefined();
  });
});

describe("the outline in Korean", () => {
  it("lists the parts and lessons with their Korean titles", () => {
    const lines = courseOutline(defaultDirs(ROOT), "ko").split("\n");
    expect(lines.slice(0, 5)).toEqual([
      '강의 목록 (하나를 실행하려면 "npm run lesson N"):',
      "",
      "파트 1: Assistants API (v2)",
      "   1  어시스턴트 만들기",
      "   2  스레드 만들기",
    ]);
    expect(lines).toContain("  12  채팅 반복문, 그리고 뒷정리");
  });
});

describe("running a lesson in Korean", () => {
  it("follows LANG=ko_KR.UTF-8, and --lang en overrides it", async () => {
    const course = tempCourse(["03-add-message"], { translated: true });
    const korean = await runCli(["3", ...course.flags], cleanEnv({ LANG: "ko_KR.UTF-8" }));
    expect([korean.code, korean.stderr]).toEqual([0, ""]);
    expect(korean.stdout.split("\n").slice(0, 2)).toEqual([
      "3강: 스레드에 메시지 추가하기",
      "lessons/03-add-message.ts · 재생, 오프라인 (fixtures/ko/03-add-message.json)",
    ]);
    expect(korean.stdout).toContain("── [1] 클라이언트 다시 만들기 (준비) ──");
    expect(korean.stdout.trimEnd().split("\n").at(-1)).toBe(
      "✓ 03-add-message 강의: 셀 5개를 재생 모드로 실행했습니다; 보고서: reports/ko/03-add-message.md",
    );
    expect(readFileSync(join(course.reports, "ko", "03-add-message.md"), "utf8")).toBe(
      readFileSync(join(ROOT, "reports/ko/03-add-message.md"), "utf8"),
    );

    const english = await runCli(["3", "--lang", "en", ...course.flags], cleanEnv({ LANG: "ko_KR.UTF-8" }));
    expect(english.code).toBe(0);
    expect(english.stdout.split("\n")[0]).toBe("Lesson 3: Add a message to the thread");
    expect(english.stdout.trimEnd().split("\n").at(-1)).toBe(
      "✓ Lesson 03-add-message: 5 cells ran in replay mode; report: reports/03-add-message.md",
    );
  });

  it("runs a lesson whose translation is out of date in English, saying so, and refuses to record it in Korean", async () => {
    const course = tempCourse(["03-add-message"], { translated: true });
    const file = join(course.lessons, "03-add-message.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace("> **Mind the bill.**", "> **Mind your bill.**"));
    const run = await runCli(["3", ...course.flags], cleanEnv({ LANG: "ko_KR.UTF-8" }));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      "lessonbook: 03-add-message 강의는 영어로 실행합니다: lessons/ko/03-add-message.json을 쓸 수 없습니다 (1 stale (mind-the-bill)). 해결: npm run i18n:status\n",
    );
    expect(run.stdout.split("\n")[0]).toBe("Lesson 3: Add a message to the thread");
    const record = await runCli(["3", "--record", "--lang", "ko", ...course.flags], cleanEnv({ OPENAI_API_KEY: "sk-test" }));
    expect([record.code, record.stdout]).toEqual([2, ""]);
    expect(record.stderr).toBe(
      'lessonbook: Cannot record lesson 03-add-message in ko: lessons/ko/03-add-message.json: 1 stale (mind-the-bill). Fix: run "npm run i18n:status"\n',
    );
  });
});

describe("--check", () => {
  it("checks the reports of every language, and names a lesson whose translation is stale", async () => {
    const course = tempCourse(["03-add-message"], { translated: true });
    for (const path of ["03-add-message.md", "ko/03-add-message.md"]) cpSync(join(ROOT, "reports", path), join(course.reports, path));
    const check = async () => {
      let out = "";
      const code = await checkReports(listLessons(course.dirs), course.dirs, (text) => (out += text));
      return { code, lines: out.trim().split("\n") };
    };
    expect(await check()).toEqual({
      code: 0,
      lines: [
        "✓ reports/03-add-message.md matches fixtures/03-add-message.json",
        "✓ reports/ko/03-add-message.md matches fixtures/ko/03-add-message.json",
      ],
    });
    const file = join(course.lessons, "03-add-message.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace("// %% Read the text back", "// %% Read the text"));
    const { code, lines } = await check();
    expect(code).toBe(1);
    expect(lines[1]).toBe(
      "✗ reports/ko/03-add-message.md: its translation cannot be used: lessons/ko/03-add-message.json: 1 stale (read-text-back). Fix: npm run lesson 3 -- --lang ko",
    );
  });
});

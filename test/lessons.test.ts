import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli, tempCourse, type CliResult } from "./support/cli.ts";
import { isLang } from "../src/lang.ts";

const lessonIds = readdirSync(join(ROOT, "lessons"))
  .filter((f) => /^\d{2}-.*\.ts$/.test(f))
  .map((f) => f.slice(0, -3));

describe("the course replays offline", () => {
  const course = tempCourse();
  let result: CliResult;
  beforeAll(async () => {
    result = await runCli(["--all", "--reports", course.reports]);
  });

  it("runs every lesson to exit code 0 without a key or network", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const summaries = result.stdout.split("\n").filter((line) => /^[✓✗] Lesson/.test(line));
    // In the course's order (lessons/course.json), which need not be the files' order.
    expect(summaries.map((line) => line.slice(0, line.indexOf(":"))).sort()).toEqual(lessonIds.map((id) => `✓ Lesson ${id}`).sort());
  });

  it.each(lessonIds)("regenerates reports/%s.md byte for byte from its fixture", (id) => {
    expect(readFileSync(join(course.reports, `${id}.md`), "utf8")).toBe(readFileSync(join(ROOT, "reports", `${id}.md`), "utf8"));
  });

  it("regenerates the images next to the reports byte for byte", () => {
    // reports/<lang>/ holds a language's reports; every other folder holds one report's images.
    const shown = readdirSync(join(ROOT, "reports"), { withFileTypes: true }).filter((entry) => entry.isDirectory() && !isLang(entry.name));
    expect(shown.map((entry) => entry.name)).toEqual(["15-code-interpreter-files"]);
    for (const { name } of shown) {
      const images = readdirSync(join(ROOT, "reports", name));
      expect(readdirSync(join(course.reports, name))).toEqual(images);
      for (const image of images)
        expect(readFileSync(join(course.reports, name, image))).toEqual(readFileSync(join(ROOT, "reports", name, image)));
    }
  });

  it("has a committed fixture and report for every lesson and nothing else", () => {
    expect(
      readdirSync(join(ROOT, "fixtures"))
        .filter((f) => f.endsWith(".json"))
        .sort(),
    ).toEqual(lessonIds.map((id) => `${id}.json`));
    expect(
      readdirSync(join(ROOT, "reports"))
        .filter((f) => f.endsWith(".md"))
        .sort(),
    ).toEqual(lessonIds.map((id) => `${id}.md`));
  });
});

describe("the Korean course replays offline", () => {
  const course = tempCourse();
  let result: CliResult;
  beforeAll(async () => {
    result = await runCli(["--all", "--lang", "ko", "--reports", course.reports]);
  });

  it("runs every lesson in Korean to exit code 0", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const summaries = result.stdout.split("\n").filter((line) => /^[✓✗] /.test(line));
    expect(summaries.map((line) => line.slice(0, line.indexOf(":")))).toEqual(lessonIds.map((id) => `✓ ${id} 강의`));
  });

  it.each(lessonIds)("regenerates reports/ko/%s.md byte for byte from its fixture", (id) => {
    expect(readFileSync(join(course.reports, "ko", `${id}.md`), "utf8")).toBe(
      readFileSync(join(ROOT, "reports", "ko", `${id}.md`), "utf8"),
    );
  });

  it("has a committed Korean report for every lesson, and Korean fixtures only for lessons that have one in English", () => {
    const reports = readdirSync(join(ROOT, "reports", "ko")).filter((f) => f.endsWith(".md"));
    expect(reports.sort()).toEqual(lessonIds.map((id) => `${id}.md`));
    const fixtures = readdirSync(join(ROOT, "fixtures", "ko")).filter((f) => f.endsWith(".json"));
    expect(fixtures.every((f) => existsSync(join(ROOT, "fixtures", f)))).toBe(true);
  });

  it("sends Hangul through the API, the fixtures and the stream", () => {
    const streamed = JSON.parse(readFileSync(join(ROOT, "fixtures", "ko", "11-streaming.json"), "utf8"));
    const deltas = streamed.exchanges.flatMap(
      (e: { response: { events?: { event: string; data: unknown }[] } }) => e.response.events ?? [],
    );
    const text = deltas
      .filter((frame: { event: string }) => frame.event === "thread.message.delta")
      .map((frame: { data: { delta: { content: { text: { value: string } }[] } } }) => frame.data.delta.content[0]!.text.value)
      .join("");
    expect(text).toContain("물론이죠, Jane Doe님! x만 남기려면 양변에서 11을 빼서 3x = 3을 만든 다음");
    expect(readFileSync(join(ROOT, "reports", "ko", "09-several-users.md"), "utf8")).toContain(
      "user: 고마워\nassistant: 천만에요! 수학 질문이 더 있으면 언제든지 물어보세요.",
    );
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli, tempCourse, type CliResult } from "./support/cli.ts";

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
    expect(summaries.map((line) => line.slice(0, line.indexOf(":")))).toEqual(lessonIds.map((id) => `✓ Lesson ${id}`));
  });

  it.each(lessonIds)("regenerates reports/%s.md byte for byte from its fixture", (id) => {
    expect(readFileSync(join(course.reports, `${id}.md`), "utf8")).toBe(readFileSync(join(ROOT, "reports", `${id}.md`), "utf8"));
  });

  it("regenerates the images next to the reports byte for byte", () => {
    const shown = readdirSync(join(ROOT, "reports"), { withFileTypes: true }).filter((entry) => entry.isDirectory());
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

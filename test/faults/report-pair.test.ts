// A fixture and its report are one unit: a report rendered from another fixture (a write
// interrupted between the two renames, a hand edit) is found by --check and repaired by
// the next replay.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkReports } from "../../src/cli/check.ts";
import { listLessons } from "../../src/course/catalog.ts";
import { commitWrites } from "../../src/session/commit.ts";
import { tempCourse } from "../support/cli.ts";
import { replayInProcess } from "../support/replay.ts";

async function check(dirs: Parameters<typeof checkReports>[1]): Promise<{ code: number; lines: string[] }> {
  let out = "";
  const code = await checkReports(listLessons(dirs), dirs, (text) => (out += text));
  return { code, lines: out.trim().split("\n") };
}

describe("a fixture and its report", () => {
  it("are found out of step when only the fixture was replaced, and a replay puts them back in step", async () => {
    const course = tempCourse(["03-add-message"]);
    const first = await replayInProcess(3, { dirs: course.dirs, report: true });
    commitWrites(first.result.writes, [], "03-add-message", course.dir);
    expect(await check(course.dirs)).toEqual({ code: 0, lines: ["✓ reports/03-add-message.md matches fixtures/03-add-message.json"] });

    // As if a recording was killed after renaming the new fixture and before the report.
    const fixturePath = join(course.fixtures, "03-add-message.json");
    const fixture = JSON.parse(readFileSync(fixturePath, "utf8"));
    fixture.exchanges[2].response.body.content[0].text.value = "A re-recorded question.";
    writeFileSync(fixturePath, `${JSON.stringify(fixture, null, 2)}\n`);
    expect(await check(course.dirs)).toEqual({
      code: 1,
      lines: ["✗ reports/03-add-message.md: it was rendered from a different fixture (its fixture hash differs). Fix: npm run lesson 3"],
    });

    const repaired = await replayInProcess(3, { dirs: course.dirs, report: true });
    commitWrites(repaired.result.writes, [], "03-add-message", course.dir);
    expect(readFileSync(join(course.reports, "03-add-message.md"), "utf8")).toContain("A re-recorded question.");
    expect((await check(course.dirs)).code).toBe(0);
  });

  it("says a report is missing, and that a hand-edited report differs from what its fixture produces", async () => {
    const course = tempCourse(["03-add-message"]);
    expect(await check(course.dirs)).toEqual({
      code: 1,
      lines: ["✗ reports/03-add-message.md: the report is missing. Fix: npm run lesson 3"],
    });
    const { result } = await replayInProcess(3, { dirs: course.dirs, report: true });
    const report = result.writes.find((w) => w.path.endsWith(".md"))!;
    writeFileSync(report.path, String(report.data).replace("Lesson 3", "Lesson three"));
    expect(await check(course.dirs)).toEqual({
      code: 1,
      lines: ["✗ reports/03-add-message.md: its text differs from what the fixture produces. Fix: npm run lesson 3"],
    });
  });
});

// The course listing shows each lesson's title as the parser reads it (one definition).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultDirs, lessonTitle, listLessons } from "../../src/course/catalog.ts";

const root = mkdtempSync(join(tmpdir(), "lessonbook-title-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const dirs = defaultDirs(root);
mkdirSync(dirs.lessons);

const titleOf = (name: string, lines: string[]): string => {
  writeFileSync(join(dirs.lessons, name), lines.join("\n"));
  return lessonTitle(listLessons(dirs).find((l) => l.file.endsWith(name))!);
};

describe("lessonTitle", () => {
  it("is the heading of the first cell, as the parser reads it", () => {
    expect(titleOf("01-a.ts", ["// %% [markdown]", "// #   Lesson 1:  Spaced  ", "// %%", "x();", ""])).toBe("Lesson 1:  Spaced");
  });

  it("is the lesson id when the lesson does not parse, even if a later cell has a heading", () => {
    const lateHeading = ["// %% [markdown]", "// Intro without a heading", "// %% [markdown]", "// # Lesson 2: Late", "// %%", "x();", ""];
    expect(titleOf("02-b.ts", lateHeading)).toBe("02-b");
    expect(titleOf("03-c.ts", ["const early = 1;", "// %% [markdown]", "// # Lesson 3: After code", "// %%", "x();"])).toBe("03-c");
  });
});

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

  it("is the lesson id when the lesson does not parse", () => {
    expect(titleOf("02-b.ts", ["// %% [markdown]", "// # Lesson 2: Raw", "// %% [raw]", "x();", ""])).toBe("02-b");
  });

  it("without a title cell, is the first comment's first line, else the file name", () => {
    const lateHeading = ["// %% [markdown]", "// Intro without a heading", "// %% [markdown]", "// # Lesson 2: Late", "// %%", "x();", ""];
    expect(titleOf("04-d.ts", lateHeading)).toBe("Intro without a heading");
    expect(titleOf("05-e.ts", ["const early = 1;", "// %% [markdown]", "// # Lesson 5: After code", "// %%", "x();"])).toBe(
      "Lesson 5: After code",
    );
    expect(titleOf("06-f.ts", ["#!/usr/bin/env node", "// @ts-check", "/**", " * Lists the models.", " */", "x();"])).toBe(
      "Lists the models.",
    );
    expect(titleOf("07-list-the-models.ts", ["x(); /* */"])).toBe("List the models");
  });
});

// Every shared page has its Korean twin, with the same tables and code: the Korean page may
// word things its own way, but it leaves nothing out.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/paths.ts";

const pages = readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md"));
const shape = (text: string) => ({
  tableRows: text.split("\n").filter((line) => line.startsWith("|")).length,
  codeBlocks: text.split("\n").filter((line) => line.startsWith("```")).length / 2,
  // Code in the tables and blocks is the same in both languages, apart from the strings a learner reads.
  python: [...text.matchAll(/`(client\.beta\.[a-z_.]+)\(/g)].map((m) => m[1]),
});

describe("the shared pages", () => {
  it("include the glossary and the Python ↔ TypeScript page", () => {
    expect(pages).toEqual(expect.arrayContaining(["glossary.md", "python-typescript.md"]));
  });

  it.each(pages)("docs/%s has a Korean twin in docs/ko/ with the same rows, blocks and calls", (page) => {
    const korean = join(ROOT, "docs", "ko", page);
    expect(existsSync(korean)).toBe(true);
    expect(shape(readFileSync(korean, "utf8"))).toEqual(shape(readFileSync(join(ROOT, "docs", page), "utf8")));
  });
});

// Properties every lesson of the course must keep: it encodes back to itself byte for
// byte, and each cell carries its own explicit id (derived ids change when cells move).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeLesson } from "../../src/notebook/encode.ts";
import { parseLesson } from "../../src/notebook/parse.ts";
import { ROOT } from "../support/paths.ts";

const lessonFiles = readdirSync(join(ROOT, "lessons"))
  .filter((f) => /^\d{2}-.*\.ts$/.test(f))
  .sort();
const read = (file: string) => readFileSync(join(ROOT, "lessons", file), "utf8");

describe("every course lesson", () => {
  it("is found, and placed in the course manifest", () => {
    const manifest = JSON.parse(read("course.json")) as { parts: { lessons: { id: string }[] }[] };
    const listed = manifest.parts.flatMap((part) => part.lessons.map((lesson) => `${lesson.id}.ts`));
    expect(lessonFiles).toEqual([...listed].sort());
    expect(lessonFiles.length).toBeGreaterThan(12);
  });

  it.each(lessonFiles)("%s encodes back to the same text, and parsing that gives the same notebook", (file) => {
    const text = read(file);
    const notebook = parseLesson(`lessons/${file}`, text);
    const encoded = encodeLesson(notebook);
    expect(encoded).toBe(text);
    expect(parseLesson(`lessons/${file}`, encoded)).toEqual(notebook);
  });

  it.each(lessonFiles)("%s gives every cell an explicit id of its own", (file) => {
    const { cells } = parseLesson(`lessons/${file}`, read(file));
    const unnamed = cells.filter((c) => c.metadata["id"] !== c.id).map((c) => `line ${c.markerLine}`);
    expect(unnamed).toEqual([]);
    expect(new Set(cells.map((c) => c.id)).size).toBe(cells.length);
  });
});

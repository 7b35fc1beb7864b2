// The local simulator serves lessons 7–12 live too (lesson 12 reads its questions from stdin).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCourseSim, type CourseSim } from "../support/sim.ts";
import { cleanEnv, ROOT, runCli, tempCourse } from "../support/cli.ts";

const LATER = readdirSync(join(ROOT, "lessons")).filter((f) => /^(0[7-9]|1\d)-/.test(f)).map((f) => f.slice(0, -3));
const TYPED: Record<string, string> = { "12-chat-loop": "What is 2 to the power of 10?\nAnd what is the square root of 1024?\n/q\n" };

describe("lessons 7–12 live against the local server", () => {
  let server: CourseSim;
  beforeAll(async () => {
    server = await startCourseSim();
  });
  afterAll(() => server.close());

  it.each(LATER)("runs %s live to exit 0", async (id) => {
    const course = tempCourse();
    const result = await runCli([id, "--live", "--reports", course.reports], cleanEnv({ OPENAI_API_KEY: "sk-canary-LATER0123456789abcdefghijklmn", OPENAI_BASE_URL: server.baseUrl }), TYPED[id] ?? "");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`✓ Lesson ${id}: \\d+ cells ran in live mode`));
    if (id === "12-chat-loop") expect(result.stdout).toContain("Enter a math question (/q to quit): What is 2 to the power of 10?\nAssistant> 2^10 = 1024.\n");
  });
});

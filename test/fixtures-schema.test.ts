// Every recorded request, response and streamed event in fixtures/*.json must match the official
// schemas (../shared/openapi/validate.mjs: Assistants v2 for part 1, Responses and Conversations
// for part 2), in strict mode (no --lenient): lessons replay these fixtures, so a shape the real
// API never sent would teach the wrong thing.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Exchange, Fixture } from "../src/fixtures/format.ts";
import { parseFixture } from "../src/fixtures/load.ts";
import {
  type HarLog,
  REPO_ROOT,
  SCHEMAS_AVAILABLE,
  type ValidatorRun,
  exchangeToHarEntry,
  fixtureToHar,
  harLog,
  problemsOf,
  UNFINISHED_USAGE_NULL,
  validateHars,
  warnIfSchemasMissing,
} from "./support/openapi.ts";

warnIfSchemasMissing("fixtures-schema");

type Lesson = { name: string; path: string; fixture: Fixture };

const FIXTURES_DIR = join(REPO_ROOT, "fixtures");
const LESSONS: Lesson[] = readdirSync(FIXTURES_DIR)
  .filter((file) => file.endsWith(".json"))
  .sort()
  .map((file) => {
    const path = join(FIXTURES_DIR, file);
    const fixture = parseFixture(readFileSync(path, "utf8"), {
      shownPath: `fixtures/${file}`,
      recordCommand: "npm run fixtures:reconstruct",
      lesson: file.replace(/\.json$/, ""),
    });
    return { name: file.replace(/\.json$/, ""), path, fixture };
  });

/**
 * Problems that are the spec's mistake, not ours: each entry matches exactly one kind of
 * problem line and says why the real API differs. Two concern streamed run steps (lesson 11),
 * whose shape the spec's own official streaming examples contradict; one concerns responses
 * that have not finished (part 2), whose usage the official examples show as null.
 */
const ALLOWED: { problem: RegExp; reason: string }[] = [
  {
    problem: /event\[\d+:thread\.run\.step\.(created|in_progress|completed)\]: \/data must have required property 'expired_at'$/,
    reason:
      "streamed run steps carry expires_at: every thread.run.step.* event in the spec's own official streaming examples (examples.json, createRun with stream) does, while RunStepObject names the field expired_at",
  },
  {
    problem: /event\[\d+:thread\.run\.step\.(created|in_progress|completed)\]: \/data must have required property 'metadata'$/,
    reason:
      "no official run step example, streamed or REST (examples.json: listRunSteps, getRunStep, createRun streams), carries metadata, although RunStepObject lists it as required",
  },
  UNFINISHED_USAGE_NULL,
];

const unexplained = (lines: readonly string[]) => lines.filter((line) => !ALLOWED.some(({ problem }) => problem.test(line)));

function failureReport(file: string, lines: readonly string[]): string {
  return [
    `${lines.length} schema problem(s) in ${file} (validate.mjs, strict):`,
    ...lines.map((line) => `  ${line}`),
    `Fix the simulator's shapes in sim/assistants or sim/responses and run "npm run fixtures:reconstruct"; allow a proven spec bug in ALLOWED with its reason.`,
  ].join("\n");
}

// ---------------------------------------------------------------- deliberately broken copies
// They go through the same conversion and the same validator run as the fixtures, so a green
// run means the check looked, not that it was blind (e.g. an SSE text it could not parse).
type RecordedRun = { lesson: Lesson; exchange: Exchange; params: Record<string, unknown>; run: Record<string, unknown> };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A POST that created a run (createRun or createThreadAndRun), which may also ask for a stream. */
function firstRecordedRun(): RecordedRun {
  for (const lesson of LESSONS) {
    for (const exchange of lesson.fixture.exchanges) {
      const { request, response } = exchange;
      if (request.method === "POST" && isObject(request.body) && isObject(response.body) && response.body.object === "thread.run") {
        return { lesson, exchange, params: request.body, run: response.body };
      }
    }
  }
  throw new Error("no fixture records a POST that created a run: the broken-copy checks need one");
}

function brokenCopies({ lesson, exchange, params, run }: RecordedRun): Record<string, HarLog> {
  const done = { ...run, status: "done" };
  const asBody: Exchange = { ...exchange, response: { ...exchange.response, body: done } };
  const asStream: Exchange = {
    ...exchange,
    request: { ...exchange.request, body: { ...params, stream: true } },
    response: {
      status: 200,
      headers: { "content-type": "text/event-stream" },
      events: [
        { at: 0, event: "thread.run.created", data: done },
        { at: 1, event: "done", text: "[DONE]" },
      ],
    },
  };
  return {
    "broken-run-status": harLog([exchangeToHarEntry(asBody, lesson.path)]),
    "broken-run-event": harLog([exchangeToHarEntry(asStream, lesson.path)]),
  };
}

// ---------------------------------------------------------------- tests
describe.skipIf(!SCHEMAS_AVAILABLE)("recorded fixtures against the official OpenAI API schemas", () => {
  const recordedRun = firstRecordedRun();
  let result: ValidatorRun;

  // One validator process for every fixture: compiling the schemas takes most of its ~1 s.
  beforeAll(async () => {
    const hars = Object.fromEntries(LESSONS.map(({ name, path, fixture }) => [name, fixtureToHar(fixture, path)]));
    result = await validateHars({ ...hars, ...brokenCopies(recordedRun) });
  }, 30_000);

  for (const { name } of LESSONS) {
    it(`every exchange in fixtures/${name}.json matches the official API schemas`, () => {
      expect(problemsOf(result.skipped, name), "exchanges on routes the spec does not know").toEqual([]);
      const problems = unexplained(problemsOf(result.problems, name));
      expect(problems, failureReport(`fixtures/${name}.json`, problems)).toEqual([]);
    });
  }

  it("checks every recorded exchange, skipping none", () => {
    const exchanges = LESSONS.reduce((sum, { fixture }) => sum + fixture.exchanges.length, 0);
    expect(exchanges).toBeGreaterThan(0);
    expect(result.skipped).toEqual([]);
    expect(result.checked).toBe(exchanges + 2); // + the two broken copies
  });

  it("allows only problems that still occur (no stale allow-list entries)", () => {
    const stale = ALLOWED.filter(({ problem }) => !result.problems.some((line) => problem.test(line)));
    expect(stale.map(({ problem, reason }) => `${String(problem)}: ${reason}`)).toEqual([]);
  });

  it(`reports a copy of a recorded run whose status is "done" (from fixtures/${recordedRun.lesson.name}.json)`, () => {
    const problems = problemsOf(result.problems, "broken-run-status");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/\] response: \/status must be equal to one of the allowed values .*\(got "done"\)$/);
  });

  it(`reports a streamed thread.run.created event whose run status is "done"`, () => {
    const problems = problemsOf(result.problems, "broken-run-event");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /event\[0:thread\.run\.created\]: \/data\/status must be equal to one of the allowed values .*\(got "done"\)$/,
    );
  });
});

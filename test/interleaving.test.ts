// Concurrent requests (lesson 9's three users) may reach replay in any interleaving.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Exchange } from "../src/fixtures/format.ts";
import { requestKey } from "../src/fixtures/request.ts";
import { ROOT, runCli, tempCourse } from "./support/cli.ts";

/** A different global order that keeps each request key's own order (seeded, repeatable). */
function shuffleAcrossKeys(exchanges: readonly Exchange[], seed: number): Exchange[] {
  const queues = new Map<string, Exchange[]>();
  for (const e of exchanges) queues.set(requestKey(e.request), [...(queues.get(requestKey(e.request)) ?? []), e]);
  const out: Exchange[] = [];
  let state = seed;
  while (out.length < exchanges.length) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const open = [...queues.values()].filter((q) => q.length);
    out.push(open[state % open.length]!.shift()!);
  }
  return out;
}

describe("replaying lesson 9's concurrent users", () => {
  it.each([7, 42])("replays to the committed report when the recording is reordered across request keys (seed %i)", async (seed) => {
    const course = tempCourse(["09-several-users"]);
    const path = join(course.fixtures, "09-several-users.json");
    const fixture = JSON.parse(readFileSync(path, "utf8"));
    const shuffled = shuffleAcrossKeys(fixture.exchanges, seed);
    expect(shuffled.map((e) => e.request.path)).not.toEqual(fixture.exchanges.map((e: Exchange) => e.request.path));
    writeFileSync(path, JSON.stringify({ ...fixture, exchanges: shuffled }, null, 2));
    const result = await runCli(["9", ...course.flags]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(course.reports, "09-several-users.md"), "utf8")).toBe(readFileSync(join(ROOT, "reports/09-several-users.md"), "utf8"));
  });
});

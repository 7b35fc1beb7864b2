// Concurrent requests (lesson 9's three users) may reach replay in any interleaving.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Exchange } from "../src/fixtures/format.ts";
import { requestKey } from "../src/fixtures/request.ts";
import { ROOT, tempCourse } from "./support/cli.ts";
import { replayInProcess } from "./support/replay.ts";

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
    const { result } = await replayInProcess(9, { dirs: course.dirs, report: true });
    expect(result.run.status).toBe("ok");
    // The reordered fixture has its own hash; everything else must be byte-identical.
    const withoutHash = (report: string) => report.replace(/, sha256 [0-9a-f]{16}\)/, ")");
    const report = result.writes.find((w) => w.path.endsWith("09-several-users.md"))!.data as string;
    expect(withoutHash(report)).toBe(withoutHash(readFileSync(join(ROOT, "reports/09-several-users.md"), "utf8")));
  });
});

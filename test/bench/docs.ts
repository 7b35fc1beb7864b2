// The docs site's figures for `npm run bench`: the wall time of `npm run docs` on the whole
// course (median of `runs`), and the weight of its largest page, as the build reports it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../support/paths.ts";
import { median } from "./table.ts";

export interface DocsFigures {
  readonly wallMs: number;
  /** CPU time (user + system) of the build's processes: what a busy machine inflates least. */
  readonly cpuMs: number;
  /** e.g. "12 lessons, 53 files, 1640 KB". */
  readonly size: string;
  /** e.g. "lessons/09-several-users.html, 154 KB". */
  readonly largest: string;
}

export function benchDocs(runs: number, env: NodeJS.ProcessEnv): DocsFigures {
  const script = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts["docs"]!;
  const out = mkdtempSync(join(tmpdir(), "lessonbook-bench-site-"));
  try {
    let line = "";
    const cpu: number[] = [];
    const times = Array.from({ length: runs }, () => {
      const started = performance.now();
      // The shell's `times` prints its children's user and system time last.
      const command = `${script} --out "$1" && times`;
      const result = spawnSync("sh", ["-c", command, "sh", join(out, "site")], { cwd: ROOT, env, encoding: "utf8" });
      const elapsed = performance.now() - started;
      if (result.status !== 0) throw new Error(`npm run docs exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
      line = result.stdout;
      const [user = 0, system = 0] = [...(result.stdout.trim().split("\n").at(-1) ?? "").matchAll(/(\d+)m([\d.]+)s/g)].map(
        (m) => Number(m[1]) * 60_000 + Number(m[2]) * 1000,
      );
      cpu.push(user + system);
      return elapsed;
    });
    const built = /^Built the site: (.+) in .+; largest page (.+)\)$/m.exec(line);
    return { wallMs: median(times), cpuMs: median(cpu), size: built?.[1] ?? "?", largest: built?.[2] ?? "?" };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

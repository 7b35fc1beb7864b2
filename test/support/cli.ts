// Runs the real CLI as a child process, the way `npm run lesson` does, and builds
// throw-away courses (lessons, fixtures, reports) in temp folders.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import type { CourseDirs } from "../../src/course/catalog.ts";
import { LANGS, SOURCE_LANG } from "../../src/lang.ts";
import { ROOT } from "./paths.ts";

export { ROOT };
const MAIN = join(ROOT, "src/cli/entry.ts");
/** As package.json's "lesson" script runs it: Node 24 strips the types itself (no tsx). */
const CLI_LOADER: string[] = [];

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Environment with no key, no base URL, no colour and an English locale: what a learner's clone has. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  // The locale picks the course's language (LANG=ko_KR.UTF-8 runs it in Korean): tests say which they want.
  const locale = { LANG: "C.UTF-8", LC_ALL: undefined, LC_MESSAGES: undefined };
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...locale };
  for (const name of Object.keys(env)) if (name.startsWith("OPENAI_")) delete env[name];
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export interface RunOptions {
  /** Close our end of the CLI's stdout after its first output, as `| head -1` does. */
  readonly closeStdoutAfterFirstChunk?: boolean;
}

/** Runs the CLI; standard input gets `stdin` and is then closed, as in CI. */
export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = cleanEnv(),
  stdin = "",
  options: RunOptions = {},
): Promise<CliResult> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [...CLI_LOADER, MAIN, ...args], { cwd: ROOT, env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => {
      out.push(chunk);
      if (options.closeStdoutAfterFirstChunk) child.stdout.destroy();
    });
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("close", (code, signal) => {
      done({
        code,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        ms: performance.now() - started,
      });
    });
    child.stdin.end(stdin);
  });
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes lesson `id` into the course, with a fixture that answers with `exchanges`. */
export function writeLesson(course: TempCourse, id: string, text: string, exchanges: readonly object[] = []): void {
  writeFileSync(join(course.lessons, `${id}.ts`), text);
  const provenance = {
    source: "reconstructed",
    date: "2026-11-30",
    baseUrl: "https://api.openai.com/v1",
    models: [],
    sdk: "openai-node 7.57.0",
  };
  const fixture = { format: "lessonbook-fixture", version: 1, lesson: id, provenance, exchanges };
  writeFileSync(join(course.fixtures, `${id}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
}

export interface TempCourse {
  readonly dir: string;
  readonly lessons: string;
  readonly fixtures: string;
  readonly reports: string;
  /** CLI flags that point a run at this course. */
  readonly flags: string[];
  /** The same, for in-process sessions. */
  readonly dirs: CourseDirs;
}

/**
 * A course folder a lesson can run from: lessons import `../src/helpers/index.ts` and
 * `openai`, so `src` and `node_modules` link back to the repository.
 * `copy` names lesson ids whose lesson and fixture are copied in; with `translated`, their
 * translations and translated fixtures too, so the copy also runs in every language.
 */
export function tempCourse(copy: readonly string[] = [], { translated = false } = {}): TempCourse {
  const dir = mkdtempSync(join(tmpdir(), "lessonbook-"));
  made.push(dir);
  const course = { dir, lessons: join(dir, "lessons"), fixtures: join(dir, "fixtures"), reports: join(dir, "reports") };
  for (const sub of [course.lessons, course.fixtures, course.reports]) mkdirSync(sub);
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  symlinkSync(join(ROOT, "src"), join(dir, "src"));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  for (const id of copy) {
    cpSync(join(ROOT, "lessons", `${id}.ts`), join(course.lessons, `${id}.ts`));
    cpSync(join(ROOT, "fixtures", `${id}.json`), join(course.fixtures, `${id}.json`));
    for (const lang of translated ? LANGS.filter((l) => l !== SOURCE_LANG) : []) {
      const pairs = [join("lessons", lang, `${id}.json`), join("fixtures", lang, `${id}.json`)];
      for (const path of pairs.filter((p) => existsSync(join(ROOT, p)))) cpSync(join(ROOT, path), join(dir, path));
    }
  }
  const dirs = { root: dir, lessons: course.lessons, fixtures: course.fixtures, reports: course.reports };
  return { ...course, dirs, flags: ["--lessons", course.lessons, "--fixtures", course.fixtures, "--reports", course.reports] };
}

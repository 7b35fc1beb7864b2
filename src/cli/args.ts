// Command-line arguments of `npm run lesson`.
import { parseArgs } from "node:util";
import { UserError } from "../errors.ts";
import type { ModeName } from "../modes/mode.ts";

export interface CliArgs {
  readonly lesson: string | undefined;
  readonly all: boolean;
  /** Part ids from lessons/course.json: run every lesson of these parts. */
  readonly parts: readonly string[];
  readonly mode: ModeName;
  readonly check: boolean;
  readonly stopAfter: number | undefined;
  readonly timeoutMs: number | undefined;
  readonly report: boolean;
  readonly help: boolean;
  readonly dirs: { lessons?: string; fixtures?: string; reports?: string };
}

export const USAGE = `Usage: npm run lesson [N] [-- options]

  npm run lesson               list the lessons
  npm run lesson 3             run lesson 3 offline from fixtures/03-….json
  npm run lesson 3 -- --live   run lesson 3 against the API (needs OPENAI_API_KEY)
  npm run lesson 3 -- --record run live and rewrite lesson 3's fixture and report

Options:
  --live              use the real API; the fixture is left untouched
  --record            use the real API and save what happened as the new fixture
  --all               run every lesson (e.g. --record --all)
  --part ID           run every lesson of one part, e.g. --record --part responses
                      (part 2, the one that runs live today); may be given twice
  --check             check that each report matches its fixture (writes nothing)
  --stop-after N      stop after code cell N (no report is written)
  --timeout SECONDS   live and record: give up on a request with no answer (default 60)
  --no-report         do not write reports/NN-….md
  --fixtures DIR      read and write fixtures in DIR (default: fixtures)
  --reports DIR       write reports in DIR (default: reports)
  --lessons DIR       read lessons from DIR (default: lessons)
  -h, --help          show this help`;

const fix = 'run "npm run lesson -- --help" for the options';
const FLAGS = ["live", "record", "all", "check", "stop-after", "timeout", "no-report"] as const;

function positiveInteger(name: string, value: string | undefined, expected: string): number | undefined {
  if (value === undefined) return undefined;
  if (/^[1-9]\d*$/.test(value)) return Number(value);
  throw new UserError(`Invalid ${name} "${value}"`, `expected ${expected}`, fix);
}

/**
 * `npm run lesson 3 --live` (no `--`) hands `--live` to npm, which keeps it as
 * `npm_config_live` and runs the lesson without it: refuse rather than silently replay.
 */
export function checkSwallowedFlags(env: NodeJS.ProcessEnv): void {
  const swallowed = FLAGS.filter((flag) => env[`npm_config_${flag.replace(/-/g, "_")}`] !== undefined);
  if (swallowed.length === 0) return;
  const flags = swallowed.map((f) => `--${f}`).join(" ");
  throw new UserError(`npm kept ${flags} for itself`, "options for lessonbook must come after a lone --", `npm run lesson N -- ${flags}`);
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        live: { type: "boolean" },
        record: { type: "boolean" },
        all: { type: "boolean" },
        part: { type: "string", multiple: true },
        check: { type: "boolean" },
        "stop-after": { type: "string" },
        timeout: { type: "string" },
        "no-report": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        fixtures: { type: "string" },
        reports: { type: "string" },
        lessons: { type: "string" },
      },
    });
  } catch (error) {
    throw new UserError("Invalid arguments", (error as Error).message.replace(/\.\s.*$/s, "").replace(/\.$/, ""), fix);
  }
}

export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}): CliArgs {
  checkSwallowedFlags(env);
  const { values, positionals } = parse(argv);
  if (values.live && values.record) throw new UserError("Invalid arguments", "--live and --record cannot be combined", fix);
  if (values.check && (values.live || values.record))
    throw new UserError("Invalid arguments", "--check replays offline; leave out --live and --record", fix);
  if (positionals.length > 1) throw new UserError("Invalid arguments", `expected one lesson, got ${positionals.join(" ")}`, fix);
  if (values.all && positionals.length)
    throw new UserError("Invalid arguments", "--all runs every lesson; leave out the lesson number", fix);
  if (values.part && (values.all || positionals.length))
    throw new UserError("Invalid arguments", "--part runs every lesson of a part; leave out --all and the lesson number", fix);
  const timeout = positiveInteger("--timeout", values.timeout, "a number of seconds such as 60");
  return {
    lesson: positionals[0],
    all: values.all ?? false,
    parts: values.part ?? [],
    mode: values.record ? "record" : values.live ? "live" : "replay",
    check: values.check ?? false,
    stopAfter: positiveInteger("--stop-after", values["stop-after"], "a cell number such as 3"),
    timeoutMs: timeout === undefined ? undefined : timeout * 1000,
    report: !values["no-report"],
    help: values.help ?? false,
    dirs: { lessons: values.lessons, fixtures: values.fixtures, reports: values.reports },
  };
}

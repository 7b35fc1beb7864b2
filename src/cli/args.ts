// Command-line arguments of `npm run lesson`.
import { parseArgs } from "node:util";
import { UserError } from "../errors.ts";
import { isLang, LANGS, type Lang } from "../lang.ts";
import { PACES, type PaceName } from "../clock/pace.ts";
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
  readonly allowEmpty: boolean;
  readonly help: boolean;
  /** `--lang`; without it the locale decides (LANG=ko_KR.UTF-8 → ko), and --check checks every language. */
  readonly lang: Lang | undefined;
  /** Workshop mode: pause before each code cell, replay's pace, lenient matching. */
  readonly step: boolean;
  readonly pace: PaceName;
  readonly lenient: boolean;
  readonly dirs: { lessons?: string; fixtures?: string; reports?: string };
}

export const USAGE = `Usage: npm run lesson [N] [-- options]

  npm run lesson               list the lessons
  npm run lesson 3             run lesson 3 offline from fixtures/03-….json
  npm run lesson 3 -- --live   run lesson 3 against the API (needs OPENAI_API_KEY)
  npm run lesson 3 -- --record run live and rewrite lesson 3's fixture and report
  npm run lesson 3 -- --lang ko run the Korean course's lesson 3 (reports/ko/…)

Options:
  --live              use the real API; the fixture is left untouched
  --record            use the real API and save what happened as the new fixture
  --all               run every lesson (e.g. --record --all)
  --part ID           run every lesson of one part, e.g. --record --part responses
                      (part 2, the one that runs live today); may be given twice
  --check             check that each report matches its fixture, in every language (writes nothing)
  --lang en|ko        the course's language (default: from LC_ALL, LC_MESSAGES or LANG; else en)
  --stop-after N      stop after code cell N (no report is written)
  --timeout SECONDS   live and record: give up on a request with no answer (default 60)
  --no-report         do not write reports/NN-….md
  --step              pause before each code cell: Enter runs it, n shows only the
                      narrative up to the next one, q quits (exit code 0, no report)
  --pace PACE         replay at the recorded timing: recorded, 2x, or instant (default)
  --lenient           replay: a request with no recording gets the recorded answer to the
                      closest one (same endpoint and position), labelled as such
  --allow-empty       record: write a recording that captured no request over a fixture that has some
  --fixtures DIR      read and write fixtures in DIR (default: fixtures)
  --reports DIR       write reports in DIR (default: reports)
  --lessons DIR       read lessons from DIR (default: lessons)
  -h, --help          show this help`;

const fix = 'run "npm run lesson -- --help" for the options';
const FLAGS = [
  "live",
  "record",
  "all",
  "check",
  "stop-after",
  "timeout",
  "no-report",
  "lang",
  "step",
  "pace",
  "lenient",
  "allow-empty",
] as const;

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
        lang: { type: "string" },
        step: { type: "boolean" },
        pace: { type: "string" },
        lenient: { type: "boolean" },
        "allow-empty": { type: "boolean" },
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

type Values = ReturnType<typeof parse>["values"];

/** Workshop options shape a replay a person watches: CI's --check and live runs never take them. */
function checkWorkshop(values: Values): void {
  if (values.pace !== undefined && !(PACES as readonly string[]).includes(values.pace))
    throw new UserError(`Invalid --pace "${values.pace}"`, `expected ${PACES.slice(0, -1).join(", ")} or ${PACES.at(-1)}`, fix);
  const workshop = values.step || values.lenient || values.pace !== undefined;
  if (values.check && workshop)
    throw new UserError(
      "Invalid arguments",
      "--check compares strict, instant replays with the reports; leave out --step, --pace and --lenient",
      fix,
    );
  if ((values.live || values.record) && (values.lenient || values.pace !== undefined))
    throw new UserError(
      "Invalid arguments",
      "--pace and --lenient change how a replay answers; leave them out with --live and --record",
      fix,
    );
  if (values.record && values.step)
    throw new UserError(
      "Invalid arguments",
      "--step with --record would record your pauses as the lesson's timing; record without --step",
      fix,
    );
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
  checkWorkshop(values);
  if (values["allow-empty"] && !values.record) throw new UserError("Invalid arguments", "--allow-empty only applies to --record", fix);
  const timeout = positiveInteger("--timeout", values.timeout, "a number of seconds such as 60");
  if (values.lang !== undefined && !isLang(values.lang))
    throw new UserError(`Invalid --lang "${values.lang}"`, `expected one of ${LANGS.join(", ")}`, fix);
  return {
    lesson: positionals[0],
    all: values.all ?? false,
    parts: values.part ?? [],
    mode: values.record ? "record" : values.live ? "live" : "replay",
    check: values.check ?? false,
    stopAfter: positiveInteger("--stop-after", values["stop-after"], "a cell number such as 3"),
    timeoutMs: timeout === undefined ? undefined : timeout * 1000,
    report: !values["no-report"],
    allowEmpty: values["allow-empty"] ?? false,
    help: values.help ?? false,
    lang: values.lang as Lang | undefined,
    step: values.step ?? false,
    pace: (values.pace as PaceName | undefined) ?? "instant",
    lenient: values.lenient ?? false,
    dirs: { lessons: values.lessons, fixtures: values.fixtures, reports: values.reports },
  };
}

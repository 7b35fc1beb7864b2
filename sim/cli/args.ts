// Arguments of `npm run sim -- NAME [--port N] [--poll-after-ms N] [--polls-until-done N]`.
// Pure: argv in, options out, or a UserError that names the bad argument and the fix.
import { UserError } from "../../src/errors.ts";

export type SimArgs = { help: true } | { help: false; name: string; port: number; pollAfterMs?: number; pollsUntilDone?: number };

export const SIM_USAGE = `Usage: npm run sim -- NAME [options]

Starts a local API simulator on 127.0.0.1 and prints "listening http://127.0.0.1:PORT/v1"
(use it as OPENAI_BASE_URL). Ctrl-C stops it.

Options:
  --port N               port to listen on (0 or none: a free port)
  --poll-after-ms N      send openai-poll-after-ms: N on runs, so SDK poll helpers wait N ms, not 5 s
  --polls-until-done N   a run (or background response) finishes on its N-th retrieve (default 2)
  -h, --help             this text

Simulators: assistants (Assistants API v2), responses (Responses + Conversations APIs).`;

const MAX_PORT = 65535;
const OPTIONS = "the options are --port, --poll-after-ms and --polls-until-done";

/** A count option; the fix shows the flag with a sensible value. */
function wholeNumber(flag: string, value: string | undefined, name: string, example: number): number {
  const n = Number(value);
  if (value === undefined || value.trim() === "" || !Number.isInteger(n) || n < 0) {
    const reason = `expected a whole number of 0 or more, got ${JSON.stringify(value ?? "")}`;
    throw new UserError(`Bad value for ${flag}`, reason, `npm run sim -- ${name} ${flag} ${example}`);
  }
  return n;
}

function port(value: string | undefined, fix: string): number {
  const n = Number(value);
  if (value === undefined || !/^\d+$/.test(value.trim()) || n > MAX_PORT) {
    const reason = `a port is a whole number from 0 to ${MAX_PORT} (0 picks a free one)`;
    throw new UserError(`Bad port ${JSON.stringify(value ?? "")}`, reason, fix);
  }
  return n;
}

/** `names` are the simulators that exist; the first one is used in suggested commands. */
export function parseSimArgs(argv: readonly string[], names: readonly string[]): SimArgs {
  if (argv.includes("--help") || argv.includes("-h")) return { help: true };
  const example = (name = names[0]) => `npm run sim -- ${name} --port 8787`;
  const [name, ...rest] = argv;
  const choose = `choose one of ${names.join(", ")}`;
  if (name === undefined || name.startsWith("-")) throw new UserError("Missing simulator name", choose, example());
  if (!names.includes(name)) throw new UserError(`Unknown simulator ${JSON.stringify(name)}`, choose, example());
  const fix = `npm run sim -- ${name} --port 0`;
  const args: SimArgs = { help: false, name, port: 0 };
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? (arg.split("=", 2) as [string, string]) : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    if (flag === "--port") args.port = port(value(), fix);
    else if (flag === "--poll-after-ms") args.pollAfterMs = wholeNumber(flag, value(), name, 100);
    else if (flag === "--polls-until-done") args.pollsUntilDone = Math.max(1, wholeNumber(flag, value(), name, 2));
    else throw new UserError(`Unknown argument ${JSON.stringify(arg)}`, OPTIONS, "npm run sim -- --help");
  }
  return args;
}

// Arguments of `npm run emulator -- [--port N] [--upstream URL] [--db FILE] [--poll-after-ms N]`.
// Pure: argv in, options out, or a UserError naming the bad argument and the fix.
import { UserError } from "../../src/errors.ts";
import { DEFAULT_UPSTREAM } from "../start.ts";

export const DEFAULT_DATABASE = ".emulator/assistants.sqlite";
export const DEFAULT_POLL_AFTER_MS = 500;

export type EmulatorArgs = { help: true } | { help: false; port: number; upstream: string; database: string; pollAfterMs: number };

export const EMULATOR_USAGE = `Usage: npm run emulator -- [options]

Serves the Assistants API v2 on 127.0.0.1 and carries it out with an upstream Responses and
Conversations API. Prints "listening http://127.0.0.1:PORT/v1" (use it as OPENAI_BASE_URL).
The upstream key is OPENAI_API_KEY, from the environment or .env. Ctrl-C stops it.

Options:
  --port N            port to listen on (0 or none: a free port)
  --upstream URL      the Responses API to use (default ${DEFAULT_UPSTREAM})
  --db FILE           where assistants, threads, messages and runs are kept (default ${DEFAULT_DATABASE})
  --poll-after-ms N   the openai-poll-after-ms hint sent with runs (default ${DEFAULT_POLL_AFTER_MS})
  -h, --help          this text`;

const FIX = "npm run emulator -- --port 8787 --upstream https://api.openai.com/v1";

function port(value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value.trim()) || Number(value) > 65535) {
    throw new UserError(`Bad port ${JSON.stringify(value ?? "")}`, "a port is a whole number from 0 to 65535 (0 picks a free one)", FIX);
  }
  return Number(value);
}

function upstream(value: string | undefined): string {
  let url: URL | undefined;
  try {
    url = new URL(value ?? "");
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new UserError(`Bad upstream ${JSON.stringify(value ?? "")}`, "expected an http(s) URL ending in /v1", FIX);
  }
  return url.href.replace(/\/+$/, "");
}

function wholeNumber(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value.trim())) {
    throw new UserError(
      `Bad value for ${flag}`,
      `expected a whole number of 0 or more, got ${JSON.stringify(value ?? "")}`,
      `npm run emulator -- ${flag} 500`,
    );
  }
  return Number(value);
}

export function parseEmulatorArgs(argv: readonly string[]): EmulatorArgs {
  if (argv.includes("--help") || argv.includes("-h")) return { help: true };
  const args = {
    help: false as const,
    port: 0,
    upstream: DEFAULT_UPSTREAM,
    database: DEFAULT_DATABASE,
    pollAfterMs: DEFAULT_POLL_AFTER_MS,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? (arg.split("=", 2) as [string, string]) : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === "--port") args.port = port(value());
    else if (flag === "--upstream") args.upstream = upstream(value());
    else if (flag === "--db") args.database = value() ?? DEFAULT_DATABASE;
    else if (flag === "--poll-after-ms") args.pollAfterMs = wholeNumber(flag, value());
    else
      throw new UserError(
        `Unknown argument ${JSON.stringify(arg)}`,
        "the options are --port, --upstream, --db and --poll-after-ms",
        "npm run emulator -- --help",
      );
  }
  return args;
}

// `npm run docs [-- --serve] [--port N] [--out DIR] [--lang L]`: builds the docs site from
// the lessons and fixtures, offline, and optionally serves it on localhost. Started by
// entry.ts, which turns on the compile cache first.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { defaultDirs } from "../course/catalog.ts";
import { UserError } from "../errors.ts";
import { highlightAhead } from "./highlight.ts";
import { aheadRequest, siteLanguages } from "./lang.ts";
import { serveSite } from "./serve.ts";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const USAGE = `Usage: npm run docs [-- options]

  npm run docs               build the site into site/ (offline, from the fixtures)
  npm run docs -- --serve    build it, then serve it on http://127.0.0.1 (Ctrl-C stops)

Options:
  --serve        serve the site after building it
  --port N       port for --serve (default: a free one)
  --out DIR      build into DIR (default: site)
  --lang L       build one language only (default: every language with course data)
  -h, --help     show this help`;

function args(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        serve: { type: "boolean", default: false },
        port: { type: "string", default: "0" },
        out: { type: "string", default: "site" },
        lang: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (error) {
    throw new UserError("Invalid arguments for npm run docs", (error as Error).message, 'run "npm run docs -- --help" for the options');
  }
}

// A lesson cell that waits for something that can never happen would leave the build hanging.
let running: AbortController | undefined;
process.on("beforeExit", () => running?.abort(new Error("the cell never finished: it waited for something that can no longer happen")));

async function main(argv: readonly string[]): Promise<void> {
  const options = args(argv);
  if (options.help) return void process.stdout.write(`${USAGE}\n`);
  const port = Number(options.port);
  if (!/^\d+$/.test(options.port) || port > 65535) {
    throw new UserError(
      `Invalid --port "${options.port}"`,
      "expected a port number from 0 to 65535",
      "npm run docs -- --serve --port 8080",
    );
  }
  const dirs = defaultDirs(ROOT);
  const out = resolve(ROOT, options.out);
  const started = performance.now();
  running = new AbortController();
  const languages = siteLanguages(dirs, options.lang);
  // The highlighting worker starts first, so it works while the session's modules load.
  const highlight = highlightAhead(aheadRequest(dirs, languages));
  highlight.catch(() => {});
  const { buildSite } = await import("./build.ts");
  const stats = await buildSite({ dirs, out, languages, linked: siteLanguages(dirs), signal: running.signal }, highlight);
  running = undefined;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
  process.stdout.write(
    `Built the site: ${stats.lessons} lessons, ${stats.files} files, ${kb(stats.bytes)} in ${options.out}/ (${seconds} s; largest page ${stats.largest.path}, ${kb(stats.largest.bytes)})\n`,
  );
  for (const note of stats.fallbacks) process.stderr.write(`lessonbook: ${note}\n`);
  for (const number of stats.failed) {
    process.stderr.write(
      `lessonbook: lesson ${number} failed when replayed; its page shows the error. Fix: run "npm run lesson ${number}" to see it\n`,
    );
  }
  if (!options.serve) {
    // Lessons may leave timers behind; the build is over, so end the process.
    process.stdout.write("", () => process.exit(stats.failed.length ? 1 : 0));
    return;
  }
  const server = await serveSite(out, port);
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  process.stdout.write(`Serving ${options.out}/ at http://127.0.0.1:${actual}/ (Ctrl-C stops)\n`);
  process.once("SIGINT", () => server.close(() => process.exit(0)));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UserError) process.stderr.write(`lessonbook: ${error.message}\n`);
  else process.stderr.write(`lessonbook: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(error instanceof UserError ? error.exitCode : 1);
});

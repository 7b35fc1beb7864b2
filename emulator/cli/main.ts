// `npm run emulator -- --port 8787 --upstream URL`: starts the Assistants API emulator and prints
// exactly one line, `listening http://127.0.0.1:PORT/v1`, once it accepts connections.
// The upstream key comes from OPENAI_API_KEY (the environment wins over .env); it is never printed.
import dotenv from "dotenv";
import { UserError } from "../../src/errors.ts";
import { stopOnSignal } from "../../sim/core/server.ts";
import type { EmulatorServer } from "../adapters/http-server.ts";
import { startEmulator } from "../start.ts";
import { EMULATOR_USAGE, parseEmulatorArgs } from "./args.ts";

function upstreamKey(): string {
  dotenv.config({ quiet: true });
  const key = process.env["OPENAI_API_KEY"]?.trim();
  if (!key) {
    throw new UserError(
      "No upstream key",
      "OPENAI_API_KEY is not set in the environment or .env",
      "echo 'OPENAI_API_KEY=<your key>' > .env",
    );
  }
  return key;
}

async function main(argv: readonly string[]): Promise<void> {
  const args = parseEmulatorArgs(argv);
  if (args.help) return void process.stdout.write(`${EMULATOR_USAGE}\n`);
  const apiKey = upstreamKey();
  let server: EmulatorServer;
  try {
    server = await startEmulator({
      upstream: args.upstream,
      apiKey,
      database: args.database,
      port: args.port,
      pollAfterMs: args.pollAfterMs,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    throw new UserError(`Port ${args.port} is in use`, "another program listens on 127.0.0.1 there", "npm run emulator -- --port 0");
  }
  stopOnSignal(server);
  process.stdout.write(`listening ${server.baseUrl}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UserError) process.stderr.write(`emulator: ${error.message}\n`);
  else process.stderr.write(`emulator: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof UserError ? error.exitCode : 1;
});

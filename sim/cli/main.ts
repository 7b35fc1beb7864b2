// `npm run sim -- assistants --port 8787` (or `responses`): starts a simulator and prints exactly one line,
// `listening http://127.0.0.1:PORT/v1`, once it accepts connections; Ctrl-C stops it.
// The composition root: the one place that hands a simulator the course's scripted answers.
import { ASSISTANTS_ANSWERS } from "../../lessons/answers/assistants.ts";
import { RESPONSES_ANSWERS } from "../../lessons/answers/responses.ts";
import { UserError } from "../../src/errors.ts";
import { createAssistantsSim } from "../assistants/simulator.ts";
import { createResponsesSim } from "../responses/simulator.ts";
import { type SimServer, startServer, stopOnSignal } from "../core/server.ts";
import type { Simulator } from "../core/types.ts";
import { SIM_USAGE, parseSimArgs } from "./args.ts";

type Tuning = { pollAfterMs?: number; pollsUntilDone?: number };

/** Every simulator the command can start, by name. */
const SIMULATORS: Readonly<Record<string, (tuning: Tuning) => Simulator>> = {
  assistants: (tuning) => createAssistantsSim({ answers: ASSISTANTS_ANSWERS, ...tuning }),
  responses: ({ pollsUntilDone }) => createResponsesSim({ answers: RESPONSES_ANSWERS, pollsUntilDone }),
};

async function listen(simulator: Simulator, port: number, name: string): Promise<SimServer> {
  try {
    return await startServer(simulator, { port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    throw new UserError(`Port ${port} is in use`, "another program listens on 127.0.0.1 there", `npm run sim -- ${name} --port 0`);
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const args = parseSimArgs(argv, Object.keys(SIMULATORS));
  if (args.help) return void process.stdout.write(`${SIM_USAGE}\n`);
  const { help: _help, name, port, ...tuning } = args;
  const server = await listen(SIMULATORS[name]!(tuning), port, name);
  stopOnSignal(server);
  process.stdout.write(`listening ${server.baseUrl}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UserError) process.stderr.write(`sim: ${error.message}\n`);
  else process.stderr.write(`sim: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = error instanceof UserError ? error.exitCode : 1;
});

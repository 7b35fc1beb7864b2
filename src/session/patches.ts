// Everything a lesson run changes in the process, installed in one place and removed in
// reverse order by one dispose, whatever happened in between: the environment, the clock,
// stdout/stderr/console capture, the helpers' host, the cell-boundary hook, and guards
// against `process.exit`, uncaught exceptions and unhandled rejections from lesson code.
// `process.exit(n)` ends the lesson, not the runner: the cell that called it ends with that
// status (0 ends the lesson there, successfully), and the run still gets its summary and report.
import { installHost, type LessonHost } from "../helpers/bridge.ts";
import { applyEnv } from "../modes/mode.ts";
import { installFastForwardClock, type ClockStats } from "../clock/fast-forward.ts";
import { captureStdio, type StreamName } from "../notebook/stdio-capture.ts";
import { ENTER_KEY } from "../notebook/loader.ts";
import { belongsElsewhere, lessonContext } from "./context.ts";

/** Thrown where a lesson calls `process.exit(code)`, and ends the run: the lesson ended there. */
export class LessonExitError extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`the lesson ended with process.exit(${code})`);
    this.name = "LessonExitError";
    this.code = code;
  }
}

/** `process.exit("2")`, `process.exit()` with `process.exitCode = 1`: the status Node would exit with. */
const exitStatus = (code: unknown): number => {
  const status = Number(code ?? process.exitCode ?? 0);
  return Number.isInteger(status) ? status : 1;
};

export interface PatchOptions {
  readonly owner: symbol;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fastForward: boolean;
  readonly onText: (name: StreamName, text: string) => void;
  readonly host: LessonHost;
  readonly enter: (index: number) => Promise<void>;
  /** An error that escaped the lesson's own control flow (a callback threw, a rejection nobody handled), or its exit. */
  readonly onStray: (error: unknown) => void;
}

type EnterSlot = { [ENTER_KEY]?: (index: number) => Promise<void> };

function guardProcess(options: PatchOptions, stack: DisposableStack, exited: { error?: LessonExitError }): void {
  const exit = process.exit;
  process.exit = ((code?: number | string | null) => {
    const ended = new LessonExitError(exitStatus(code));
    // The run ends here even if the lesson catches what is thrown to unwind it.
    if (!belongsElsewhere(options.owner)) {
      exited.error ??= ended;
      options.onStray(ended);
    }
    throw ended;
  }) as typeof process.exit;
  stack.defer(() => {
    process.exit = exit;
  });
  const stray = (error: unknown) => {
    if (!belongsElsewhere(options.owner)) options.onStray(error);
  };
  process.on("uncaughtException", stray);
  process.on("unhandledRejection", stray);
  stack.defer(() => {
    process.off("uncaughtException", stray);
    process.off("unhandledRejection", stray);
  });
}

export interface ProcessPatches extends Disposable {
  /** What the fast-forward clock did (replay), read before disposing. */
  clockStats(): ClockStats | undefined;
  /** Replay: the lesson's own timers still due on the fast-forward clock. */
  pendingTimers(): number;
}

export function installProcessPatches(options: PatchOptions): ProcessPatches {
  const stack = new DisposableStack();
  let clock: ReturnType<typeof installFastForwardClock> | undefined;
  try {
    stack.defer(applyEnv(options.env));
    if (options.fastForward) clock = stack.use(installFastForwardClock(() => lessonContext.getStore() === options.owner));
    // Output from a lesson run that already ended (left-over callbacks in --all) is dropped.
    stack.defer(
      captureStdio((name, text) => {
        if (!belongsElsewhere(options.owner)) options.onText(name, text);
      }),
    );
    installHost(options.host);
    stack.defer(() => installHost(undefined));
    // After process.exit no further cell starts, whatever the lesson did with the error.
    const exited: { error?: LessonExitError } = {};
    (globalThis as EnterSlot)[ENTER_KEY] = (index) => (exited.error ? Promise.reject(exited.error) : options.enter(index));
    stack.defer(() => void delete (globalThis as EnterSlot)[ENTER_KEY]);
    guardProcess(options, stack, exited);
  } catch (error) {
    stack.dispose();
    throw error;
  }
  return { clockStats: () => clock?.stats(), pendingTimers: () => clock?.pendingTimers() ?? 0, [Symbol.dispose]: () => stack.dispose() };
}

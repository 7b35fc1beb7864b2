// Everything a lesson run changes in the process, installed in one place and removed in
// reverse order by one dispose, whatever happened in between: the environment, the clock,
// stdout/stderr/console capture, the helpers' host, the cell-boundary hook, and guards
// against `process.exit`, uncaught exceptions and unhandled rejections from lesson code.
import { installHost, type LessonHost } from "../helpers/bridge.ts";
import { applyEnv } from "../modes/mode.ts";
import { installFastForwardClock, type ClockStats } from "../clock/fast-forward.ts";
import { captureStdio, type StreamName } from "../notebook/stdio-capture.ts";
import { ENTER_KEY } from "../notebook/loader.ts";
import { belongsElsewhere } from "./context.ts";

/** Thrown where a lesson calls `process.exit`: the runner's process is not the lesson's to end. */
export class LessonExitError extends Error {
  readonly code: number;
  constructor(code: number) {
    super(
      `the lesson called process.exit(${code}); a lesson must not end the runner's process (throw an error to stop the lesson instead)`,
    );
    this.name = "LessonExitError";
    this.code = code;
  }
}

export interface PatchOptions {
  readonly owner: symbol;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fastForward: boolean;
  readonly onText: (name: StreamName, text: string) => void;
  readonly host: LessonHost;
  readonly enter: (index: number) => Promise<void>;
  /** An error that escaped the lesson's own control flow (a callback threw, a rejection nobody handled). */
  readonly onStray: (error: unknown) => void;
}

type EnterSlot = { [ENTER_KEY]?: (index: number) => Promise<void> };

function guardProcess(options: PatchOptions, stack: DisposableStack): void {
  const exit = process.exit;
  process.exit = ((code?: number | string | null) => {
    throw new LessonExitError(Number(code ?? process.exitCode ?? 0));
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
}

export function installProcessPatches(options: PatchOptions): ProcessPatches {
  const stack = new DisposableStack();
  let clock: ReturnType<typeof installFastForwardClock> | undefined;
  try {
    stack.defer(applyEnv(options.env));
    if (options.fastForward) clock = stack.use(installFastForwardClock());
    // Output from a lesson run that already ended (left-over callbacks in --all) is dropped.
    stack.defer(
      captureStdio((name, text) => {
        if (!belongsElsewhere(options.owner)) options.onText(name, text);
      }),
    );
    installHost(options.host);
    stack.defer(() => installHost(undefined));
    (globalThis as EnterSlot)[ENTER_KEY] = options.enter;
    stack.defer(() => void delete (globalThis as EnterSlot)[ENTER_KEY]);
    guardProcess(options, stack);
  } catch (error) {
    stack.dispose();
    throw error;
  }
  return { clockStats: () => clock?.stats(), [Symbol.dispose]: () => stack.dispose() };
}

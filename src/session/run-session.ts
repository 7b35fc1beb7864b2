// One lesson run, headless: the library entry that the CLI, the tests, the benchmark and
// the site builder all call. It parses the lesson, opens the mode, installs the process
// patches and the traffic door, runs the cells, takes everything down again, and hands
// back the run and the files to write (nothing is written here).
import type { CourseDirs, Lesson } from "../course/catalog.ts";
import type { Provenance } from "../fixtures/format.ts";
import { createTurnstile } from "../fixtures/ticket.ts";
import { APIError } from "openai";
import type { ClockStats } from "../clock/fast-forward.ts";
import { timeoutGuidance } from "../modes/guidance.ts";
import type { ModeName, ModeSession, PendingWrite } from "../modes/mode.ts";
import { describeMode, openMode, shownPath } from "../modes/open.ts";
import type { Notebook } from "../notebook/cells.ts";
import type { NotebookRun, RunEvents } from "../notebook/execute.ts";
import { createKernel, StopSignal } from "../notebook/kernel.ts";
import { importInstrumented, instrument } from "../notebook/loader.ts";
import { lessonContext } from "./context.ts";
import { installProcessPatches } from "./patches.ts";
import { reportWrite } from "./report-file.ts";
import { checkStopAfter, readNotebook } from "./notebook-file.ts";
import { installTraffic, type Traffic } from "./traffic.ts";

/** Live requests that get no answer are abandoned after this long (override with --timeout). */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** How long a finished replay waits for requests the lesson left in flight. */
const REPLAY_SETTLE_MS = 5_000;

export interface SessionOptions {
  readonly lesson: Lesson;
  readonly dirs: CourseDirs;
  readonly mode: ModeName;
  readonly stopAfter?: number;
  /** Live and record: ms a request may wait for an answer. */
  readonly timeoutMs?: number;
  /** Include the report among the writes (default true). */
  readonly report?: boolean;
  /** Called once the mode is open, before the first cell. */
  readonly onStart?: (start: { notebook: Notebook; modeLine: string }) => void;
  readonly events?: RunEvents;
  /** Notices for a person at the terminal (recorded-input hints, slow requests). */
  readonly say?: (text: string) => void;
  /** Aborting fails the running cell with `signal.reason` and ends the run. */
  readonly signal?: AbortSignal;
}

export interface SessionResult {
  readonly run: NotebookRun;
  readonly mode: ModeName;
  readonly provenance: Provenance | undefined;
  /** Fixture, sidecars and report, to be verified and written together (see commitWrites). */
  readonly writes: readonly PendingWrite[];
  /** Where the report goes, if one is written. */
  readonly reportPath: string | undefined;
  /** Values that must never be written (the API key). */
  readonly secrets: readonly string[];
  /** Short sha256 of the fixture replayed or recorded. */
  readonly fixtureSha256: string | undefined;
  /** Replay: what its fast-forward clock did (virtual time advanced, timers fired, real sleeps). */
  readonly clock: ClockStats | undefined;
  /** The ms of every `sleep(ms)` the lesson asked for (replay returns from them at once). */
  readonly lessonSleeps: readonly number[];
}

/** A live request the --timeout abandoned explains whatever error the SDK raised for it. */
function explainTimeout(mode: ModeSession, traffic: Traffic | undefined, thrown: unknown): Error | undefined {
  const timedOut = traffic?.timedOut();
  if (!timedOut || (thrown instanceof APIError && thrown.status !== undefined && thrown.status !== 504)) return undefined;
  return timeoutGuidance(mode.env["OPENAI_BASE_URL"] ?? "the server", timedOut.request, timedOut.ms, thrown);
}

/** Settles when the lesson module finished, or rejects on an abort or a stray error. */
function whenStopped(signal: AbortSignal | undefined): { stopped: Promise<never>; stray: (error: unknown) => void } {
  let stray: (error: unknown) => void = () => {};
  const stopped = new Promise<never>((_, reject) => {
    stray = reject;
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
  stopped.catch(() => {});
  return { stopped, stray };
}

export async function runSession(options: SessionOptions): Promise<SessionResult> {
  const { lesson, dirs } = options;
  const { notebook, text } = readNotebook(lesson, dirs);
  checkStopAfter(notebook, lesson, options.stopAfter);
  const say = options.say ?? (() => {});
  const turnstile = createTurnstile();
  const mode = await openMode(options.mode, lesson, dirs, { say, turnstile });
  const modeLine = describeMode(mode, shownPath(dirs, lesson.fixturePath));
  options.onStart?.({ notebook, modeLine });
  const owner = Symbol(lesson.id);
  const started = performance.now();
  let traffic: Traffic | undefined;
  const services = { ...mode, explainError: (thrown: unknown) => explainTimeout(mode, traffic, thrown) ?? mode.explainError(thrown) };
  const kernel = createKernel(notebook, { root: dirs.root, stopAfter: options.stopAfter, services, events: options.events ?? {} });
  const { stopped, stray } = whenStopped(options.signal);
  let status: NotebookRun["status"] = "ok";
  let clock: ClockStats | undefined;
  const lessonSleeps: number[] = [];
  const sleep = (ms: number) => {
    lessonSleeps.push(ms);
    return mode.sleep(ms);
  };
  try {
    traffic = installTraffic({
      owner,
      turnstile,
      say,
      clock: () => Math.round(performance.now() - started),
      cell: () => kernel.current()?.id,
      timeoutMs: options.mode === "replay" ? undefined : (options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    using patches = installProcessPatches({
      owner,
      env: mode.env,
      fastForward: mode.name === "replay",
      onStray: stray,
      onText: (name, chunk) => kernel.emit({ type: "stream", name, text: chunk }),
      host: { display: (item) => kernel.emit({ type: "json", value: item.value }), sleep, input: kernel.input },
      enter: kernel.enter,
    });
    try {
      const source = instrument(notebook, text);
      await Promise.race([lessonContext.run(owner, () => importInstrumented(lesson.file, source)), stopped]);
      // Requests the lesson started but did not wait for still belong to its last cell.
      await traffic.settle(options.mode === "replay" ? REPLAY_SETTLE_MS : (options.timeoutMs ?? DEFAULT_TIMEOUT_MS));
    } catch (thrown) {
      if (thrown instanceof StopSignal) status = "stopped";
      else {
        status = "error";
        kernel.fail(thrown);
      }
    }
    clock = patches.clockStats();
  } finally {
    traffic?.[Symbol.dispose]();
  }
  const run: NotebookRun = { notebook, results: kernel.results(), status };
  const closed = await mode.close(status === "ok");
  const report = options.report === false ? undefined : reportWrite({ run, lesson, dirs, mode: mode.name, modeLine, closed });
  return {
    run,
    mode: mode.name,
    provenance: closed.provenance,
    secrets: mode.secrets,
    fixtureSha256: closed.fixtureSha256,
    clock,
    lessonSleeps,
    writes: [...closed.writes, ...(report ? [report] : [])],
    reportPath: report?.path,
  };
}

// One lesson run, headless: the library entry that the CLI, the tests, the benchmark and
// the site builder all call. It parses the lesson, opens the mode, installs the process
// patches and the traffic door, runs the cells, takes everything down again, and hands
// back the run and the files to write (nothing is written here).
import type { CourseDirs, Lesson } from "../course/catalog.ts";
import type { Provenance } from "../fixtures/format.ts";
import { createTurnstile, type Turnstile } from "../fixtures/ticket.ts";
import { APIError } from "openai";
import type { ClockStats } from "../clock/fast-forward.ts";
import type { LessonHost } from "../helpers/bridge.ts";
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

interface Execution {
  readonly run: NotebookRun;
  readonly clock: ClockStats | undefined;
  readonly lessonSleeps: readonly number[];
}

/** Imports the instrumented lesson and waits for it; a stop, an abort or a stray error ends it. */
async function runCells(
  input: { notebook: Notebook; text: string; lesson: Lesson; owner: symbol; stopped: Promise<never> },
  traffic: Traffic,
  settleMs: number,
  kernel: ReturnType<typeof createKernel>,
): Promise<NotebookRun["status"]> {
  try {
    const source = instrument(input.notebook, input.text);
    await Promise.race([lessonContext.run(input.owner, () => importInstrumented(input.lesson.file, source)), input.stopped]);
    // Requests the lesson started but did not wait for still belong to its last cell.
    await traffic.settle(settleMs);
    return "ok";
  } catch (thrown) {
    if (thrown instanceof StopSignal) return "stopped";
    kernel.fail(thrown);
    return "error";
  }
}

/** Hands what helpers display to the kernel; an image name shown twice would overwrite a file, so it is refused. */
function displayer(kernel: ReturnType<typeof createKernel>): LessonHost["display"] {
  const images = new Set<string>();
  return (item) => {
    if (item.kind === "json") return kernel.emit({ type: "json", value: item.value });
    if (images.has(item.name))
      throw new TypeError(`show_image: this lesson already showed an image named ${item.name}; give each image its own name`);
    images.add(item.name);
    kernel.emit({ type: "image", name: item.name, contentType: item.contentType, data: new Uint8Array(item.data) });
  };
}

/** Runs the cells with the traffic door and the process patches in place, and takes both down. */
async function execute(
  options: SessionOptions,
  notebook: Notebook,
  text: string,
  mode: ModeSession,
  turnstile: Turnstile,
): Promise<Execution> {
  const { lesson, dirs } = options;
  const owner = Symbol(lesson.id);
  const started = performance.now();
  const live = options.mode !== "replay";
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let traffic: Traffic | undefined;
  const services = { ...mode, explainError: (thrown: unknown) => explainTimeout(mode, traffic, thrown) ?? mode.explainError(thrown) };
  const kernel = createKernel(notebook, { root: dirs.root, stopAfter: options.stopAfter, services, events: options.events ?? {} });
  const { stopped, stray } = whenStopped(options.signal);
  const lessonSleeps: number[] = [];
  const sleep = (ms: number) => {
    lessonSleeps.push(ms);
    return mode.sleep(ms);
  };
  const clock = () => Math.round(performance.now() - started);
  traffic = installTraffic({
    owner,
    turnstile,
    say: options.say ?? (() => {}),
    clock,
    cell: () => kernel.current()?.id,
    timeoutMs: live ? timeoutMs : undefined,
  });
  try {
    using patches = installProcessPatches({
      owner,
      env: mode.env,
      fastForward: !live,
      onStray: stray,
      onText: (name, chunk) => kernel.emit({ type: "stream", name, text: chunk }),
      host: { display: displayer(kernel), sleep, input: kernel.input },
      enter: kernel.enter,
    });
    const status = await runCells({ notebook, text, lesson, owner, stopped }, traffic, live ? timeoutMs : REPLAY_SETTLE_MS, kernel);
    return { run: { notebook, results: kernel.results(), status }, clock: patches.clockStats(), lessonSleeps };
  } finally {
    traffic[Symbol.dispose]();
  }
}

export async function runSession(options: SessionOptions): Promise<SessionResult> {
  const { lesson, dirs } = options;
  const { notebook, text } = readNotebook(lesson, dirs);
  checkStopAfter(notebook, lesson, options.stopAfter);
  const turnstile = createTurnstile();
  const mode = await openMode(options.mode, lesson, dirs, { say: options.say ?? (() => {}), turnstile });
  const modeLine = describeMode(mode, shownPath(dirs, lesson.fixturePath));
  let execution: Execution;
  try {
    options.onStart?.({ notebook, modeLine });
    execution = await execute(options, notebook, text, mode, turnstile);
  } catch (error) {
    // Interception and input must come down even when the runner itself failed.
    await mode.close(false);
    throw error;
  }
  const { run } = execution;
  const closed = await mode.close(run.status === "ok");
  const report = options.report === false ? undefined : reportWrite({ run, lesson, dirs, mode: mode.name, modeLine, closed });
  // Images first, the report last: a report never points at an image that is not on disk yet.
  return {
    run,
    mode: mode.name,
    provenance: closed.provenance,
    secrets: mode.secrets,
    fixtureSha256: closed.fixtureSha256,
    clock: execution.clock,
    lessonSleeps: execution.lessonSleeps,
    writes: [...closed.writes, ...(report ? [...report.images, report.report] : [])],
    reportPath: report?.report.path,
  };
}

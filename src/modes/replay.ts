// Replay mode: every request is answered from the lesson's fixture through MSW.
import { createPacer, type PaceClock, type PaceName } from "../clock/pace.ts";
import type { Fixture, Frame } from "../fixtures/format.ts";
import { lenientMatcher, type Substitution } from "../fixtures/lenient.ts";
import type { Turnstile } from "../fixtures/ticket.ts";
import { startInterception } from "../fixtures/intercept.ts";
import { createMatcher, type Miss } from "../fixtures/match.ts";
import { ReplayMissError } from "../fixtures/miss.ts";
import { replayHandler } from "../fixtures/replay-handler.ts";
import type { Sidecars } from "../fixtures/sidecar.ts";
import type { Messages } from "../render/messages.ts";
import { recordedInput, stdinLines } from "./input.ts";
import type { ModeSession } from "./mode.ts";

/** The SDK refuses to start without a key; replay needs none, so it gets an obvious stand-in. */
export const REPLAY_API_KEY = "replay-needs-no-key";

/**
 * The OPENAI_BASE_URL a replay runs with. Requests are matched by path, so only a recording
 * whose base URL had a path other than the SDK's `/v1` needs it set; otherwise it is left
 * unset (whatever the shell says), as a client that picks its own base URL or endpoint
 * (`new AzureOpenAI({ endpoint })`) needs. Nothing reaches the network either way.
 */
function replayBaseUrl(recorded: string): string | undefined {
  try {
    return new URL(recorded).pathname.replace(/\/+$/, "") === "/v1" ? undefined : recorded;
  } catch {
    return undefined;
  }
}

export interface ReplayOptions {
  readonly fixture: Fixture;
  readonly fixtureSha256: string;
  readonly turnstile: Turnstile;
  /** The fixture's binary bodies, verified by loadSidecars. */
  readonly sidecars: Sidecars;
  readonly recordCommand: string;
  /** Writes to the terminal only (hints for a person typing recorded input). */
  readonly say: (text: string) => void;
  /** Words those hints (English by default). */
  readonly messages?: Messages;
  /** Workshop options: how a replay is paced and whether it answers requests it has no recording of. */
  readonly workshop?: ReplayWorkshop;
}

export interface ReplayWorkshop {
  /** `--pace`: "instant" (the default) never waits. */
  readonly pace?: PaceName;
  /** Where a paced replay reads the time and waits (tests count the waits). */
  readonly paceClock?: PaceClock;
  /**
   * `--lenient`: a request with no recording gets the recorded answer to the closest request
   * of the same endpoint and position, and `onSubstitute` hears of it. Absent: strict.
   */
  readonly lenient?: { readonly onSubstitute: (substitution: Substitution) => void };
  /** Offered by a strict miss, e.g. `npm run lesson 3 -- --lenient`. */
  readonly lenientCommand?: string;
}

export function startReplay(options: ReplayOptions): ModeSession {
  const { fixture } = options;
  const workshop = options.workshop ?? {};
  const pending: ReplayMissError[] = [];
  const strict = createMatcher(fixture.exchanges);
  const lenient = workshop.lenient;
  const matcher = lenient ? lenientMatcher(strict, fixture.exchanges, lenient.onSubstitute) : strict;
  const offered = lenient ? undefined : workshop.lenientCommand;
  const streamed: string[] = [];
  const listeners = {
    onMiss: (miss: Miss) => pending.push(new ReplayMissError(miss, options.recordCommand, offered)),
    onFrame: (frame: Frame) => streamed.push(frame.event ?? "message"),
  };
  const pacer = createPacer(workshop.pace ?? "instant", workshop.paceClock);
  const server = startInterception(replayHandler(matcher, options.sidecars, options.turnstile, listeners, pacer));
  const input = recordedInput(
    fixture.inputs ?? [],
    options.say,
    Boolean(process.stdin.isTTY),
    stdinLines(),
    options.messages,
    Boolean(lenient),
  );
  return {
    name: "replay",
    env: {
      OPENAI_API_KEY: REPLAY_API_KEY,
      AZURE_OPENAI_API_KEY: REPLAY_API_KEY,
      OPENAI_BASE_URL: replayBaseUrl(fixture.provenance.baseUrl),
      OPENAI_ORG_ID: undefined,
      OPENAI_PROJECT_ID: undefined,
    },
    // Recorded lessons already waited once; a replay has nothing to wait for.
    sleep: () => new Promise((resolve) => setImmediate(resolve)),
    takeFailure: () => pending.shift(),
    readInput: (prompt) => input.read(prompt),
    explainError: (thrown) => thrown,
    // The fast-forward clock is installed with the rest of the run's process patches.
    drainStreamEvents: () => streamed.splice(0),
    secrets: [],
    close: async () => {
      input.close();
      server.close();
      return { writes: [], provenance: fixture.provenance, fixtureSha256: options.fixtureSha256 };
    },
  };
}

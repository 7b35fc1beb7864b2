// Replay mode: every request is answered from the lesson's fixture through MSW.
import { dirname } from "node:path";
import { setupServer } from "msw/node";
import type { Fixture } from "../fixtures/format.ts";
import { createMatcher } from "../fixtures/match.ts";
import { ReplayMissError } from "../fixtures/miss.ts";
import { replayHandler } from "../fixtures/replay.ts";
import { installFastForwardClock } from "../clock/fast-forward.ts";
import { recordedInput } from "./input.ts";
import type { ModeSession } from "./mode.ts";

/** The SDK refuses to start without a key; replay needs none, so it gets an obvious stand-in. */
export const REPLAY_API_KEY = "replay-needs-no-key";

export interface ReplayOptions {
  readonly fixture: Fixture;
  readonly fixturePath: string;
  readonly recordCommand: string;
  /** Writes to the terminal only (hints for a person typing recorded input). */
  readonly say: (text: string) => void;
}

export function startReplay(options: ReplayOptions): ModeSession {
  const { fixture } = options;
  const pending: ReplayMissError[] = [];
  const matcher = createMatcher(fixture.exchanges);
  const streamed: string[] = [];
  const server = setupServer(
    replayHandler(matcher, dirname(options.fixturePath), {
      onMiss: (miss) => pending.push(new ReplayMissError(miss, options.recordCommand)),
      onFrame: (frame) => streamed.push(frame.event ?? "message"),
    }),
  );
  server.listen({ onUnhandledFrame: "error" });
  const clock = installFastForwardClock();
  const input = recordedInput(fixture.inputs ?? [], options.say);
  return {
    name: "replay",
    env: {
      OPENAI_API_KEY: REPLAY_API_KEY,
      OPENAI_BASE_URL: fixture.provenance.baseUrl,
      OPENAI_ORG_ID: undefined,
      OPENAI_PROJECT_ID: undefined,
    },
    // Recorded lessons already waited once; a replay has nothing to wait for.
    sleep: () => new Promise((resolve) => setImmediate(resolve)),
    takeFailure: () => pending.shift(),
    readInput: (prompt) => input.read(prompt),
    explainError: (thrown) => thrown,
    drainStreamEvents: () => streamed.splice(0),
    secrets: [],
    close: async () => {
      clock[Symbol.dispose]();
      input.close();
      server.close();
      return { writes: [], provenance: fixture.provenance };
    },
  };
}

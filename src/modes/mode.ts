// The one place that decides how a lesson's HTTP traffic is served. Lessons never know:
// they create `new OpenAI()` and this module sets the environment and interception.
import type { Provenance } from "../fixtures/format.ts";
import type { KernelServices } from "../notebook/execute.ts";

export type ModeName = "replay" | "live" | "record";

export interface ModeSession extends KernelServices {
  readonly name: ModeName;
  /** Environment variables the lesson runs with (restored afterwards). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Live and record: where `new OpenAI()` sends requests (for messages; the lesson's client may choose another). */
  readonly baseUrl?: string;
  /** Secrets that must never be written (the API key in live and record modes). */
  readonly secrets: readonly string[];
  /** Stops interception; record mode hands back the fixture files to write when `succeeded`. */
  close(succeeded: boolean): Promise<ClosedSession>;
}

export interface ClosedSession {
  readonly writes: readonly PendingWrite[];
  /** The provenance of the fixture the run replayed or is about to write, for the report. */
  readonly provenance: Provenance | undefined;
  /** Short sha256 of the fixture file replayed or about to be written (see session/report-file.ts). */
  readonly fixtureSha256?: string | undefined;
}

export interface PendingWrite {
  readonly path: string;
  readonly data: string | Uint8Array;
}

/** Sets variables for the duration of a run; returns the function that restores them. */
export function applyEnv(env: Readonly<Record<string, string | undefined>>): () => void {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const set = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  set(env);
  return () => set(saved);
}

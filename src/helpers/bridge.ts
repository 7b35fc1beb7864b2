// The bridge between lesson helpers and whatever is running the lesson.
//
// Lessons import `show_json`, `pretty_print` and `sleep` from this folder and never
// learn how they are being run. The runner installs a host on a global symbol; when no
// host is installed (the lesson runs on its own with `npx tsx lessons/NN-….ts`) the
// helpers fall back to plain console output and real timers.
//
// A global symbol (not a module variable) is used on purpose: the runner and the lesson
// may load this file as two module instances (for example under vitest), and both must
// reach the same host.

/** One piece of rich output a helper hands to the host: JSON, or an image checked by imageType. */
export type DisplayItem = { kind: "json"; value: unknown } | { kind: "image"; name: string; contentType: string; data: Uint8Array };

export interface LessonHost {
  /** Show rich output in the cell that is running now. */
  display(item: DisplayItem): void;
  /** Wait `ms` milliseconds, or not at all when the host replays a recording. */
  sleep(ms: number): Promise<void>;
  /** Show `prompt` and read one line (typed, or recorded when replaying). */
  input(prompt: string): Promise<string>;
}

const HOST_KEY = Symbol.for("lessonbook.host");

type HostSlot = { [HOST_KEY]?: LessonHost | undefined };

export function installHost(host: LessonHost | undefined): void {
  (globalThis as HostSlot)[HOST_KEY] = host;
}

export function currentHost(): LessonHost | undefined {
  return (globalThis as HostSlot)[HOST_KEY];
}

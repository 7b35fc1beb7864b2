// Captures what a lesson writes to stdout, stderr and the console, so the executor can
// attribute it to the running cell.
import { formatWithOptions } from "node:util";

export type StreamName = "stdout" | "stderr";

type Write = typeof process.stdout.write;

function textOf(chunk: unknown, encoding: unknown): string {
  if (typeof chunk === "string") return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk).toString(typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  return String(chunk);
}

function replacement(name: StreamName, onText: (name: StreamName, text: string) => void): Write {
  return ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    onText(name, textOf(chunk, encoding));
    const done = typeof encoding === "function" ? encoding : callback;
    if (typeof done === "function") queueMicrotask(() => (done as () => void)());
    return true;
  }) as Write;
}

const CONSOLE_STREAMS = { log: "stdout", info: "stdout", debug: "stdout", warn: "stderr", error: "stderr" } as const;
type ConsoleMethod = keyof typeof CONSOLE_STREAMS;

/**
 * Redirects process.stdout/stderr writes and the console methods to `onText` until the
 * returned function is called. The console is wrapped too because hosts such as test
 * runners replace it with one that does not write through process.stdout.
 */
export function captureStdio(onText: (name: StreamName, text: string) => void): () => void {
  const original = { stdout: process.stdout.write, stderr: process.stderr.write };
  const originalConsole = Object.fromEntries(Object.keys(CONSOLE_STREAMS).map((m) => [m, console[m as ConsoleMethod]]));
  process.stdout.write = replacement("stdout", onText);
  process.stderr.write = replacement("stderr", onText);
  for (const [method, stream] of Object.entries(CONSOLE_STREAMS)) {
    console[method as ConsoleMethod] = (...args: unknown[]) => onText(stream, `${formatWithOptions({ colors: false }, ...args)}\n`);
  }
  return () => {
    process.stdout.write = original.stdout;
    process.stderr.write = original.stderr;
    Object.assign(console, originalConsole);
  };
}

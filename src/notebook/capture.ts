// Captures what a lesson writes to stdout/stderr (console.log included: Node's console
// writes through these streams), so the executor can attribute it to the running cell.

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

/** Redirects process.stdout/stderr writes to `onText` until the returned function is called. */
export function captureStdio(onText: (name: StreamName, text: string) => void): () => void {
  const original = { stdout: process.stdout.write, stderr: process.stderr.write };
  process.stdout.write = replacement("stdout", onText);
  process.stderr.write = replacement("stderr", onText);
  return () => {
    process.stdout.write = original.stdout;
    process.stderr.write = original.stderr;
  };
}

// Single keys typed at the terminal, for `--step`'s pauses. While it waits, the terminal is
// in raw mode (a key arrives without Enter and is not echoed), and any other reader of
// standard input (the line reader behind a lesson's `input()`) is set aside, so a key meant
// for a pause never ends up in a lesson's input. Ctrl-C still interrupts as everywhere else.
export type StepKey = "run" | "narrative" | "quit";

export interface KeySource {
  /** The next key that means something at a pause; other keys are ignored. Listening starts at the call. */
  next(): Promise<StepKey>;
}

function meaning(char: string): StepKey | "interrupt" | undefined {
  if (char === "\r" || char === "\n") return "run";
  if (char === "n" || char === "N") return "narrative";
  // Ctrl-D ends input in a terminal: at a pause it means quit too.
  if (char === "q" || char === "Q" || char === "\u0004") return "quit";
  // Raw mode turns Ctrl-C into a byte: hand it back to the process as the signal it was.
  if (char === "\u0003") return "interrupt";
  return undefined;
}

/** The first key in a chunk that means something (keys typed quickly can arrive together); the rest are dropped. */
function keyOf(text: string): StepKey | "interrupt" | undefined {
  for (const char of text) {
    const key = meaning(char);
    if (key) return key;
  }
  return undefined;
}

type DataListener = (chunk: Buffer | string) => void;

export function terminalKeys(stdin: NodeJS.ReadStream = process.stdin): KeySource {
  return {
    next: () =>
      new Promise((resolve) => {
        const others = stdin.listeners("data") as DataListener[];
        const wasRaw = stdin.isRaw;
        const wasFlowing = stdin.readableFlowing === true;
        for (const listener of others) stdin.off("data", listener);
        const restore = () => {
          stdin.off("data", onData);
          stdin.setRawMode(wasRaw);
          for (const listener of others) stdin.on("data", listener);
        };
        const onData = (chunk: Buffer | string) => {
          const key = keyOf(chunk.toString());
          if (key === undefined) return;
          restore();
          // Standard input keeps the process alive until the signal is handled (exit code 130).
          if (key === "interrupt") return void process.kill(process.pid, "SIGINT");
          if (!wasFlowing) stdin.pause();
          resolve(key);
        };
        stdin.setRawMode(true);
        stdin.on("data", onData);
        stdin.resume();
      }),
  };
}

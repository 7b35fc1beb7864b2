// Where a lesson's `input()` lines come from. Live and record read stdin (record keeps
// what was typed for the fixture). Replay feeds the recorded lines as if typed; a person
// at a terminal may type them instead, and anything the recording cannot answer is
// refused with a message rather than sent as a request that has no recording.
import { createInterface, type Interface } from "node:readline";
import { en, type Messages } from "../render/messages.ts";

export interface InputLine {
  readonly text: string;
  /** True when the terminal already shows what was typed (so it is not printed again). */
  readonly echoed: boolean;
}

export interface InputSource {
  read(prompt: string): Promise<InputLine>;
  close(): void;
}

export class InputEndedError extends Error {
  constructor(reason: string) {
    super(`no more input: ${reason}`);
    this.name = "InputEndedError";
  }
}

export interface LineSource {
  next(): Promise<string | undefined>;
  close(): void;
}

// One reader of stdin for the whole process. Lessons that read input in one `--all` run share
// it, so lines it read ahead while one lesson ran are still there for the next one (a reader
// per lesson would take the piped lines with it when it closed).
let shared: { rl: Interface; lines: AsyncIterator<string>; ended: boolean } | undefined;

export function stdinLines(): LineSource {
  return {
    async next() {
      if (!shared) {
        const rl = createInterface({ input: process.stdin, terminal: false });
        const reader = { rl, lines: rl[Symbol.asyncIterator](), ended: false };
        rl.once("close", () => (reader.ended = true));
        shared = reader;
      }
      if (!shared.ended) shared.rl.resume();
      const line = await shared.lines.next();
      return line.done ? undefined : line.value;
    },
    // Paused, not closed: the lines it already read wait for the next lesson.
    close: () => {
      if (shared && !shared.ended) shared.rl.pause();
    },
  };
}

/** Live and record: lines from stdin; `typed` collects them for the fixture. */
export function stdinInput(typed: string[]): InputSource {
  const lines = stdinLines();
  return {
    async read() {
      const text = await lines.next();
      if (text === undefined) throw new InputEndedError("standard input ended");
      typed.push(text);
      return { text, echoed: Boolean(process.stdin.isTTY) };
    },
    close: () => lines.close(),
  };
}

/**
 * Replay: the recorded lines, typed by a person at a terminal or fed automatically. With
 * `lenient` (`--lenient`), a person may type a line of their own in place of the recorded one:
 * the requests it leads to get the recorded answers, labelled as answers to a different question.
 */
export function recordedInput(
  recorded: readonly string[],
  say: (text: string) => void,
  interactive = Boolean(process.stdin.isTTY),
  lines: LineSource = stdinLines(),
  messages: Pick<Messages, "recordedInputHint" | "notInRecording" | "lenientInputHint"> = en,
  lenient = false,
): InputSource {
  let next = 0;
  const read = async (): Promise<InputLine> => {
    const expected = recorded[next];
    if (expected === undefined) throw new InputEndedError("the recording has no more input lines");
    if (!interactive) {
      next++;
      return { text: expected, echoed: false };
    }
    say(`${lenient ? messages.lenientInputHint(expected) : messages.recordedInputHint(expected)}\n`);
    for (;;) {
      const typed = await lines.next();
      if (typed === undefined) throw new InputEndedError("standard input ended");
      if (typed.trim() === "" || typed.trim() === expected.trim()) {
        next++;
        return { text: expected, echoed: typed.trim() !== "" };
      }
      if (lenient) {
        next++;
        return { text: typed, echoed: true };
      }
      say(`${messages.notInRecording(typed)}\n`);
    }
  };
  return { read, close: () => lines.close() };
}

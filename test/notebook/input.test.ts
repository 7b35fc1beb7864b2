import { describe, expect, it } from "vitest";
import { InputEndedError, recordedInput, type LineSource } from "../../src/modes/input.ts";

function typing(lines: string[]): LineSource {
  const queue = [...lines];
  return { next: async () => queue.shift(), close: () => {} };
}

describe("input() during a replay", () => {
  it("feeds the recorded lines in order when nobody is at a terminal", async () => {
    const input = recordedInput(["What is 2 to the power of 10?", "/q"], () => {}, false, typing([]));
    expect(await input.read("> ")).toEqual({ text: "What is 2 to the power of 10?", echoed: false });
    expect(await input.read("> ")).toEqual({ text: "/q", echoed: false });
    await expect(input.read("> ")).rejects.toThrow(new InputEndedError("the recording has no more input lines"));
  });

  it("lets a person at a terminal type the recorded line or press Enter, and refuses anything else", async () => {
    const said: string[] = [];
    const input = recordedInput(
      ["What is 2 to the power of 10?", "/q"],
      (text) => said.push(text),
      true,
      typing(["What is 3 + 3?", "what is 2 to the power of 10?", " What is 2 to the power of 10? ", ""]),
    );
    expect(await input.read("> ")).toEqual({ text: "What is 2 to the power of 10?", echoed: true });
    expect(await input.read("> ")).toEqual({ text: "/q", echoed: false });
    expect(said).toEqual([
      '(recorded: "What is 2 to the power of 10?"; press Enter to use it)\n',
      '"What is 3 + 3?" is not in the recording, so replay cannot answer it. Type the recorded line, press Enter to use it, or run with --live.\n',
      '"what is 2 to the power of 10?" is not in the recording, so replay cannot answer it. Type the recorded line, press Enter to use it, or run with --live.\n',
      '(recorded: "/q"; press Enter to use it)\n',
    ]);
  });

  it("ends with a clear error when the person closes standard input", async () => {
    const input = recordedInput(["/q"], () => {}, true, typing([]));
    await expect(input.read("> ")).rejects.toThrow("no more input: standard input ended");
  });
});

// Where the terminal is in its current line, so framing never starts mid-line.

/**
 * Keeps framing (cell rules, event lines, errors) on a fresh line, even after streamed
 * text that did not end with one; streamed text itself passes through as it comes.
 */
export class LineJoiner {
  private atLineStart = true;
  private readonly write: (text: string) => void;
  constructor(write: (text: string) => void) {
    this.write = write;
  }
  text(chunk: string): void {
    if (chunk === "") return;
    this.write(chunk);
    this.atLineStart = chunk.endsWith("\n");
  }
  line(chunk: string): void {
    this.text(this.atLineStart || chunk === "" ? chunk : `\n${chunk}`);
  }
}

// One walk over a run, many renderers, in marked's Parser/Renderer shape: the walker
// decides what comes in which order (title, narrative, code cells and their outputs,
// setup cells folded into a group, cells that did not run, footer); a renderer turns
// each piece into its format and says how pieces join. The Markdown report and the
// terminal implement it; an HTML or ipynb renderer is one more class.
import type { Provenance } from "../fixtures/format.ts";
import type { Cell } from "../notebook/cells.ts";
import { isSetup } from "../notebook/cells.ts";
import type { CellResult, NotebookRun } from "../notebook/execute.ts";
import type { CellError, Output } from "../notebook/outputs.ts";

/** What a rendering of a run needs beyond the run itself. */
export interface RunInfo {
  /** Repo-relative lesson path, e.g. `lessons/03-add-message.ts`. */
  readonly lessonFile: string;
  /** The command that regenerates the report, e.g. `npm run lesson 3`. */
  readonly command: string;
  /** The line naming the mode, e.g. `replay, offline from fixtures/03-add-message.json`. */
  readonly mode: string;
  readonly fixtureFile: string | undefined;
  /** Short sha256 of the fixture the report was rendered from (a report/fixture mismatch is then detectable). */
  readonly fixtureSha256?: string | undefined;
  readonly provenance: Provenance | undefined;
  /** Where the report's images are, relative to the report (e.g. `15-code-interpreter-files`). */
  readonly imagesDir?: string | undefined;
}

/** An output with its rendering, for renderers whose joins depend on the kind. */
export interface RenderedOutput {
  readonly output: Output;
  readonly text: string;
}

export type RunStatus = NotebookRun["status"];

export interface RunRenderer {
  header(title: string, info: RunInfo): string;
  /** A narrative cell's Markdown (the first cell's title heading already removed). */
  narrative(cell: Cell, source: string): string;
  /** A code cell's label and source. */
  codeInput(cell: Cell): string;
  json(value: unknown): string;
  /** An image saved next to the report as `name` (`size` bytes). */
  image(name: string, size: number): string;
  stream(name: "stdout" | "stderr", text: string): string;
  error(error: CellError): string;
  events(counts: readonly (readonly [string, number])[]): string;
  /** A code cell that ran: its input and outputs joined. */
  codeCell(cell: Cell, input: string, outputs: readonly RenderedOutput[]): string;
  /** A code cell that did not run, in its place; "" to leave it out. */
  notRunCell(cell: Cell, status: RunStatus): string;
  /** Consecutive setup cells, each already rendered. */
  setupGroup(cells: readonly string[]): string;
  /** All code cells that did not run, after the body; "" when marked in place instead. */
  notRun(cells: readonly Cell[], status: RunStatus): string;
  footer(info: RunInfo): string;
  /** Joins the non-empty blocks into the whole document. */
  document(blocks: readonly string[]): string;
}

export function renderOutput(renderer: RunRenderer, output: Output): string {
  switch (output.type) {
    case "json":
      return renderer.json(output.value);
    case "image":
      return renderer.image(output.name, output.data.length);
    case "stream":
      return renderer.stream(output.name, output.text);
    case "error":
      return renderer.error(output.error);
    case "events":
      return renderer.events(output.counts);
  }
}

/** The first narrative cell's `# Title` line is the document's title; the body leaves it out. */
export const narrativeSource = (cell: Cell): string => (cell.index === 0 ? cell.source.replace(/^#\s+.*\n*/, "") : cell.source);

/** A narrative cell as a block, or "" when nothing is left to show. */
export function narrativeBlock(renderer: RunRenderer, cell: Cell): string {
  const source = narrativeSource(cell);
  return source.trim() === "" ? "" : renderer.narrative(cell, source);
}

function codeBlock(renderer: RunRenderer, result: CellResult, status: RunStatus): string {
  if (result.status === "not-run") return renderer.notRunCell(result.cell, status);
  const outputs = result.outputs.map((output) => ({ output, text: renderOutput(renderer, output) }));
  return renderer.codeCell(result.cell, renderer.codeInput(result.cell), outputs);
}

export const notRunCells = (run: NotebookRun): Cell[] =>
  run.results.filter((r) => r.status === "not-run" && r.cell.kind === "code").map((r) => r.cell);

/** Renders a whole run: setup cells in a row become one group; empty blocks are dropped. */
export function renderRun(run: NotebookRun, info: RunInfo, renderer: RunRenderer): string {
  const blocks = [renderer.header(run.notebook.title, info)];
  let setup: string[] = [];
  const flushSetup = () => {
    if (setup.length) blocks.push(renderer.setupGroup(setup));
    setup = [];
  };
  for (const result of run.results) {
    if (result.cell.kind === "code" && isSetup(result.cell)) {
      const block = codeBlock(renderer, result, run.status);
      if (block !== "") setup.push(block);
      continue;
    }
    flushSetup();
    blocks.push(result.cell.kind === "markdown" ? narrativeBlock(renderer, result.cell) : codeBlock(renderer, result, run.status));
  }
  flushSetup();
  blocks.push(renderer.notRun(notRunCells(run), run.status), renderer.footer(info));
  return renderer.document(blocks.filter((block) => block !== ""));
}

// A lesson run as a Jupyter notebook (nbformat 4.5): the lesson's cell ids, its narrative
// as Markdown cells, its code cells with their outputs as Jupyter would store them
// (`display_data` with application/json and text/plain for show_json, `stream` for
// printed text, `error` for a failure). Cells that did not run have no outputs and no
// execution count. Pure: the run in, the notebook's JSON text out.
import type { Cell } from "../notebook/cells.ts";
import type { CellResult, NotebookRun } from "../notebook/execute.ts";
import type { Output } from "../notebook/outputs.ts";
import { errorLines, jsonText } from "../render/output-text.ts";

type NbOutput = Readonly<Record<string, unknown>>;

/** nbformat's multiline string: a list of lines, each keeping its newline. */
const lines = (text: string): string[] => text.split(/(?<=\n)/).filter((line) => line !== "");

function nbOutput(output: Output): NbOutput {
  switch (output.type) {
    case "json": {
      const data: Record<string, unknown> = { "text/plain": lines(jsonText(output.value)) };
      if (output.value !== undefined) data["application/json"] = output.value;
      return { output_type: "display_data", data, metadata: {} };
    }
    case "stream":
      return { output_type: "stream", name: output.name, text: lines(output.text) };
    case "error":
      return { output_type: "error", ename: output.error.name, evalue: output.error.message, traceback: errorLines(output.error) };
    case "image": {
      // Jupyter stores a PNG or JPEG as base64 text in the display's bundle.
      const data = { [output.contentType]: Buffer.from(output.data).toString("base64"), "text/plain": [`<image ${output.name}>`] };
      return { output_type: "display_data", data, metadata: {} };
    }
    case "substitute":
      return {
        output_type: "display_data",
        data: { "text/plain": lines(`recorded answer to a different question: ${output.substitute.question}`) },
        metadata: {},
      };
    case "events": {
      const table = output.counts.map(([event, count]) => `${event}\t${count}`).join("\n");
      return { output_type: "display_data", data: { "text/plain": lines(`server-sent events\n${table}`) }, metadata: {} };
    }
  }
}

function cellMetadata(cell: Cell): Record<string, unknown> {
  const metadata: Record<string, unknown> = {};
  if (cell.title) metadata["title"] = cell.title;
  if (cell.tags.length) metadata["tags"] = [...new Set(cell.tags)];
  return metadata;
}

function nbCell(result: CellResult, count: number | null): Record<string, unknown> {
  const { cell } = result;
  const base = { id: cell.id, metadata: cellMetadata(cell), source: lines(cell.source) };
  if (cell.kind === "markdown") return { cell_type: "markdown", ...base };
  return { cell_type: "code", ...base, execution_count: count, outputs: result.outputs.map(nbOutput) };
}

export interface NotebookInfo {
  readonly lesson: string;
  readonly command: string;
}

export function notebookJson(run: NotebookRun, info: NotebookInfo): string {
  let count = 0;
  const cells = run.results.map((result) => nbCell(result, result.cell.kind === "code" && result.status !== "not-run" ? ++count : null));
  const notebook = {
    cells,
    metadata: {
      language_info: { name: "typescript", file_extension: ".ts", mimetype: "text/typescript" },
      lessonbook: { lesson: info.lesson, command: info.command },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}

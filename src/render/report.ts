// The Markdown report of one lesson run: pure, deterministic (no clock, no absolute
// paths), so committed reports can be regenerated and compared byte for byte.
// Everything that came from a recording is untrusted: outputs go in fences no backtick
// run can close, and other text is escaped so it renders as itself (markdown-escape.ts).
import type { Cell } from "../notebook/cells.ts";
import type { CellError } from "../notebook/outputs.ts";
import type { NotebookRun } from "../notebook/execute.ts";
import { FIXTURE_VERSION } from "../fixtures/format.ts";
import { maskUrlPassword } from "../fixtures/redact.ts";
import { visibleControls } from "../text/visible.ts";
import { commentText, fence, markdownCode, markdownText } from "./markdown-escape.ts";
import { en, type Messages } from "./messages.ts";
import { errorLines, jsonText } from "./output-text.ts";
import { renderRun, type RenderedOutput, type RunInfo, type RunRenderer, type RunStatus } from "./walk.ts";

export interface ReportInput extends RunInfo {
  readonly run: NotebookRun;
}

const textBlock = (text: string, lang: string) => fence(visibleControls(text), lang);

export class MarkdownRenderer implements RunRenderer {
  private readonly messages: Messages;
  private readonly imagesDir: string | undefined;
  constructor(messages: Messages = en, imagesDir?: string) {
    this.messages = messages;
    this.imagesDir = imagesDir;
  }

  header(title: string, info: RunInfo): string {
    return `# ${markdownText(title)}\n\n<!-- ${this.messages.generatedBy(commentText(info.lessonFile), commentText(info.command))} -->`;
  }

  narrative(_cell: Cell, source: string): string {
    return source;
  }

  codeInput(cell: Cell): string {
    return `**[${cell.number}]${cell.title ? ` ${markdownText(cell.title)}` : ""}**\n\n${fence(cell.source, "ts")}`;
  }

  json(value: unknown): string {
    return textBlock(jsonText(value), "json");
  }

  /** A link to the image beside the report; names are plain file names (helpers/image.ts), and are escaped anyway. */
  image(name: string): string {
    const path = [this.imagesDir, name]
      .filter((part) => part !== undefined)
      .map(encodeURIComponent)
      .join("/");
    return `![${markdownText(name)}](${path})`;
  }

  stream(name: "stdout" | "stderr", text: string): string {
    return `${name === "stderr" ? `${this.messages.standardError}\n\n` : ""}${textBlock(text, "text")}`;
  }

  error(error: CellError): string {
    return `**${this.messages.error}**\n\n${textBlock(errorLines(error).join("\n"), "text")}`;
  }

  events(counts: readonly (readonly [string, number])[]): string {
    const m = this.messages;
    const rows = counts.map(([name, count]) => `| ${markdownCode(name, true)} | ${count} |`);
    return [m.serverSentEvents, "", `| ${m.eventColumn} | ${m.countColumn} |`, "|---|---:|", ...rows].join("\n");
  }

  codeCell(_cell: Cell, input: string, outputs: readonly RenderedOutput[]): string {
    return [input, ...outputs.map((o) => o.text)].join("\n\n");
  }

  notRunCell(cell: Cell, status: RunStatus): string {
    const note = status === "stopped" ? this.messages.notRunAfterStop : this.messages.notRunAfterFailure;
    return `${this.codeInput(cell)}\n\n_${note}_`;
  }

  setupGroup(cells: readonly string[]): string {
    return `<details>\n<summary>${this.messages.setupSummary(cells.length)}</summary>\n\n${cells.join("\n\n")}\n\n</details>`;
  }

  /** Cells that did not run are marked in place. */
  notRun(): string {
    return "";
  }

  footer(info: RunInfo): string {
    const m = this.messages;
    const lines = [m.mode(markdownText(info.mode))];
    if (info.fixtureFile) lines.push(m.fixture(markdownCode(info.fixtureFile), FIXTURE_VERSION, info.fixtureSha256));
    const p = info.provenance;
    if (p) {
      const [date, baseUrl] = [markdownText(p.date), markdownText(maskUrlPassword(p.baseUrl))];
      const how = p.source === "recorded" ? m.recordedLive(date, baseUrl) : m.reconstructed(date, baseUrl);
      lines.push(m.provenance(how, p.models.map(markdownText), markdownText(p.sdk)));
      if (p.note) lines.push(m.note(markdownText(p.note)));
    }
    return `---\n\n${lines.map((line) => `- ${line}`).join("\n")}`;
  }

  document(blocks: readonly string[]): string {
    return `${blocks.join("\n\n")}\n`;
  }
}

export function renderReport(input: ReportInput, messages: Messages = en): string {
  return renderRun(input.run, input, new MarkdownRenderer(messages, input.imagesDir));
}

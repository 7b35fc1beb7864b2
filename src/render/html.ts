// The HTML rendering of one lesson run, for the docs site: the same walk as the Markdown
// report (walk.ts), into elements instead of Markdown. Pure: highlighting, narrative
// Markdown and whatever the site adds under a code cell (its traffic, a conversation, a
// run timeline) come in as functions. Everything a recording holds is escaped here or by
// the highlighter; outputs fold with <details>, so long JSON opens and closes without
// JavaScript.
import { FIXTURE_VERSION } from "../fixtures/format.ts";
import { maskUrlPassword } from "../fixtures/redact.ts";
import type { Cell } from "../notebook/cells.ts";
import type { CellError, Substitute } from "../notebook/outputs.ts";
import { oneLine, visibleControls } from "../text/visible.ts";
import { attrs, blockText, escapeHtml, inlineText } from "./html-escape.ts";
import type { Messages } from "./messages.ts";
import { errorLines, jsonText, substituteLines } from "./output-text.ts";
import type { RenderedOutput, RunInfo, RunRenderer, RunStatus } from "./walk.ts";

/** Words the HTML rendering adds to the report's (see src/site/messages.ts for the catalogs). */
export interface HtmlWords {
  readonly runItYourself: string;
  readonly copy: string;
  readonly setupSummary: (count: number) => string;
  /** Summary of a folded JSON output: what it is (e.g. `thread.run run_…`) and its length. */
  readonly jsonFold: (what: string, lines: number) => string;
  readonly aboutRun: string;
}

export interface HtmlRenderOptions {
  readonly messages: Messages;
  readonly words: HtmlWords;
  /** `<pre>` of highlighted code; must escape what it is given. */
  readonly highlight: (code: string, lang: string) => string;
  /** A narrative cell's Markdown as safe HTML. */
  readonly markdown: (source: string) => string;
  /** HTML under the title (downloads, links). */
  readonly headerExtras?: string;
  /** HTML after a code cell's outputs: its traffic, a run timeline. */
  readonly cellExtras?: (cell: Cell) => string;
  /** HTML beside a code cell's outputs, where the page is wide enough (a conversation next to its raw JSON). */
  readonly cellBeside?: (cell: Cell) => string;
  /** JSON outputs longer than this many lines are folded (default 24). */
  readonly foldLines?: number;
  /** Where the page finds the images the run showed, relative to the page (e.g. `15-code-interpreter-files`). */
  readonly imagesDir?: string;
}

/** What a JSON value is, for a folded summary: `thread.run run_abc`, `list`, or "". */
function describeJson(value: unknown): string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "";
  const { object, id } = value as { object?: unknown; id?: unknown };
  return [object, id].filter((part) => typeof part === "string").join(" ");
}

export class HtmlRenderer implements RunRenderer {
  private readonly options: HtmlRenderOptions;
  constructor(options: HtmlRenderOptions) {
    this.options = options;
  }

  header(title: string, info: RunInfo): string {
    const { words } = this.options;
    const command = escapeHtml(info.command);
    const runIt =
      `<p class="run-it">${escapeHtml(words.runItYourself)} <code>${command}</code> ` +
      `<button type="button" class="copy" hidden${attrs({ "data-copy": info.command })}>${escapeHtml(words.copy)}</button></p>`;
    return `<header class="lesson-head">\n<h1>${inlineText(title)}</h1>\n${runIt}${this.options.headerExtras ?? ""}\n</header>`;
  }

  narrative(cell: Cell, source: string): string {
    return `<section class="cell narrative"${attrs({ id: cell.id })}>\n${this.options.markdown(source)}</section>`;
  }

  codeInput(cell: Cell): string {
    const label = `[${cell.number}]`;
    const title = cell.title ? ` ${inlineText(cell.title)}` : "";
    const heading = `<h3 class="cell-title"><a class="anchor"${attrs({ href: `#${cell.id}` })}>${label}</a>${title}</h3>`;
    return `${heading}\n${this.options.highlight(cell.source, "ts")}`;
  }

  json(value: unknown): string {
    const text = visibleControls(jsonText(value));
    const block = this.options.highlight(text, "json");
    const lines = text.split("\n").length;
    if (lines <= (this.options.foldLines ?? 24)) return `<div class="output json">${block}</div>`;
    const summary = escapeHtml(this.options.words.jsonFold(visibleControls(describeJson(value)), lines));
    return `<details class="output json fold"><summary>${summary}</summary>${block}</details>`;
  }

  /** The image the site copies beside the page; names are plain file names (helpers/image.ts), and are escaped anyway. */
  image(name: string): string {
    const src = [this.options.imagesDir, name]
      .filter((part) => part !== undefined)
      .map(encodeURIComponent)
      .join("/");
    return `<figure class="output image"><img${attrs({ src, alt: name, loading: "lazy" })}></figure>`;
  }

  /** `--lenient`'s label on an answer recorded for a different question (a site build is strict; kept for any run). */
  substitute(substitute: Substitute): string {
    const m = this.options.messages;
    const lead = `<p class="output-label">⚠ ${escapeHtml(m.substituteLead)} ${inlineText(oneLine(substitute.question))}</p>`;
    return `<div class="output substitute">${lead}<pre><code>${blockText(substituteLines(m, substitute).join("\n"))}</code></pre></div>`;
  }

  stream(name: "stdout" | "stderr", text: string): string {
    const label = name === "stderr" ? `<p class="output-label">${escapeHtml(this.options.messages.standardError)}</p>` : "";
    return `<div class="output ${name}">${label}<pre><code>${blockText(text)}</code></pre></div>`;
  }

  error(error: CellError): string {
    const label = `<p class="output-label">${escapeHtml(this.options.messages.error)}</p>`;
    return `<div class="output error" role="group">${label}<pre><code>${blockText(errorLines(error).join("\n"))}</code></pre></div>`;
  }

  events(counts: readonly (readonly [string, number])[]): string {
    const m = this.options.messages;
    const rows = counts.map(([name, count]) => `<tr><td><code>${inlineText(name)}</code></td><td class="count">${count}</td></tr>`);
    const head = `<tr><th scope="col">${escapeHtml(m.eventColumn)}</th><th scope="col" class="count">${escapeHtml(m.countColumn)}</th></tr>`;
    return `<table class="output events"><caption>${escapeHtml(m.serverSentEvents)}</caption>\n<thead>${head}</thead>\n<tbody>${rows.join("\n")}</tbody></table>`;
  }

  codeCell(cell: Cell, input: string, outputs: readonly RenderedOutput[]): string {
    const shown = outputs.length ? `\n<div class="outputs">\n${outputs.map((o) => o.text).join("\n")}\n</div>` : "";
    const beside = this.options.cellBeside?.(cell) ?? "";
    const body = beside ? `\n<div class="beside">${shown}${beside}</div>` : shown;
    const extras = this.options.cellExtras?.(cell) ?? "";
    return `<section class="cell code"${attrs({ id: cell.id })}>\n${input}${body}${extras}\n</section>`;
  }

  notRunCell(cell: Cell, status: RunStatus): string {
    const m = this.options.messages;
    const note = status === "stopped" ? m.notRunAfterStop : m.notRunAfterFailure;
    return `<section class="cell code not-run"${attrs({ id: cell.id })}>\n${this.codeInput(cell)}\n<p class="not-run-note">${escapeHtml(note)}</p>\n</section>`;
  }

  setupGroup(cells: readonly string[]): string {
    const summary = escapeHtml(this.options.words.setupSummary(cells.length));
    return `<details class="setup">\n<summary>${summary}</summary>\n${cells.join("\n")}\n</details>`;
  }

  /** Cells that did not run are marked in place. */
  notRun(): string {
    return "";
  }

  footer(info: RunInfo): string {
    const m = this.options.messages;
    const lines = [m.mode(inlineText(info.mode))];
    if (info.fixtureFile) lines.push(m.fixture(`<code>${inlineText(info.fixtureFile)}</code>`, FIXTURE_VERSION, info.fixtureSha256));
    const p = info.provenance;
    if (p) {
      const [date, baseUrl] = [inlineText(p.date), inlineText(maskUrlPassword(p.baseUrl))];
      const how = p.source === "recorded" ? m.recordedLive(date, baseUrl) : m.reconstructed(date, baseUrl);
      lines.push(m.provenance(how, p.models.map(inlineText), inlineText(p.sdk)));
      if (p.note) lines.push(m.note(inlineText(p.note)));
    }
    const items = lines.map((line) => `<li>${line}</li>`).join("\n");
    return `<footer class="run-footer">\n<h2>${escapeHtml(this.options.words.aboutRun)}</h2>\n<ul>\n${items}\n</ul>\n</footer>`;
  }

  document(blocks: readonly string[]): string {
    return `${blocks.join("\n")}\n`;
  }
}

// One lesson's page: the run rendered by the HTML renderer, with what no notebook site
// shows under each code cell (the HTTP traffic it made, its conversation, the timeline of
// its runs, a replay of its stream), downloads, the presenter button and previous/next.
import type { Exchange, Fixture } from "../../fixtures/format.ts";
import type { Cell } from "../../notebook/cells.ts";
import type { NotebookRun } from "../../notebook/execute.ts";
import { attrs, escapeHtml, inlineText } from "../../render/html-escape.ts";
import { HtmlRenderer } from "../../render/html.ts";
import type { Messages } from "../../render/messages.ts";
import { renderRun, type RunInfo } from "../../render/walk.ts";
import { visibleControls } from "../../text/visible.ts";
import { chatPanel, conversations } from "../chat.ts";
import type { Highlight } from "../highlight.ts";
import type { SiteMessages } from "../messages.ts";
import { replayControls, revealSchedule } from "../replay.ts";
import { type RunTimeline, runTimelines, timelinePanel } from "../timeline.ts";
import { type TrafficView, trafficByCell, trafficPanel } from "../traffic.ts";

export interface LessonPageInput {
  readonly id: string;
  readonly number: number;
  readonly run: NotebookRun;
  readonly info: RunInfo;
  readonly fixture: Fixture | undefined;
  /** Set when the lesson is shown in another language than the page's, saying why. */
  readonly fallback?: { readonly lang: string; readonly note: string } | undefined;
}

export interface LessonPageTools {
  readonly words: SiteMessages;
  readonly messages: Messages;
  readonly highlight: Highlight;
  readonly markdown: (source: string) => string;
}

export interface NeighbourLink {
  readonly href: string;
  readonly title: string;
}

/** What the page shows under one code cell, beside its outputs. */
function cellExtras(
  cell: Cell,
  run: NotebookRun,
  traffic: ReadonlyMap<string, readonly Exchange[]>,
  timelines: readonly RunTimeline[],
  view: TrafficView,
): string {
  const exchanges = traffic.get(cell.id) ?? [];
  const result = run.results.find((r) => r.cell.id === cell.id);
  const printed = result?.outputs.find((o) => o.type === "stream" && o.name === "stdout");
  const shown = printed?.type === "stream" ? visibleControls(printed.text) : "";
  return [
    replayControls(revealSchedule(exchanges, shown), view.words),
    timelinePanel(
      timelines.filter((t) => t.cell === cell.id),
      view.words,
    ),
    trafficPanel(exchanges, view),
  ].join("");
}

function downloads(id: string, words: SiteMessages, hasFixture: boolean): string {
  const link = (file: string, label: string) => `<a${attrs({ href: `../downloads/${file}`, download: file })}>${escapeHtml(label)}</a>`;
  const items = [
    link(`${id}.ts`, words.downloadSource),
    hasFixture ? link(`${id}.json`, words.downloadFixture) : "",
    link(`${id}.ipynb`, words.downloadNotebook),
  ];
  return `\n<p class="downloads">${escapeHtml(words.downloads)} ${items.filter(Boolean).join(" · ")}</p>\n<p class="present-bar"><button type="button" class="present" hidden${attrs({ "data-help": words.presenterHelp })}>${escapeHtml(words.present)}</button></p>`;
}

function pager(previous: NeighbourLink | undefined, next: NeighbourLink | undefined, words: SiteMessages): string {
  const link = (to: NeighbourLink | undefined, rel: "prev" | "next", label: string) =>
    to
      ? `<a${attrs({ href: to.href, rel, class: rel })}><span class="label">${escapeHtml(label)}</span> ${inlineText(to.title)}</a>`
      : "<span></span>";
  return `<nav class="pager"${attrs({ "aria-label": `${words.previous} / ${words.next}` })}>${link(previous, "prev", words.previous)}${link(next, "next", words.next)}</nav>`;
}

export function lessonMain(
  input: LessonPageInput,
  tools: LessonPageTools,
  neighbours: { previous?: NeighbourLink; next?: NeighbourLink },
): string {
  const { words } = tools;
  const traffic = trafficByCell(input.fixture);
  const view: TrafficView = { highlight: tools.highlight, words };
  const timelines = runTimelines(input.fixture?.exchanges ?? []);
  const renderer = new HtmlRenderer({
    messages: tools.messages,
    words,
    highlight: tools.highlight,
    markdown: tools.markdown,
    headerExtras: downloads(input.id, words, input.fixture !== undefined),
    imagesDir: input.id,
    cellExtras: (cell) => cellExtras(cell, input.run, traffic, timelines, view),
    cellBeside: (cell) => chatPanel(conversations(traffic.get(cell.id) ?? []), view.words),
  });
  const body = renderRun(input.run, input.info, renderer);
  // Exchanges with no cell, or naming a cell this lesson does not have, are still shown.
  const ids = new Set(input.run.notebook.cells.map((c) => c.id));
  const unattributed = [...traffic]
    .filter(([cell]) => !ids.has(cell))
    .flatMap(([, exchanges]) => exchanges)
    .sort((a, b) => a.at - b.at);
  const stray = trafficPanel(unattributed, view, words.notAttributed);
  const fallback = input.fallback && `<aside class="banner" role="note"><p>${inlineText(input.fallback.note)}</p></aside>\n`;
  const open = `<article class="lesson"${attrs({ lang: input.fallback?.lang })}>`;
  return `${fallback ?? ""}${open}\n${body}${stray}\n${pager(neighbours.previous, neighbours.next, words)}\n</article>`;
}

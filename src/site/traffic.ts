// The HTTP exchanges under each cell: the fixture's exchanges grouped by the id of the
// cell that sent them, each shown as method, path, status and time offset, and expandable
// to its request and response (bodies as highlighted JSON, streams as their event list).
// Everything here came from a fixture, so every string is escaped.
import type { Exchange, Fixture, Frame, RecordedRequest, RecordedResponse } from "../fixtures/format.ts";
import { blockText, escapeHtml, inlineText, offset } from "../render/html-escape.ts";
import { visibleControls } from "../text/visible.ts";
import type { Highlight } from "./highlight.ts";
import type { SiteMessages } from "./messages.ts";

/** Exchanges by the id of the cell that sent them, in recorded order; "" holds the unattributed. */
export function trafficByCell(fixture: Fixture | undefined): ReadonlyMap<string, readonly Exchange[]> {
  const byCell = new Map<string, Exchange[]>();
  for (const exchange of fixture?.exchanges ?? []) {
    const key = exchange.cell ?? "";
    const list = byCell.get(key) ?? [];
    list.push(exchange);
    byCell.set(key, list);
  }
  return byCell;
}

export interface TrafficView {
  readonly highlight: Highlight;
  readonly words: SiteMessages;
}

function pathWithQuery(request: RecordedRequest): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  }
  const query = params.toString();
  return query ? `${request.path}?${query}` : request.path;
}

/** A JSON body as the traffic panel shows it (and as the build highlights it ahead). */
export const bodyText = (body: unknown): string => visibleControls(JSON.stringify(body, null, 2));

const statusClass = (status: number) => `status s${Math.floor(status / 100)}xx`;

function headersBlock(headers: Readonly<Record<string, string>> | undefined, view: TrafficView): string {
  const entries = Object.entries(headers ?? {});
  if (!entries.length) return "";
  const rows = entries.map(([name, value]) => `<dt>${inlineText(name)}</dt><dd>${inlineText(value)}</dd>`).join("");
  return `<dl class="headers" aria-label="${escapeHtml(view.words.headers)}">${rows}</dl>`;
}

/** A request or response body, however the fixture stored it. */
function bodyBlock(part: RecordedRequest | RecordedResponse, view: TrafficView): string {
  if (part.body !== undefined) return view.highlight(bodyText(part.body), "json");
  if (part.text !== undefined) return `<pre><code>${blockText(part.text)}</code></pre>`;
  if (part.file) {
    const { size, contentType, sha256 } = part.file;
    return `<p class="file-body">${inlineText(view.words.fileBody(size, contentType ?? "application/octet-stream", sha256))}</p>`;
  }
  if ("form" in part && part.form) {
    const fields = part.form.map((field) => {
      const value = field.file ? `${field.file.filename} (${field.file.size} B, sha256 ${field.file.sha256})` : (field.value ?? "");
      return `<dt>${inlineText(field.name)}</dt><dd>${inlineText(value)}</dd>`;
    });
    return `<dl class="form">${fields.join("")}</dl>`;
  }
  return `<p class="no-body">${escapeHtml(view.words.noBody)}</p>`;
}

/** A short one-line preview of an event's data. */
function framePreview(frame: Frame): string {
  const text = frame.data !== undefined ? JSON.stringify(frame.data) : (frame.text ?? "");
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

function eventsBlock(frames: readonly Frame[], view: TrafficView): string {
  const items = frames.map((frame) => {
    const summary = `<time>${offset(frame.at)}</time> <code>${inlineText(frame.event ?? "message")}</code> <span class="preview">${inlineText(framePreview(frame))}</span>`;
    const data = frame.data !== undefined ? JSON.stringify(frame.data, null, 2) : (frame.text ?? "");
    return `<li><details><summary>${summary}</summary><pre><code>${blockText(data)}</code></pre></details></li>`;
  });
  return `<p class="events-count">${escapeHtml(view.words.streamedEvents(frames.length))}</p>\n<ol class="sse">\n${items.join("\n")}\n</ol>`;
}

function exchangeItem(exchange: Exchange, view: TrafficView): string {
  const { request, response } = exchange;
  const summary =
    `<span class="method">${inlineText(request.method)}</span> <code class="path">${inlineText(pathWithQuery(request))}</code> ` +
    `<span class="${statusClass(response.status)}">${response.status}</span> <time>${offset(exchange.at)}</time>`;
  const responseBody = response.events ? eventsBlock(response.events, view) : bodyBlock(response, view);
  const parts = [
    `<h4>${escapeHtml(view.words.request)}</h4>`,
    headersBlock(request.headers, view),
    bodyBlock(request, view),
    `<h4>${escapeHtml(view.words.response)}</h4>`,
    headersBlock(response.headers, view),
    responseBody,
  ];
  return `<li><details class="exchange"><summary>${summary}</summary>\n${parts.filter(Boolean).join("\n")}\n</details></li>`;
}

/** The folded traffic panel of one cell, or "" when it sent nothing. */
export function trafficPanel(exchanges: readonly Exchange[] | undefined, view: TrafficView, label?: string): string {
  if (!exchanges?.length) return "";
  const summary = escapeHtml(label ?? view.words.traffic(exchanges.length));
  const items = exchanges.map((exchange) => exchangeItem(exchange, view));
  return `\n<details class="traffic"><summary>${summary}</summary>\n<ol class="exchanges">\n${items.join("\n")}\n</ol>\n</details>`;
}

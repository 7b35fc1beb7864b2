// Run timelines: the statuses a run went through over recorded time. A polled run shows
// what each answer about it said (queued → in_progress → completed) at the fixture's
// offsets; a streamed run shows the statuses its events pushed. Only runs seen at least
// twice get a timeline: one sighting is not a timeline.
import type { Exchange } from "../fixtures/format.ts";
import { escapeHtml, inlineText, offset } from "../render/html-escape.ts";
import type { SiteMessages } from "./messages.ts";

export interface TimelineStep {
  readonly status: string;
  /** ms since the run was first seen. */
  readonly at: number;
  /** How many consecutive sightings reported this status. */
  readonly seen: number;
}

export interface RunTimeline {
  readonly id: string;
  /** An Assistants run or a Responses response (polled in background mode, or streamed). */
  readonly kind: "run" | "response";
  /** ms since the lesson started when the run was first seen (steps count from here). */
  readonly start: number;
  /** The cell that saw the run last (where the page shows the timeline). */
  readonly cell: string | undefined;
  readonly how: "polled" | "streamed";
  readonly steps: readonly TimelineStep[];
}

type RunLike = { object?: unknown; id?: unknown; status?: unknown };
type Sighting = { id: string; kind: RunTimeline["kind"]; status: string; at: number; streamed: boolean; cell: string | undefined };

const KINDS = new Map<unknown, RunTimeline["kind"]>([
  ["thread.run", "run"],
  ["response", "response"],
]);

/** A run or response: the object itself, or (Responses events) under `response`. */
const asRun = (value: unknown): { id: string; kind: RunTimeline["kind"]; status: string } | undefined => {
  const run = value as (RunLike & { response?: unknown }) | null | undefined;
  if (typeof run !== "object" || run === null) return undefined;
  if (run.object === undefined && run.response !== undefined) return asRun(run.response);
  const kind = KINDS.get(run.object);
  return kind && typeof run.id === "string" && typeof run.status === "string" ? { id: run.id, kind, status: run.status } : undefined;
};

function sightings(exchanges: readonly Exchange[]): Sighting[] {
  const seen: Sighting[] = [];
  for (const exchange of exchanges) {
    const run = asRun(exchange.response.body);
    if (run) seen.push({ ...run, at: exchange.at, streamed: false, cell: exchange.cell });
    for (const frame of exchange.response.events ?? []) {
      const streamed = asRun(frame.data);
      if (streamed) seen.push({ ...streamed, at: exchange.at + frame.at, streamed: true, cell: exchange.cell });
    }
  }
  return seen;
}

/**
 * One timeline per run seen at least twice in a lesson's exchanges, in order of first
 * sighting: a run created in one cell and polled in the next has one timeline.
 */
export function runTimelines(exchanges: readonly Exchange[]): RunTimeline[] {
  const byRun = new Map<string, Sighting[]>();
  for (const sighting of sightings(exchanges)) {
    const list = byRun.get(sighting.id) ?? [];
    list.push(sighting);
    byRun.set(sighting.id, list);
  }
  const timelines: RunTimeline[] = [];
  for (const [id, list] of byRun) {
    if (list.length < 2) continue;
    const start = list[0]!.at;
    const steps: TimelineStep[] = [];
    for (const sighting of list) {
      const last = steps.at(-1);
      if (last?.status === sighting.status) steps[steps.length - 1] = { ...last, seen: last.seen + 1 };
      else steps.push({ status: sighting.status, at: sighting.at - start, seen: 1 });
    }
    timelines.push({
      id,
      kind: list[0]!.kind,
      start,
      cell: list.at(-1)!.cell,
      how: list.some((s) => s.streamed) ? "streamed" : "polled",
      steps,
    });
  }
  return timelines;
}

export function timelinePanel(timelines: readonly RunTimeline[], words: SiteMessages): string {
  if (!timelines.length) return "";
  const runs = timelines.map((timeline) => {
    const steps = timeline.steps.map((step) => {
      const seen = step.seen > 1 ? ` <span class="seen">${escapeHtml(words.seenTimes(step.seen))}</span>` : "";
      const status = inlineText(step.status);
      return `<li><span class="run-status st-${escapeHtml(step.status.replace(/[^a-z_]/g, ""))}">${status}</span> <time>${offset(step.at)}</time>${seen}</li>`;
    });
    const caption = `${inlineText(words.run(timeline.id, timeline.how, timeline.kind))} <time>${escapeHtml(words.runStart(offset(timeline.start)))}</time>`;
    return `<figure class="run-timeline"><figcaption>${caption}</figcaption><ol>${steps.join("")}</ol></figure>`;
  });
  return `\n<div class="timelines" role="group" aria-label="${escapeHtml(words.runTimeline)}">\n${runs.join("\n")}\n</div>`;
}

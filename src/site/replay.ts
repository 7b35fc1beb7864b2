// The stream replay: a streamed cell's printed output shown growing at the pace its events
// were recorded. The page already holds the output as the report shows it; the schedule
// says how much of that text was on screen at each recorded moment. Each text-carrying
// event (a message delta, a tool call's code or logs) is found in the output after the
// previous one, and the output up to the end of that piece appears at the event's time.
// Text the lesson printed around the pieces (prompts such as "assistant > ") appears
// with the next piece, and the last step always shows the whole output, so a replay ends
// in exactly the report's text whatever the lesson printed.
import type { Exchange, Frame } from "../fixtures/format.ts";
import { attrs, escapeHtml } from "../render/html-escape.ts";
import { visibleControls } from "../text/visible.ts";
import type { SiteMessages } from "./messages.ts";

/** At `at` ms after the stream started, the first `end` characters of the output are shown. */
export interface RevealStep {
  readonly at: number;
  readonly end: number;
}

type Delta = {
  content?: { text?: { value?: unknown } }[];
  step_details?: { tool_calls?: { code_interpreter?: { input?: unknown; outputs?: { logs?: unknown }[] } }[] };
};

/** The text pieces an event carries, in the order a handler would print them. */
export function framePieces(frame: Frame): string[] {
  const delta = (frame.data as { delta?: unknown } | null | undefined)?.delta;
  // The Responses API's `response.output_text.delta` and its kin carry the text as a string.
  if (typeof delta === "string") return delta === "" ? [] : [delta];
  if (typeof delta !== "object" || delta === null) return [];
  const { content, step_details } = delta as Delta;
  const pieces: unknown[] = [];
  for (const part of Array.isArray(content) ? content : []) pieces.push(part?.text?.value);
  for (const call of Array.isArray(step_details?.tool_calls) ? step_details.tool_calls : []) {
    pieces.push(call?.code_interpreter?.input);
    const outputs = call?.code_interpreter?.outputs;
    for (const output of Array.isArray(outputs) ? outputs : []) pieces.push(output?.logs);
  }
  return pieces.filter((piece): piece is string => typeof piece === "string" && piece !== "");
}

/** The reveal schedule of `shown` (the output as the page shows it), or undefined when the cell streamed nothing. */
export function revealSchedule(exchanges: readonly Exchange[], shown: string): RevealStep[] | undefined {
  const streams = exchanges.filter((e) => e.response.events?.length);
  if (!streams.length || shown === "") return undefined;
  const start = streams[0]!.at;
  const steps: RevealStep[] = [{ at: 0, end: 0 }];
  let cursor = 0;
  let last = 0;
  for (const exchange of streams) {
    for (const frame of exchange.response.events!) {
      last = exchange.at - start + frame.at;
      for (const piece of framePieces(frame)) {
        const found = shown.indexOf(visibleControls(piece), cursor);
        if (found < 0) continue;
        cursor = found + visibleControls(piece).length;
        steps.push({ at: last, end: cursor });
      }
    }
  }
  steps.push({ at: last, end: shown.length });
  return steps;
}

/** The replay controls of a cell; the page's script finds the cell's first stdout output. */
export function replayControls(steps: readonly RevealStep[] | undefined, words: SiteMessages): string {
  if (!steps) return "";
  const schedule = steps.map((s) => `${s.at}:${s.end}`).join(",");
  const options = [
    ["1", words.paces.recorded],
    ["2", words.paces.double],
    ["slow", words.paces.slow],
  ].map(([value, label]) => `<option${attrs({ value })}>${escapeHtml(label!)}</option>`);
  return (
    `\n<div class="replay" hidden${attrs({ "data-schedule": schedule })}>` +
    `<button type="button" class="replay-button">${escapeHtml(words.replay)}</button> ` +
    `<label>${escapeHtml(words.pace)} <select class="replay-pace">${options.join("")}</select></label> ` +
    `<span class="replay-status" role="status"${attrs({ "data-done": words.replayDone })}></span></div>`
  );
}

// A streamed run: the background response is created with `stream: true`, and its response.*
// events are translated into thread.* events as they arrive (core/stream.ts), while the run
// record follows along, so a retrieve during or after the stream sees the same run.
import { fail } from "../../sim/core/errors.ts";
import type { JsonObject } from "../../sim/core/read-body.ts";
import { upstreamUnavailable } from "../core/errors.ts";
import { type Emulator, UpstreamFailure } from "../core/ports.ts";
import type { RunRecord } from "../core/records.ts";
import { createStreamTranslator } from "../core/stream.ts";
import { DONE, errorEvent } from "../core/stream-events.ts";
import type { EmuResponse, SseEvent } from "../core/types.ts";
import { outputMessage, settleInputs, takeResponse } from "./run-sync.ts";
import { passError } from "./upstream-calls.ts";

async function openStream(emu: Emulator, body: JsonObject): Promise<AsyncIterable<SseEvent>> {
  try {
    const reply = await emu.upstream.stream("/v1/responses", { ...body, stream: true });
    return "events" in reply ? reply.events : fail(passError(reply));
  } catch (error) {
    if (error instanceof UpstreamFailure) fail(upstreamUnavailable(error.message));
    throw error;
  }
}

/**
 * Starts the response `body` for the run and answers with its events. `prelude` goes first
 * (thread.created for POST /v1/threads/runs); `continuation` marks the stream after tool outputs.
 */
export async function streamRun(
  emu: Emulator,
  record: RunRecord,
  body: JsonObject,
  options: { prelude?: SseEvent[]; continuation?: boolean } = {},
): Promise<EmuResponse> {
  const upstream = await openStream(emu, body);
  const translator = createStreamTranslator(
    record,
    {
      response: (raw) => {
        takeResponse(emu, record, raw);
        return record.run;
      },
      message: (itemId, done) => outputMessage(emu, record, itemId, done),
      now: () => emu.clock.now(),
    },
    options.continuation,
  );
  async function* events(): AsyncGenerator<SseEvent> {
    yield* options.prelude ?? [];
    try {
      for await (const upstreamEvent of upstream) {
        const translated = translator.translate(upstreamEvent);
        // Before the run's last event: a caller that lists messages next finds them in place.
        if (translated.some((out) => out.event === "done")) await settleInputs(emu, record);
        yield* translated;
      }
      yield* translator.finish();
    } catch (error) {
      // A stream cut off upstream ends the run's stream with an error event; retrieves go on working.
      const reason = error instanceof Error ? error.message : String(error);
      yield errorEvent("upstream_error", `The upstream stream failed: ${reason}`);
      yield DONE;
    }
  }
  return { status: 200, headers: {}, events: events() };
}

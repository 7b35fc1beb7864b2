// Errors in the Assistants API's own wording (as its simulator words them), plus the one error
// only the emulator gives: a feature it cannot emulate, named with what to do instead.
import { apiError } from "../../sim/core/errors.ts";
import type { SimResponse } from "../../sim/core/types.ts";

export { apiError, fail, SimError } from "../../sim/core/errors.ts";
export { activeRunConflict, messageDuringRun, missingBetaHeader, notFound, v1BetaHeader } from "../../sim/assistants/errors.ts";

/**
 * A request the Responses API gives no way to carry out. 400, so SDKs do not retry it; the code
 * says "unsupported" as the real API's own codes for unsupported parameters do.
 */
export function notEmulated(feature: string, reason: string, param: string | null = null): SimResponse {
  return apiError(400, `Not emulated: ${feature}. ${reason}`, { param, code: "unsupported_by_emulator" });
}

/** Files the code interpreter wrote stay in its upstream container (ids cfile_…); the Files API does not have them. */
export function containerFileNotEmulated(): SimResponse {
  const reason =
    "Responses keep them in the code interpreter's container, not in the Files API; " +
    "download one from the upstream with GET /v1/containers/{container_id}/files/{file_id}/content.";
  return notEmulated("files the code interpreter wrote (ids cfile_…)", reason, "file_id");
}

export function cannotCancel(status: string): SimResponse {
  return apiError(400, `Cannot cancel run with status '${status}'.`);
}

export function noToolOutputsExpected(status: string): SimResponse {
  return apiError(400, `Runs in status "${status}" do not accept tool outputs.`);
}

export function toolOutputsMismatch(expected: readonly string[], got: readonly string[]): SimResponse {
  return apiError(400, `Expected tool outputs for call_ids [${expected.join(", ")}], got [${got.join(", ")}].`, {
    param: "tool_outputs",
  });
}

/** The upstream could not be reached or answered nonsense: a 502 the SDK retries. */
export function upstreamUnavailable(reason: string): SimResponse {
  return apiError(502, `The emulator's upstream Responses API failed: ${reason}`, { type: "server_error", code: "upstream_error" });
}

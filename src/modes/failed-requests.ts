// Live and record: requests that failed, kept until the cell that sent them ends. A failed
// request fails the run even when the lesson caught the error (`main().catch(console.error)`),
// so a recording never replaces a good fixture with one of errors, or with nothing. A
// failure the SDK recovered from (a retry of the same request that succeeded) does not
// count, and a cell tagged `expect-api-error` may get an API error (4xx) on purpose.
import type { Cell } from "../notebook/cells.ts";
import type { RecordedRequest } from "../fixtures/format.ts";
import { caughtGuidance, EXPECT_API_ERROR_TAG, type LiveGuidanceError } from "./guidance.ts";

interface Failure {
  /** The request, so a later success of the same request (a retry) clears it. */
  readonly key: string;
  readonly error: LiveGuidanceError;
  /** The HTTP status, when the server answered at all. */
  readonly status: number | undefined;
}

const requestKey = (r: RecordedRequest): string =>
  JSON.stringify([r.method, r.path, r.query ?? {}, r.body ?? r.text ?? r.form ?? r.file ?? null]);

export interface FailedRequests {
  failed(request: RecordedRequest, error: LiveGuidanceError, status?: number): void;
  succeeded(request: RecordedRequest): void;
  /**
   * The failure to show for the cell that just ended, if any, and forgets them all. When the
   * cell threw (`threw`), what it threw is shown instead, explained as before.
   */
  take(cell: Cell | undefined, threw: boolean): LiveGuidanceError | undefined;
}

export function failedRequests(): FailedRequests {
  let open: Failure[] = [];
  return {
    failed: (request, error, status) => void open.push({ key: requestKey(request), error, status }),
    succeeded(request) {
      const key = requestKey(request);
      open = open.filter((f) => f.key !== key);
    },
    take(cell, threw) {
      const failures = open;
      open = [];
      if (threw) return undefined;
      const expected = (f: Failure) => f.status !== undefined && f.status < 500 && Boolean(cell?.tags.includes(EXPECT_API_ERROR_TAG));
      const shown = failures.find((f) => !expected(f));
      return shown && caughtGuidance(shown.error);
    },
  };
}

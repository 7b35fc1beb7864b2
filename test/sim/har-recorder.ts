// Records the SDK's real HTTP traffic (through the client's `fetch` option) as HAR 1.2, so
// the schema test can run the shared OpenAPI validator over what the simulator actually sent.
// The Authorization header is replaced before anything is kept.
import { type HarEntry, type HarHeader, type HarLog, harLog } from "../support/openapi.ts";

export type { HarEntry, HarHeader, HarLog };

function harHeaders(headers: Headers): HarHeader[] {
  return [...headers.entries()].map(([name, value]) => ({ name, value: name === "authorization" ? "Bearer [redacted]" : value }));
}

async function requestEntry(request: Request): Promise<HarEntry["request"]> {
  const url = new URL(request.url);
  const text = request.body ? await request.text() : "";
  return {
    method: request.method,
    url: request.url,
    headers: harHeaders(request.headers),
    queryString: [...url.searchParams.entries()].map(([name, value]) => ({ name, value })),
    ...(text ? { postData: { mimeType: "application/json", text } } : {}),
  };
}

export type Recorder = {
  /** Pass as `new OpenAI({ fetch })`. */
  fetch: typeof fetch;
  entries: HarEntry[];
  har(filter?: (entry: HarEntry) => boolean): HarLog;
};

export function createRecorder(): Recorder {
  const entries: HarEntry[] = [];
  const recordingFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const requestPart = await requestEntry(request.clone());
    const response = await fetch(request);
    const text = await response.clone().text();
    entries.push({
      request: requestPart,
      response: {
        status: response.status,
        headers: harHeaders(response.headers),
        content: { mimeType: response.headers.get("content-type") ?? "", text },
      },
    });
    return response;
  };
  return {
    fetch: recordingFetch as typeof fetch,
    entries,
    har: (filter = () => true) => harLog(entries.filter(filter), "lessonbook-sim"),
  };
}

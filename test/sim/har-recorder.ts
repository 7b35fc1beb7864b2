// Records the SDK's real HTTP traffic (through the client's `fetch` option) as HAR 1.2, so
// the schema test can run the shared OpenAPI validator over what the simulator actually sent.
// The Authorization header is replaced before anything is kept. Uploads are kept as their form
// fields (files by name and type), binary downloads as base64.
import { type HarEntry, type HarHeader, type HarLog, type HarParam, harLog } from "../support/openapi.ts";

export type { HarEntry, HarHeader, HarLog };

function harHeaders(headers: Headers): HarHeader[] {
  return [...headers.entries()].map(([name, value]) => ({ name, value: name === "authorization" ? "Bearer [redacted]" : value }));
}

async function formParams(request: Request): Promise<HarParam[]> {
  const params: HarParam[] = [];
  for (const [name, value] of await request.formData()) {
    params.push(typeof value === "string" ? { name, value } : { name, fileName: value.name, contentType: value.type });
  }
  return params;
}

async function requestEntry(request: Request): Promise<HarEntry["request"]> {
  const url = new URL(request.url);
  const type = request.headers.get("content-type") ?? "";
  const params = /^multipart\/form-data/i.test(type) ? await formParams(request) : undefined;
  const text = request.body && !params ? await request.text() : "";
  return {
    method: request.method,
    url: request.url,
    headers: harHeaders(request.headers),
    queryString: [...url.searchParams.entries()].map(([name, value]) => ({ name, value })),
    ...(params ? { postData: { mimeType: "multipart/form-data", text: "", params } } : {}),
    ...(text ? { postData: { mimeType: "application/json", text } } : {}),
  };
}

const isTextual = (type: string) => type === "" || /json|^text\//i.test(type);

async function responseContent(response: Response): Promise<HarEntry["response"]["content"]> {
  const mimeType = response.headers.get("content-type") ?? "";
  if (isTextual(mimeType)) return { mimeType, text: await response.text() };
  return { mimeType, text: Buffer.from(await response.arrayBuffer()).toString("base64"), encoding: "base64" };
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
    // The SDK probes its fetch with a data: URL before its first upload; that is not traffic.
    if (!/^https?:/.test(request.url)) return response;
    const content = await responseContent(response.clone());
    entries.push({ request: requestPart, response: { status: response.status, headers: harHeaders(response.headers), content } });
    return response;
  };
  return {
    fetch: recordingFetch as typeof fetch,
    entries,
    har: (filter = () => true) => harLog(entries.filter(filter), "lessonbook-sim"),
  };
}

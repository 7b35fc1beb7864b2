// The upstream Responses + Conversations API over fetch. The key is held in this closure only:
// it goes into the Authorization header of upstream requests and nowhere else (not the store,
// not a log, not an error message).
import { createParser } from "eventsource-parser";
import { type Upstream, UpstreamFailure, type UpstreamReply } from "../core/ports.ts";
import type { EmuRequest, EmuResponse, SseEvent } from "../core/types.ts";

export type UpstreamOptions = { baseUrl: string; apiKey: string; fetch?: typeof fetch };

/** Request headers a pass-through keeps: the body's type and the client's beta opt-ins. */
const PASSED_REQUEST_HEADERS = ["content-type", "openai-beta", "accept"];
const PASSED_RESPONSE_HEADERS = ["content-type", "content-disposition", "retry-after", "retry-after-ms", "openai-processing-ms"];

function headersOf(response: Response, names?: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) if (!names || names.includes(name)) headers[name] = value;
  return headers;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function* sseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const queue: SseEvent[] = [];
  const parser = createParser({
    onEvent: ({ event, data }) => {
      if (data === "[DONE]") return;
      queue.push({ event: event ?? "message", data: JSON.parse(data) as unknown });
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of body) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    yield* queue.splice(0);
  }
}

export function createHttpUpstream({ baseUrl, apiKey, fetch: fetchImpl = fetch }: UpstreamOptions): Upstream {
  const root = baseUrl.replace(/\/+$/, "");
  /** Paths are /v1/...; the base URL already ends in /v1 (like OPENAI_BASE_URL). */
  const url = (path: string) => `${root}${path.replace(/^\/v1/, "")}`;
  const auth = { authorization: `Bearer ${apiKey}` };

  async function send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetchImpl(url(path), init);
    } catch (error) {
      throw new UpstreamFailure(`could not reach ${new URL(root).host} (${reason(error)})`);
    }
  }

  async function reply(response: Response): Promise<UpstreamReply> {
    const text = await response.text();
    let json: unknown;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: headersOf(response), json };
  }

  return {
    async request(method, path, body) {
      const init: RequestInit = { method, headers: { ...auth, ...(body === undefined ? {} : { "content-type": "application/json" }) } };
      if (body !== undefined) init.body = JSON.stringify(body);
      return reply(await send(path, init));
    },
    async stream(path, body) {
      const response = await send(path, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify(body),
      });
      const isStream = (response.headers.get("content-type") ?? "").includes("text/event-stream");
      if (!response.ok || !isStream || !response.body) return reply(response);
      return { events: sseEvents(response.body) };
    },
    async pass(request: EmuRequest): Promise<EmuResponse> {
      const headers: Record<string, string> = { ...auth };
      for (const name of PASSED_REQUEST_HEADERS) if (request.headers[name]) headers[name] = request.headers[name];
      const search = request.query.toString();
      const hasBody = request.method !== "GET" && request.method !== "HEAD" && request.raw.length > 0;
      const response = await send(`${request.path}${search ? `?${search}` : ""}`, {
        method: request.method,
        headers,
        ...(hasBody ? { body: new Uint8Array(request.raw) } : {}),
      });
      return {
        status: response.status,
        headers: headersOf(response, PASSED_RESPONSE_HEADERS),
        bytes: new Uint8Array(await response.arrayBuffer()),
      };
    },
  };
}

// A tiny router: "METHOD /v1/path/{param}" templates compiled to regular expressions.
import type { FakeContext } from "./store.ts";
import type { FakeRequest, FakeResponse } from "./types.ts";

/** Reads a path parameter by the name used in the route template. */
export type PathParam = (name: string) => string;

export type Handler = (context: FakeContext, request: FakeRequest, param: PathParam) => FakeResponse;

export type Route = { method: string; template: string; pattern: RegExp; names: string[]; handler: Handler };

export function route(method: string, template: string, handler: Handler): Route {
  const names: string[] = [];
  const source = template.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { method, template, pattern: new RegExp(`^${source}/?$`), names, handler };
}

/** The first route matching method and path (so literal segments must come before parameters). */
export function matchRoute(routes: readonly Route[], method: string, path: string): { route: Route; param: PathParam } | undefined {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    const values = new Map(candidate.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? "")]));
    return { route: candidate, param: (name) => values.get(name) ?? "" };
  }
  return undefined;
}

export function ok(json: unknown, headers: Record<string, string> = {}): FakeResponse {
  return { status: 200, headers, json };
}

/** Run responses carry openai-poll-after-ms when the fake was asked to pace SDK poll helpers. */
export function runResponse(context: FakeContext, run: unknown): FakeResponse {
  const headers: Record<string, string> = {};
  if (context.pollAfterMs !== undefined) headers["openai-poll-after-ms"] = String(context.pollAfterMs);
  return ok(run, headers);
}

// A tiny router: "METHOD /v1/path/{param}" templates compiled to regular expressions.
// Handlers get their family's context first, so one table type serves every family.
import type { SimRequest, SimResponse } from "./types.ts";

/** Reads a path parameter by the name used in the route template. */
export type PathParam = (name: string) => string;

export type Handler<Context> = (context: Context, request: SimRequest, param: PathParam) => SimResponse;

export type Route<Context> = { method: string; template: string; pattern: RegExp; names: string[]; handler: Handler<Context> };

export function route<Context>(method: string, template: string, handler: Handler<Context>): Route<Context> {
  const names: string[] = [];
  const source = template.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { method, template, pattern: new RegExp(`^${source}/?$`), names, handler };
}

export type RouteMatch<Context> = { route: Route<Context>; param: PathParam };

/** The first route matching method and path (so literal segments must come before parameters). */
export function matchRoute<Context>(routes: readonly Route<Context>[], method: string, path: string): RouteMatch<Context> | undefined {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    const values = new Map(candidate.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? "")]));
    return { route: candidate, param: (name) => values.get(name) ?? "" };
  }
  return undefined;
}

export function ok(json: unknown, headers: Record<string, string> = {}): SimResponse {
  return { status: 200, headers, json };
}

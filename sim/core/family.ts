// An API family: the routes one API owns and the rules that hold only for them, such as a
// header every Assistants request needs or what its paths answer after a shutdown. Families
// sit side by side in one simulator (Assistants today, Responses next) without knowing each other.
import { type Route, matchRoute } from "./route-table.ts";
import type { SimRequest, SimResponse } from "./types.ts";

export type BoundHandler = (request: SimRequest) => SimResponse;

export interface Family {
  readonly name: string;
  /** "METHOD /v1/path/{param}" of every route the family implements. */
  readonly routes: readonly string[];
  /** The handler of the family's route for this method and path, if it has one. */
  find(method: string, path: string): BoundHandler | undefined;
  /** Checked when one of the family's routes matched, before its handler runs. */
  readonly guard?: (request: SimRequest) => SimResponse | undefined;
  /** What the family's paths answer while the shutdown scenario is on; without it the family stays up. */
  readonly shutdown?: { readonly paths: RegExp; readonly response: () => SimResponse };
}

export type FamilySpec<Context> = Omit<Family, "routes" | "find"> & {
  /** The family's state, handed to each handler. */
  readonly context: Context;
  readonly routes: readonly Route<Context>[];
};

export function defineFamily<Context>(spec: FamilySpec<Context>): Family {
  const { context, routes, ...rules } = spec;
  return {
    ...rules,
    routes: routes.map((candidate) => `${candidate.method} ${candidate.template}`),
    find(method, path) {
      const match = matchRoute(routes, method, path);
      return match && ((request) => match.route.handler(context, request, match.param));
    },
  };
}

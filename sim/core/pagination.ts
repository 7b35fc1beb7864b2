// Cursor pagination exactly like the real list endpoints: newest first by default, limit 20,
// `after`/`before` take an object id and are read in the chosen order.
import { apiError, fail } from "./errors.ts";

export type ListPage<T> = { object: "list"; data: T[]; first_id: string | null; last_id: string | null; has_more: boolean };

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

function readLimit(query: URLSearchParams): number {
  const raw = query.get("limit");
  if (raw === null || raw === "") return DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit)) {
    fail(apiError(400, `Invalid 'limit': expected an integer, but got '${raw}' instead.`, { param: "limit", code: "invalid_type" }));
  }
  if (limit < 1) {
    fail(
      apiError(400, `Invalid 'limit': integer below minimum value. Expected a value >= 1, but got ${limit} instead.`, {
        param: "limit",
        code: "integer_below_min_value",
      }),
    );
  }
  if (limit > MAX_LIMIT) {
    fail(
      apiError(400, `Invalid 'limit': integer above maximum value. Expected a value <= ${MAX_LIMIT}, but got ${limit} instead.`, {
        param: "limit",
        code: "integer_above_max_value",
      }),
    );
  }
  return limit;
}

function readOrder(query: URLSearchParams): "asc" | "desc" {
  const order = query.get("order") ?? "desc";
  if (order === "asc" || order === "desc") return order;
  return fail(
    apiError(400, `Invalid value: '${order}'. Supported values are: 'asc' and 'desc'.`, { param: "order", code: "invalid_value" }),
  );
}

/**
 * One page of `items` (given oldest first). `after` returns the items that follow the cursor,
 * `before` the ones right in front of it (the closest `limit` of them), both in page order;
 * `has_more` says whether more items lie beyond the page in that same direction.
 * An unknown cursor gives an empty page.
 */
export function listPage<T extends { id: string }>(itemsOldestFirst: readonly T[], query: URLSearchParams): ListPage<T> {
  const limit = readLimit(query);
  const ordered = readOrder(query) === "asc" ? [...itemsOldestFirst] : [...itemsOldestFirst].reverse();
  const after = query.get("after");
  const before = query.get("before");
  let candidates = ordered;
  let page: T[];
  if (after) {
    const index = ordered.findIndex((item) => item.id === after);
    candidates = index < 0 ? [] : ordered.slice(index + 1);
    page = candidates.slice(0, limit);
  } else if (before) {
    const index = ordered.findIndex((item) => item.id === before);
    candidates = index < 0 ? [] : ordered.slice(0, index);
    page = candidates.slice(Math.max(0, candidates.length - limit));
  } else {
    page = candidates.slice(0, limit);
  }
  return {
    object: "list",
    data: page,
    first_id: page[0]?.id ?? null,
    last_id: page[page.length - 1]?.id ?? null,
    has_more: candidates.length > limit,
  };
}

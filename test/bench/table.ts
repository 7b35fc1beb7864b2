// Small formatting helpers for the bench's table.

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export const ms = (value: number): string => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 2 : 0)} ms`);

export const ratio = (value: number): string => `${value.toFixed(2)}×`;

/** `total` ms spread over `count` units, in the unit that reads best. */
export function perUnit(total: number, count: number, unit: string): string {
  const each = total / count;
  return each >= 1 ? `${each.toFixed(2)} ms/${unit}` : `${(each * 1000).toFixed(1)} µs/${unit}`;
}

/** A Markdown table with padded columns (all cells are ASCII or single-width symbols). */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

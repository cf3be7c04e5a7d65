import type { PriceRange } from '@tripwise/contracts';

/** Strings (or numbers) in code-point order, as the database (C collation) orders them. */
export const codePointOrder = (x: number | string, y: number | string) => (x < y ? -1 : x > y ? 1 : 0);

/** Rows grouped by a key, in order of first sight: how many in each group, and the least value among them. */
export function countAndLeast<R, K>(
  rows: R[],
  keyOf: (r: R) => K,
  valueOf: (r: R) => number,
): { key: K; count: number; least: number }[] {
  const groups = new Map<K, { key: K; count: number; least: number }>();
  for (const r of rows) {
    const key = keyOf(r);
    const g = groups.get(key);
    if (g) {
      g.count++;
      g.least = Math.min(g.least, valueOf(r));
    } else groups.set(key, { key, count: 1, least: valueOf(r) });
  }
  return [...groups.values()];
}

/** The lowest and highest value; nulls when there is none, as SQL's min and max answer. */
export function rangeOf(values: number[]): PriceRange {
  return values.length ? { min: Math.min(...values), max: Math.max(...values) } : { min: null, max: null };
}

import type { Rng } from '../seeded-random.ts';

/** Splits a whole number by weights (largest remainder), so that the parts always add up to `total`. */
export function shareOut(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const byRemainder = exact.map((value, i) => ({ i, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest);
  let left = total - parts.reduce((s, p) => s + p, 0);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    parts[i]! += 1;
  }
  return parts;
}

/** `count` distinct weekdays (0 Sunday … 6 Saturday), busier ones more likely, as a 7-slot on/off list. */
export function pickWeekdays(count: number, demand: readonly number[], rng: Rng): boolean[] {
  // Efraimidis–Spirakis: the largest random^(1/weight) keys are a weighted sample without replacement.
  const keys = demand.map((weight, day) => ({ day, key: rng.next() ** (1 / weight) }));
  const chosen = new Set(
    keys
      .sort((a, b) => b.key - a.key)
      .slice(0, count)
      .map((k) => k.day),
  );
  return demand.map((_, day) => chosen.has(day));
}

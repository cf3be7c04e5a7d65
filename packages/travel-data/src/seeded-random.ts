/** A source of reproducible randomness: the same seed always gives the same sequence, on any machine. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks with probability proportional to `weights[i]`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** Normally distributed (Box–Muller). */
  normal(mean: number, sd: number): number;
}

/** mulberry32: 32 bits of state, fast, and plenty for test data (not for anything secret). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    weighted: <T>(items: readonly T[], weights: readonly number[]): T => {
      const total = weights.reduce((sum, w) => sum + w, 0);
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return items[i] as T;
      }
      return items[items.length - 1] as T;
    },
    normal: (mean, sd) => {
      const u = 1 - next(); // (0, 1], so the log is finite
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}

/**
 * An independent stream per purpose (`rngFor(seed, 'hotels', 'NYC')`): adding a draw to flights must not move
 * every hotel, and a day's flights must not depend on how many flights the days before it had.
 */
export function rngFor(seed: number, ...labels: (string | number)[]): Rng {
  // FNV-1a over the labels, started from the seed, then one mulberry-style mix to spread nearby seeds apart.
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (const char of labels.join('\u0000')) {
    h ^= char.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return createRng((h ^ (h >>> 16)) >>> 0);
}

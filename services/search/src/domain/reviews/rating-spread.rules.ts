/**
 * How a listing's ratings spread over 1–10. Written reviews are counted as they are; the other ratings (a generated
 * listing's review_count covers far more ratings than written reviews, as on any travel site) are known only by
 * their count and average, so they are spread around that average (a bell of width 1.4 points), whole ratings
 * that add up to the count exactly and average what the listing's rating says.
 */
export function ratingSpread(input: {
  /** The listing's rating in tenths (0–100), over all its ratings; null when it has none. */
  ratingTenths: number | null;
  reviewCount: number;
  /** Written reviews by rating. */
  written: readonly { rating: number; count: number }[];
}): { rating: number; count: number }[] {
  const counts = Array.from({ length: 10 }, () => 0);
  for (const w of input.written) counts[w.rating - 1]! += w.count;
  const writtenCount = input.written.reduce((sum, w) => sum + w.count, 0);
  const writtenSum = input.written.reduce((sum, w) => sum + w.rating * w.count, 0);
  const others = Math.max(0, input.reviewCount - writtenCount);
  if (others > 0 && input.ratingTenths !== null) {
    const mean = Math.min(10, Math.max(1, ((input.ratingTenths / 10) * input.reviewCount - writtenSum) / others));
    spreadAround(mean, others).forEach((n, i) => (counts[i]! += n));
  }
  return counts.map((count, i) => ({ rating: i + 1, count })).reverse();
}

/** A bell over the ratings 1–10 centred at `centre`, as shares adding up to 1. */
function bell(centre: number): number[] {
  const weights = Array.from({ length: 10 }, (_, i) => Math.exp(-((i + 1 - centre) ** 2) / (2 * 1.4 ** 2)));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

/**
 * `total` whole ratings averaging `mean`: a bell cut off at 1 and 10, its centre moved until its average is the
 * mean (a cut-off bell near 10 averages less than its centre), rounded by largest remainder so they add up.
 */
function spreadAround(mean: number, total: number): number[] {
  let centre = mean;
  for (let i = 0; i < 12; i++) {
    const average = bell(centre).reduce((sum, share, r) => sum + share * (r + 1), 0);
    centre += mean - average;
  }
  const exact = bell(centre).map((share) => share * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    counts[i]! += 1;
  }
  return counts;
}

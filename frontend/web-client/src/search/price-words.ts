// A listing's price history in a sentence (what the chart shows, for everyone and for screen readers).
import { plural } from '../ui/format.ts';

export interface TrendFacts {
  /** The price after each recorded change, oldest first (minor units). */
  prices: number[];
  avg30: number | null;
  avg60: number;
}

/** "Now $120, below its 30-day average of $130. Over its last 4 price changes it ranged from $110 to $150." */
export function priceHistorySentence(trend: TrendFacts, current: number, money: (amount: number) => string): string {
  const average = trend.avg30 ?? trend.avg60;
  const versus = current < average * 0.97 ? 'below' : current > average * 1.03 ? 'above' : 'close to';
  const now = `Now ${money(current)}, ${versus} its ${trend.avg30 === null ? '60' : '30'}-day average of ${money(average)}.`;
  const low = Math.min(...trend.prices);
  const high = Math.max(...trend.prices);
  if (trend.prices.length === 0) return now;
  if (trend.prices.length === 1) return `${now} It changed once lately, to ${money(high)}.`;
  if (low === high) {
    return `${now} Its last ${plural(trend.prices.length, 'price change')} all set it to ${money(high)}.`;
  }
  return `${now} Over its last ${trend.prices.length} price changes it ranged from ${money(low)} to ${money(high)}.`;
}

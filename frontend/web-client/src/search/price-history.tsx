import { useId } from 'react';
import { formatDate, formatMoney } from '../ui/format.ts';
import { priceHistorySentence } from './price-words.ts';
import type { PriceTrend } from './search-types.ts';

const W = 320;
const H = 100;
const usd = (amount: number) => formatMoney({ amount, currency: 'USD' });

/** Average price against the current one, in words: what the chart shows, for everyone (and screen readers). */
const summaryOf = (trend: PriceTrend, current: number) =>
  priceHistorySentence(
    { prices: trend.points.map((p) => p.price), avg30: trend.avg30, avg60: trend.avg60 },
    current,
    usd,
  );

/**
 * The listing's latest price changes as a small line chart (plain SVG: no chart library), with the same facts in a
 * sentence beside it. Without history there is nothing to draw and the page says so.
 */
export function PriceHistory({
  trend: stored,
  current: base,
  title = 'Price history',
  allIn = (amount) => amount,
}: {
  trend: PriceTrend | null;
  current: number;
  title?: string;
  /** A stored price (before taxes and fees) as the page shows prices: with them, as results and checkout do. */
  allIn?: (amount: number) => number;
}) {
  const id = useId();
  const current = allIn(base);
  const trend = stored && {
    ...stored,
    points: stored.points.map((p) => ({ ...p, price: allIn(p.price) })),
    avg30: stored.avg30 === null ? null : allIn(stored.avg30),
    avg60: allIn(stored.avg60),
  };
  if (!trend || trend.points.length === 0) {
    return (
      <section className="price-history" aria-label={title}>
        <h3>{title}</h3>
        <p className="muted">
          No price changes in the last 60 days: {usd(current)} throughout, taxes and fees included.
        </p>
      </section>
    );
  }
  const points = [
    ...trend.points.map((p) => ({ at: p.at, price: p.price })),
    { at: new Date().toISOString(), price: current },
  ];
  const prices = points.map((p) => p.price);
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  const span = high - low || 1;
  // A price that never moved is a level line across the middle, not one lying on the chart's floor.
  const yOf = (price: number) => (high === low ? H / 2 : H - 6 - ((price - low) / span) * (H - 12));
  const xy = points.map((p, i) => [(i / Math.max(1, points.length - 1)) * (W - 8) + 4, yOf(p.price)] as const);
  const average = trend.avg30 ?? trend.avg60;
  const avgY = yOf(Math.min(Math.max(average, low), high));
  return (
    <section className="price-history" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <svg viewBox={`0 0 ${W} ${H}`} className="price-chart" role="img" aria-labelledby={`${id}-summary`}>
        <line x1="0" x2={W} y1={avgY} y2={avgY} className="chart-average" />
        <polyline points={xy.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')} className="chart-line" />
        {xy.length > 0 && <circle cx={xy.at(-1)![0]} cy={xy.at(-1)![1]} r="3.5" className="chart-now" />}
      </svg>
      <p id={`${id}-summary`}>{summaryOf(trend, current)}</p>
      <p className="muted small">
        From {formatDate(points[0]!.at.slice(0, 10))} to today, taxes and fees included; the dashed line is the average.
      </p>
    </section>
  );
}

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
  trend,
  current,
  title = 'Price history',
}: {
  trend: PriceTrend | null;
  current: number;
  title?: string;
}) {
  const id = useId();
  if (!trend || trend.points.length === 0) {
    return (
      <section className="price-history" aria-label={title}>
        <h3>{title}</h3>
        <p className="muted">No price changes in the last 60 days: {usd(current)} has been the price throughout.</p>
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
  const xy = points.map(
    (p, i) =>
      [(i / Math.max(1, points.length - 1)) * (W - 8) + 4, H - 6 - ((p.price - low) / span) * (H - 12)] as const,
  );
  const average = trend.avg30 ?? trend.avg60;
  const avgY = H - 6 - ((Math.min(Math.max(average, low), high) - low) / span) * (H - 12);
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
        From {formatDate(points[0]!.at.slice(0, 10))} to today; the dashed line is the average.
      </p>
    </section>
  );
}

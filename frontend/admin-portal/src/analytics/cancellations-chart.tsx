import type { UseQueryResult } from '@tanstack/react-query';
import { ChartFigure } from '../charts/chart-figure.tsx';
import { chartWhenLoaded } from '../charts/chart-when-loaded.tsx';
import { ColumnChart } from '../charts/column-chart.tsx';
import { decimalOf, formatMoney, formatMonth } from '../ui/format.ts';
import type { Cancellations } from './analytics-api.ts';

type Row = Cancellations['points'][number];
const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/** Bookings cancelled per month (by the month they were made), with the rate and what was refunded. */
export function CancellationsChart({ query, title }: { query: UseQueryResult<Cancellations>; title: string }) {
  return chartWhenLoaded(query, title, (data) => (
    <ChartFigure<Row>
      title={title}
      testId="chart-cancellations"
      rows={data.points}
      filename={`cancellations-by-${data.interval}-${data.from}-${data.to}`}
      columns={[
        { header: 'Month', show: (r) => formatMonth(r.period.slice(0, 7)), csv: (r) => r.period.slice(0, 10) },
        { header: 'Bookings', show: (r) => r.bookings, csv: (r) => r.bookings, numeric: true },
        { header: 'Cancelled', show: (r) => r.cancellations, csv: (r) => r.cancellations, numeric: true },
        { header: 'Rate', show: (r) => percent(r.cancellationRate), csv: (r) => r.cancellationRate, numeric: true },
        {
          header: 'Refunded',
          show: (r) => formatMoney(r.refunded),
          csv: (r) => decimalOf(r.refunded.amount),
          numeric: true,
        },
      ]}
      chart={
        <ColumnChart
          tone="bar-2"
          label={`${title}: ${data.points.length} months`}
          columns={data.points.map((p) => ({
            label: formatMonth(p.period.slice(0, 7)),
            value: p.cancellations,
            display: `${p.cancellations} cancelled (${percent(p.cancellationRate)})`,
          }))}
        />
      }
    />
  ));
}

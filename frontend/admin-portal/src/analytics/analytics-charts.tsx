import type { UseQueryResult } from '@tanstack/react-query';
import { BarChart } from '../charts/bar-chart.tsx';
import { ChartFigure, type DataColumn } from '../charts/chart-figure.tsx';
import { chartWhenLoaded } from '../charts/chart-when-loaded.tsx';
import { ColumnChart } from '../charts/column-chart.tsx';
import { decimalOf, formatDate, formatMoney, formatMonth } from '../ui/format.ts';
import type { RevenueByCity, Sales, TopProperties, TopProviders } from './analytics-api.ts';

const dollars = (amount: number) => amount / 100;
const revenueColumns = <Row extends { revenue: { amount: number; currency: string } }>(): DataColumn<Row>[] => [
  { header: 'Revenue', show: (r) => formatMoney(r.revenue), csv: (r) => decimalOf(r.revenue.amount), numeric: true },
  { header: 'Currency', show: (r) => r.revenue.currency, csv: (r) => r.revenue.currency },
];

type PropertyRow = TopProperties['items'][number];
export function TopPropertiesChart({ query, title }: { query: UseQueryResult<TopProperties>; title: string }) {
  return chartWhenLoaded(query, title, (data) => (
    <ChartFigure<PropertyRow>
      title={title}
      testId="chart-top-properties"
      rows={data.items}
      filename={`top-properties-${data.year}`}
      columns={[
        {
          header: 'Rank',
          show: (r) => data.items.indexOf(r) + 1,
          csv: (r) => data.items.indexOf(r) + 1,
          numeric: true,
        },
        { header: 'Property', show: (r) => r.name, csv: (r) => r.name },
        { header: 'City', show: (r) => r.city, csv: (r) => r.city },
        { header: 'Bookings', show: (r) => r.bookings, csv: (r) => r.bookings, numeric: true },
        ...revenueColumns<PropertyRow>(),
      ]}
      chart={
        <BarChart
          label={`${title}: ${data.items[0]?.name ?? ''} first with ${data.items[0] ? formatMoney(data.items[0].revenue) : ''}`}
          bars={data.items.map((r) => ({
            label: r.name,
            value: dollars(r.revenue.amount),
            display: formatMoney(r.revenue, { cents: false }),
          }))}
        />
      }
    />
  ));
}

type CityRow = RevenueByCity['items'][number];
/** More bars than this would be unreadable; the table and the CSV have every city. */
const CITIES_CHARTED = 15;
export function RevenueByCityChart({ query, title }: { query: UseQueryResult<RevenueByCity>; title: string }) {
  return chartWhenLoaded(query, title, (data) => (
    <ChartFigure<CityRow>
      title={title}
      testId="chart-revenue-by-city"
      rows={data.items}
      filename={`revenue-by-city-${data.year}`}
      note={
        data.items.length > CITIES_CHARTED
          ? `The chart shows the first ${CITIES_CHARTED} of ${data.items.length} cities; the table lists them all.`
          : undefined
      }
      columns={[
        { header: 'City', show: (r) => r.city, csv: (r) => r.city },
        { header: 'Bookings', show: (r) => r.bookings, csv: (r) => r.bookings, numeric: true },
        ...revenueColumns<CityRow>(),
      ]}
      chart={
        <BarChart
          label={`${title}: ${data.items.length} cities, ${data.items[0]?.city ?? ''} first${data.items.length > CITIES_CHARTED ? `; the chart shows the first ${CITIES_CHARTED}, the table all` : ''}`}
          bars={data.items.slice(0, CITIES_CHARTED).map((r) => ({
            label: r.city,
            value: dollars(r.revenue.amount),
            display: formatMoney(r.revenue, { cents: false }),
          }))}
        />
      }
    />
  ));
}

const PROVIDER_KIND: Record<string, string> = {
  property: 'hotel',
  airline: 'airline',
  'car-company': 'car company',
  owner: 'host',
};

type ProviderRow = TopProviders['items'][number];
export function TopProvidersChart({ query, title }: { query: UseQueryResult<TopProviders>; title: string }) {
  return chartWhenLoaded(query, title, (data) => (
    <ChartFigure<ProviderRow>
      title={title}
      testId="chart-top-providers"
      rows={data.items}
      filename={`top-providers-${data.month}`}
      columns={[
        { header: 'Provider', show: (r) => r.provider.name, csv: (r) => r.provider.name },
        { header: 'Kind', show: (r) => PROVIDER_KIND[r.provider.kind] ?? r.provider.kind, csv: (r) => r.provider.kind },
        { header: 'Units sold', show: (r) => r.unitsSold, csv: (r) => r.unitsSold, numeric: true },
        ...revenueColumns<ProviderRow>(),
      ]}
      chart={
        <BarChart
          label={`${title}: ${data.items[0]?.provider.name ?? ''} first with ${data.items[0]?.unitsSold ?? 0} sold`}
          bars={data.items.map((r) => ({
            label: r.provider.name,
            value: r.unitsSold,
            display: `${r.unitsSold} sold · ${formatMoney(r.revenue, { cents: false })}`,
          }))}
        />
      }
    />
  ));
}

type SalesRow = Sales['points'][number];
const periodLabel = (interval: Sales['interval'], period: string) =>
  interval === 'month' ? formatMonth(period.slice(0, 7)) : formatDate(period);
/** Under a column: "Mar" for a month, "Mar 4" for a day or week. */
const shortPeriod = (interval: Sales['interval'], period: string) => {
  const [y, m, d] = period.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d));
  return interval === 'month'
    ? date.toLocaleDateString('en-US', { month: 'short', timeZone: 'UTC' })
    : date.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
};

export function SalesChart({
  query,
  title,
  measure,
}: {
  query: UseQueryResult<Sales>;
  title: string;
  measure: 'revenue' | 'bookings';
}) {
  return chartWhenLoaded(query, title, (data) => (
    <ChartFigure<SalesRow>
      title={title}
      testId={`chart-sales-${data.interval}-${measure}`}
      rows={data.points}
      filename={`sales-${measure}-by-${data.interval}-${data.from}-${data.to}`}
      columns={[
        {
          header: data.interval === 'month' ? 'Month' : 'Day',
          show: (r) => periodLabel(data.interval, r.period),
          csv: (r) => r.period.slice(0, 10),
        },
        { header: 'Bookings', show: (r) => r.bookings, csv: (r) => r.bookings, numeric: true },
        ...revenueColumns<SalesRow>(),
      ]}
      chart={
        <ColumnChart
          tone={measure === 'revenue' ? 'bar' : 'bar-2'}
          label={`${title}: ${data.points.length} ${data.interval}s with sales`}
          columns={data.points.map((p) => ({
            label: shortPeriod(data.interval, p.period),
            value: measure === 'revenue' ? dollars(p.revenue.amount) : p.bookings,
            display: measure === 'revenue' ? formatMoney(p.revenue, { cents: false }) : `${p.bookings} bookings`,
          }))}
        />
      }
    />
  ));
}

import type { UseQueryResult } from '@tanstack/react-query';
import type { FunnelPoint, ListingInsights, SectionSeen } from '@tripwise/contracts';
import { BarChart } from '../charts/bar-chart.tsx';
import { ChartFigure } from '../charts/chart-figure.tsx';
import { chartWhenLoaded } from '../charts/chart-when-loaded.tsx';
import { ColumnChart } from '../charts/column-chart.tsx';
import { formatDate } from '../ui/format.ts';
import type { ListingRow, Page, PageRow } from './insights-api.ts';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

export function DailyChart({ report, measure }: { report: ListingInsights; measure: 'views' | 'clicks' | 'bookings' }) {
  const title = `${measure[0]!.toUpperCase()}${measure.slice(1)} per day`;
  return (
    <ChartFigure
      title={title}
      testId={`chart-listing-${measure}`}
      rows={report.days}
      filename={`listing-${report.listing.kind}-${report.listing.id}-${measure}`}
      columns={[
        { header: 'Day', show: (d) => formatDate(d.day), csv: (d) => d.day },
        { header: 'Views', show: (d) => d.views, csv: (d) => d.views, numeric: true },
        { header: 'Clicks', show: (d) => d.clicks, csv: (d) => d.clicks, numeric: true },
        { header: 'Impressions', show: (d) => d.impressions, csv: (d) => d.impressions, numeric: true },
        { header: 'Bookings', show: (d) => d.bookings, csv: (d) => d.bookings, numeric: true },
      ]}
      empty="Nothing recorded in this period."
      chart={
        <ColumnChart
          label={title}
          tone={measure === 'views' ? 'bar' : 'bar-2'}
          columns={report.days.map((d) => ({ label: d.day.slice(5), value: d[measure], display: String(d[measure]) }))}
        />
      }
    />
  );
}

export function SectionsChart({ sections, title }: { sections: readonly SectionSeen[]; title: string }) {
  return (
    <ChartFigure<SectionSeen>
      title={title}
      testId="chart-sections"
      rows={sections}
      filename="least-seen-sections"
      note="Share of page views in which the section was on screen at all; least seen first."
      columns={[
        { header: 'Page', show: (s) => s.route, csv: (s) => s.route },
        { header: 'Section', show: (s) => s.section, csv: (s) => s.section },
        { header: 'Page views', show: (s) => s.present, csv: (s) => s.present, numeric: true },
        { header: 'Seen', show: (s) => s.seen, csv: (s) => s.seen, numeric: true },
        { header: 'Seen rate', show: (s) => percent(s.seenRate), csv: (s) => s.seenRate, numeric: true },
        {
          header: 'Avg. time on screen (s)',
          show: (s) => (s.avgVisibleMs / 1000).toFixed(1),
          csv: (s) => s.avgVisibleMs / 1000,
          numeric: true,
        },
      ]}
      empty="No section was measured in this period."
      chart={
        <BarChart
          label={`${title}: ${sections[0] ? `${sections[0].section} least seen` : ''}`}
          bars={sections.slice(0, 12).map((s) => ({
            label: `${s.route} · ${s.section}`,
            value: Math.round(s.seenRate * 100),
            display: percent(s.seenRate),
          }))}
        />
      }
    />
  );
}

export function PagesChart({ query, title }: { query: UseQueryResult<Page<PageRow>>; title: string }) {
  return chartWhenLoaded(query, title, (data) => (
    <ChartFigure<PageRow>
      title={title}
      testId="chart-pages"
      rows={data.items}
      filename="clicks-per-page"
      columns={[
        { header: 'Page', show: (r) => r.route, csv: (r) => r.route },
        { header: 'Clicks', show: (r) => r.clicks, csv: (r) => r.clicks, numeric: true },
        { header: 'Views', show: (r) => r.views, csv: (r) => r.views, numeric: true },
        { header: 'Sessions (daily unique)', show: (r) => r.sessions, csv: (r) => r.sessions, numeric: true },
      ]}
      empty="No page views in this period."
      chart={
        <BarChart
          label={title}
          bars={data.items.map((r) => ({ label: r.route, value: r.clicks, display: String(r.clicks) }))}
        />
      }
    />
  ));
}

export function ListingClicksChart({ query, title }: { query: UseQueryResult<Page<ListingRow>>; title: string }) {
  return chartWhenLoaded(query, title, (data) => (
    <ChartFigure<ListingRow>
      title={title}
      testId="chart-listing-clicks"
      rows={data.items}
      filename="listing-clicks"
      columns={[
        {
          header: 'Listing',
          show: (r) => `${r.listing.kind} ${r.listing.id}`,
          csv: (r) => `${r.listing.kind}:${r.listing.id}`,
        },
        { header: 'Clicks', show: (r) => r.clicks, csv: (r) => r.clicks, numeric: true },
        { header: 'Impressions', show: (r) => r.impressions, csv: (r) => r.impressions, numeric: true },
        {
          header: 'Click-through',
          show: (r) => percent(r.clickThroughRate),
          csv: (r) => r.clickThroughRate ?? '',
          numeric: true,
        },
        { header: 'Detail views', show: (r) => r.views, csv: (r) => r.views, numeric: true },
        { header: 'Bookings', show: (r) => r.bookings, csv: (r) => r.bookings, numeric: true },
      ]}
      empty="No listing was clicked in this period."
      chart={
        <BarChart
          label={title}
          bars={data.items.map((r) => ({
            label: `${r.listing.kind} ${r.listing.id}`,
            value: r.clicks,
            display: String(r.clicks),
          }))}
        />
      }
    />
  ));
}

export function FunnelChart({ steps, title }: { steps: readonly FunnelPoint[]; title: string }) {
  return (
    <ChartFigure<FunnelPoint>
      title={title}
      testId="chart-funnel"
      rows={steps}
      filename="funnel"
      columns={[
        { header: 'Step', show: (s) => s.step, csv: (s) => s.step },
        { header: 'Sessions (daily unique)', show: (s) => s.sessions, csv: (s) => s.sessions, numeric: true },
        { header: 'Drop-off', show: (s) => percent(s.dropOff), csv: (s) => s.dropOff ?? '', numeric: true },
      ]}
      chart={
        <ColumnChart
          label={title}
          columns={steps.map((s) => ({ label: s.step, value: s.sessions, display: String(s.sessions) }))}
        />
      }
    />
  );
}

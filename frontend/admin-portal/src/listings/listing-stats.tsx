import { useQuery } from '@tanstack/react-query';
import { api } from '@tripwise/web-session';
import { ChartFigure } from '../charts/chart-figure.tsx';
import { ColumnChart } from '../charts/column-chart.tsx';
import { formatDate, todayIso } from '../ui/format.ts';
import { ErrorState, Loading } from '../ui/states.tsx';
import type { ListingKind } from './listing-types.ts';

interface Stats {
  from: string;
  to: string;
  days: { day: string; impressions: number; views: number }[];
  totals: { impressions: number; views: number; viewRate: number | null };
}

/** Every day of the range, with zeros for days nobody saw the listing (the API lists only days with counts). */
function everyDay(stats: Stats) {
  const byDay = new Map(stats.days.map((d) => [String(d.day).slice(0, 10), d]));
  const days: { day: string; impressions: number; views: number }[] = [];
  for (let t = Date.parse(stats.from); t <= Date.parse(stats.to); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    const counted = byDay.get(day);
    days.push({ day, impressions: counted?.impressions ?? 0, views: counted?.views ?? 0 });
  }
  return days;
}

/** How often travelers saw the listing in results and opened it, day by day over the last 30 days. */
export function ListingStats({ kind, id }: { kind: ListingKind; id: string }) {
  const to = todayIso();
  const stats = useQuery({
    queryKey: ['listing-stats', kind, id, to],
    queryFn: ({ signal }) => api<Stats>(`/api/listings/${kind}/${id}/stats`, { query: { to }, signal }),
  });
  if (stats.isPending) return <Loading label="Loading the listing's figures" rows={2} />;
  if (stats.isError) return <ErrorState error={stats.error} retry={() => void stats.refetch()} what="The figures" />;
  const { totals } = stats.data;
  const days = everyDay(stats.data);
  const columns = [
    { header: 'Day', show: (d: (typeof days)[number]) => formatDate(d.day), csv: (d: (typeof days)[number]) => d.day },
    {
      header: 'Shown in results',
      show: (d: (typeof days)[number]) => d.impressions,
      csv: (d: (typeof days)[number]) => d.impressions,
      numeric: true,
    },
    {
      header: 'Details opened',
      show: (d: (typeof days)[number]) => d.views,
      csv: (d: (typeof days)[number]) => d.views,
      numeric: true,
    },
  ];
  return (
    <>
      <div className="cards">
        <div className="card">
          Shown in results
          <p className="stat">{totals.impressions.toLocaleString('en-US')}</p>
        </div>
        <div className="card">
          Details opened
          <p className="stat">{totals.views.toLocaleString('en-US')}</p>
        </div>
        <div className="card">
          Opened when shown
          <p className="stat">{totals.viewRate === null ? '—' : `${(totals.viewRate * 100).toFixed(1)}%`}</p>
        </div>
      </div>
      <ChartFigure
        title={`Details opened per day, ${formatDate(stats.data.from)} – ${formatDate(stats.data.to)}`}
        rows={totals.impressions + totals.views === 0 ? [] : days}
        columns={columns}
        filename={`listing-${kind}-${id}-views-${stats.data.from}-${stats.data.to}`}
        empty="Nobody has seen this listing in the last 30 days."
        chart={
          <ColumnChart
            label={`Details opened per day: ${totals.views} in all over ${days.length} days`}
            columns={days.map((d) => ({
              label: formatDate(d.day).replace(/, \d{4}$/, ''),
              value: d.views,
              display: `${d.views} opened, ${d.impressions} shown`,
            }))}
          />
        }
      />
    </>
  );
}

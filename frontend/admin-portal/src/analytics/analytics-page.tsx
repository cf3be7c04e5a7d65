import { useSearchParams } from 'react-router';
import { SelectField } from '../ui/field.tsx';
import { formatMonth } from '../ui/format.ts';
import { usePageTitle } from '../ui/page-title.ts';
import { usePortalRole } from '../ui/shell.tsx';
import { NotAvailableYet } from '../ui/states.tsx';
import {
  nextMonth,
  previousMonth,
  useCancellations,
  useRevenueByCity,
  useSales,
  useTopProperties,
  useTopProviders,
} from './analytics-api.ts';
import { RevenueByCityChart, SalesChart, TopPropertiesChart, TopProvidersChart } from './analytics-charts.tsx';
import { CancellationsChart } from './cancellations-chart.tsx';

const thisYear = new Date().getUTCFullYear();
const YEARS = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];

function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * The class report, charted: top 10 properties by revenue and revenue per city in a year, the 10 providers that
 * sold most in a month, and sales per month of the year and per day of the month. Admins see the marketplace,
 * owners their own listings. Year and month are in the address.
 */
export function AnalyticsPage() {
  const role = usePortalRole();
  const [params, setParams] = useSearchParams();
  const year = YEARS.includes(Number(params.get('year'))) ? Number(params.get('year')) : thisYear;
  const requestedMonth = params.get('month') ?? '';
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(requestedMonth) ? requestedMonth : previousMonth();
  const mine = role === 'owner';
  usePageTitle(mine ? 'Performance' : 'Marketplace analytics');

  const set = (name: 'year' | 'month', value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next, { replace: true });
  };
  const topProperties = useTopProperties(year);
  const revenueByCity = useRevenueByCity(year);
  const topProviders = useTopProviders(month);
  const salesByMonth = useSales(`${year}-01-01`, `${year + 1}-01-01`, 'month');
  const salesByDay = useSales(`${month}-01`, `${nextMonth(month)}-01`, 'day');
  const cancellations = useCancellations(`${year}-01-01`, `${year + 1}-01-01`, 'month');

  return (
    <>
      <h1>{mine ? 'Performance of my listings' : 'Marketplace analytics'}</h1>
      <div className="toolbar" role="group" aria-label="Period">
        <SelectField label="Year" value={year} onChange={(e) => set('year', e.target.value)}>
          {YEARS.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <SelectField label="Month" value={month} onChange={(e) => set('month', e.target.value)}>
          {[...new Set([month, ...monthsOf(year)])].sort().map((m) => (
            <option key={m} value={m}>
              {formatMonth(m)}
            </option>
          ))}
        </SelectField>
        <p className="muted">Revenue is what travelers paid for rooms, cars and seats, before taxes and fees.</p>
      </div>
      <h2>{year}</h2>
      <div className="charts">
        <SalesChart query={salesByMonth} measure="revenue" title={`Revenue per month, ${year}`} />
        <SalesChart query={salesByMonth} measure="bookings" title={`Bookings per month, ${year}`} />
        <TopPropertiesChart
          query={topProperties}
          title={mine ? `My top hotels by revenue, ${year}` : `Top 10 properties by revenue, ${year}`}
        />
        <RevenueByCityChart query={revenueByCity} title={`Revenue by city, ${year}`} />
      </div>
      <h2>{formatMonth(month)}</h2>
      <div className="charts">
        <TopProvidersChart
          query={topProviders}
          title={
            mine
              ? `My listings that sold most, ${formatMonth(month)}`
              : `Top 10 hosts and providers, ${formatMonth(month)}`
          }
        />
        <SalesChart query={salesByDay} measure="revenue" title={`Revenue per day, ${formatMonth(month)}`} />
      </div>
      <div className="charts">
        <CancellationsChart query={cancellations} title={`Cancellations per month, ${year}`} />
      </div>
      {mine && (
        <NotAvailableYet title="Views, clicks and conversion per listing">
          <p>
            Each listing's page shows how often it was shown and opened in the last 30 days. Those figures for every
            listing at once, with bookings per view, need the insights API.
          </p>
        </NotAvailableYet>
      )}
    </>
  );
}

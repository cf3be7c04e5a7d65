import type { FareCalendar, FareCalendarDay } from '@tripwise/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/http.ts';
import { QueryState } from '../../flights/query-state.tsx';
import { FlightSearchForm } from '../../search/flight-search-form.tsx';
import { SearchFirst } from '../../search/results-layout.tsx';
import { todayIso } from '../../search/dates.ts';
import { pickParams, withParam } from '../../search/url-params.ts';
import { fareAllIn } from '../../ui/all-in.ts';
import { formatDate, formatMoney, plural } from '../../ui/format.ts';
import '../../flights/flights.css';

const CALENDAR_KEYS = ['origin', 'destination', 'month', 'passengers', 'cabin', 'maxStops'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const monthName = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
function addMonths(month: string, n: number): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** The month's days in weeks from Sunday, blank before the first and after the last. */
function weeksOf(days: FareCalendarDay[]): (FareCalendarDay | null)[][] {
  const lead = days[0] ? new Date(`${days[0].date}T00:00:00Z`).getUTCDay() : 0;
  const cells: (FareCalendarDay | null)[] = [...Array<null>(lead).fill(null), ...days];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

function Day({ day, params, cheapest }: { day: FareCalendarDay | null; params: URLSearchParams; cheapest: boolean }) {
  if (!day) return <td className="calendar-blank" />;
  const n = Number(day.date.slice(8));
  if (!day.price) {
    return (
      <td className="calendar-day calendar-none">
        <span className="calendar-date">{n}</span>
        <span className="muted small">{day.date < todayIso() ? 'Past' : 'No flights'}</span>
      </td>
    );
  }
  const search = new URLSearchParams(pickParams(params, ['origin', 'destination', 'passengers', 'cabin', 'maxStops']));
  search.set('date', day.date);
  search.set('sort', 'price');
  const stops = day.stops === 0 ? 'nonstop' : plural(day.stops ?? 0, 'stop');
  return (
    <td className={`calendar-day${cheapest ? ' calendar-cheapest' : ''}`}>
      <span className="calendar-date" aria-hidden="true">
        {n}
      </span>
      <Link
        to={`/flights?${search.toString()}`}
        aria-label={`${formatDate(day.date)}: from ${formatMoney(fareAllIn(day.price, (day.stops ?? 0) + 1), { cents: true })} one way per person, ${stops}${cheapest ? ' (the cheapest this month)' : ''}`}
        data-testid="calendar-day"
      >
        {formatMoney(fareAllIn(day.price, (day.stops ?? 0) + 1), { cents: true })}
      </Link>
      {cheapest && <span className="grid-mark">Cheapest</span>}
    </td>
  );
}

/** A month of one-way fares, as Google Flights' calendar: each day's cheapest, the month's cheapest marked. */
export function FareCalendarPage() {
  const [params, setParams] = useSearchParams();
  const query = pickParams(params, CALENDAR_KEYS);
  const complete = Boolean(query.origin && query.destination && /^\d{4}-\d{2}$/.test(query.month ?? ''));
  const calendar = useQuery({
    queryKey: ['fare-calendar', query],
    queryFn: ({ signal }) => api<FareCalendar>('/api/search/flights/calendar', { query, signal, auth: false }),
    enabled: complete,
  });
  if (!complete) return <SearchFirst title="Price calendar" form={<FlightSearchForm initial={params} />} />;
  const month = query.month!;
  const move = (n: number) => `/flights/calendar?${withParam(params, 'month', addMonths(month, n)).toString()}`;
  const data = calendar.data;
  return (
    <div className="flexible-page">
      <h1>
        Price calendar: {query.origin} → {query.destination}
      </h1>
      <p className="muted">
        The cheapest one-way fare each day, per person, in US dollars, taxes and fees included. Open a day to see its
        flights.
      </p>
      <div className="flexible-actions">
        {month > todayIso().slice(0, 7) && <Link to={move(-1)}>← {monthName(addMonths(month, -1))}</Link>}
        <Link to={move(1)}>{monthName(addMonths(month, 1))} →</Link>
        <label className="inline-field">
          Stops{' '}
          <select
            value={params.get('maxStops') ?? ''}
            onChange={(e) => setParams(withParam(params, 'maxStops', e.target.value), { replace: true })}
          >
            <option value="">Any</option>
            <option value="0">Nonstop only</option>
            <option value="1">1 stop or fewer</option>
          </select>
        </label>
      </div>
      <QueryState
        status={calendar.status}
        error={calendar.error}
        retry={() => void calendar.refetch()}
        what="price calendar"
      />
      {data && (
        <div className="table-scroll" role="region" aria-label={`One-way prices in ${monthName(month)}`} tabIndex={0}>
          <table className="fare-calendar">
            <caption>
              {monthName(month)}
              {data.cheapest?.price &&
                `: the cheapest is ${formatMoney(fareAllIn(data.cheapest.price, (data.cheapest.stops ?? 0) + 1), { cents: true })} on ${formatDate(data.cheapest.date)}`}
            </caption>
            <thead>
              <tr>
                {WEEKDAYS.map((d) => (
                  <th key={d} scope="col">
                    {d}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeksOf(data.days).map((week, w) => (
                <tr key={w}>
                  {week.map((day, i) => (
                    <Day
                      key={day?.date ?? `blank-${i}`}
                      day={day}
                      params={params}
                      cheapest={Boolean(day && day.date === data.cheapest?.date)}
                    />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

import type { DateGrid, DateGridCell, Money } from '@tripwise/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/http.ts';
import { calendarPath } from '../../flights/flexible-links.tsx';
import { QueryState } from '../../flights/query-state.tsx';
import { SearchFirst } from '../../search/results-layout.tsx';
import { FlightSearchForm } from '../../search/flight-search-form.tsx';
import { addDays, todayIso } from '../../search/dates.ts';
import { pickParams, withParam } from '../../search/url-params.ts';
import { fareAllIn } from '../../ui/all-in.ts';
import { formatDate, formatMoney } from '../../ui/format.ts';
import '../../flights/flights.css';

const GRID_KEYS = ['origin', 'destination', 'date', 'returnDate', 'passengers', 'cabin', 'maxStops'];
const short = (iso: string) => formatDate(iso).replace(/^(\w+), /, '$1 ');

/** An itinerary's flights: its id is theirs joined by `-` (contracts' itineraryIdSchema). */
const flightsIn = (itineraryId: string | null) => (itineraryId ? itineraryId.split('-').length : 1);

/**
 * A cell's round trip as the traveler pays it, taxes and fees included, as results and checkout show it: every flight
 * of both ways is taxed on its own.
 */
const cellAllIn = (cell: DateGridCell & { price: Money }) =>
  formatMoney(fareAllIn(cell.price, flightsIn(cell.outboundId) + flightsIn(cell.returnId)), { cents: true });

/** The search a cell opens: those two dates, cheapest first, so the cell's price is at the top. */
function searchPath(params: URLSearchParams, cell: DateGridCell): string {
  const search = new URLSearchParams(pickParams(params, ['origin', 'destination', 'passengers', 'cabin', 'maxStops']));
  search.set('date', cell.departDate);
  search.set('returnDate', cell.returnDate);
  search.set('sort', 'price');
  return `/flights?${search.toString()}`;
}

function Cell({
  cell,
  params,
  chosen,
  cheapest,
}: {
  cell: DateGridCell | undefined;
  params: URLSearchParams;
  chosen: boolean;
  cheapest: boolean;
}) {
  if (!cell) {
    return (
      <td className="grid-none">
        <span aria-hidden="true">–</span>
        <span className="sr-only">Return before departure</span>
      </td>
    );
  }
  const when = `Leave ${formatDate(cell.departDate)}, return ${formatDate(cell.returnDate)}`;
  if (!cell.price) {
    return (
      <td className="grid-none">
        <span className="sr-only">{when}: </span>
        <span className="muted">No flights</span>
      </td>
    );
  }
  const marks = [chosen && 'your dates', cheapest && 'the cheapest'].filter(Boolean).join(', ');
  const price = cellAllIn({ ...cell, price: cell.price });
  return (
    <td className={`${chosen ? 'grid-chosen ' : ''}${cheapest ? 'grid-cheapest' : ''}`.trim() || undefined}>
      <Link
        to={searchPath(params, cell)}
        aria-current={chosen ? 'true' : undefined}
        aria-label={`${when}: ${price} round trip per person${marks ? ` (${marks})` : ''}`}
        data-testid="grid-cell"
      >
        {price}
      </Link>
      {chosen && <span className="grid-mark">Your dates</span>}
      {!chosen && cheapest && <span className="grid-mark">Cheapest</span>}
    </td>
  );
}

/**
 * Flexible dates for a round trip, as Google Flights' date grid: the cheapest round trip for each pair of dates
 * within three days of the ones asked, the chosen pair highlighted; a cell opens that search.
 */
export function DateGridPage() {
  const [params, setParams] = useSearchParams();
  const query = pickParams(params, GRID_KEYS);
  const complete = Boolean(query.origin && query.destination && query.date && query.returnDate);
  const grid = useQuery({
    queryKey: ['date-grid', query],
    queryFn: ({ signal }) => api<DateGrid>('/api/search/flights/date-grid', { query, signal, auth: false }),
    enabled: complete,
  });
  if (!complete) return <SearchFirst title="Prices by date" form={<FlightSearchForm initial={params} />} />;
  const { date = '', returnDate = '' } = query;
  const shift = (days: number) => {
    const moved = addDays(date, days) < todayIso() ? todayIso() : addDays(date, days);
    const by = Math.round((Date.parse(moved) - Date.parse(date)) / 86_400_000);
    return withParam(withParam(params, 'date', moved), 'returnDate', addDays(returnDate, by));
  };
  const data = grid.data;
  const cellAt = new Map(data?.cells.map((c) => [`${c.departDate}|${c.returnDate}`, c]));
  const cheapest = data?.cheapest;
  const results = new URLSearchParams(
    pickParams(params, ['origin', 'destination', 'date', 'returnDate', 'passengers', 'cabin']),
  );
  return (
    <div className="flexible-page">
      <h1>
        Prices by date: {query.origin} → {query.destination}
      </h1>
      <p className="muted">
        Each price is the cheapest round trip leaving and returning on those dates: per person, in US dollars, taxes and
        fees included. Your dates are outlined; open a price to see its flights.
      </p>
      <div className="flexible-actions">
        <Link to={`/flights?${results.toString()}`}>
          Flights for {formatDate(date)} – {formatDate(returnDate)}
        </Link>
        <Link to={calendarPath(params)}>Price calendar for the month</Link>
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
      <QueryState status={grid.status} error={grid.error} retry={() => void grid.refetch()} what="prices by date" />
      {data && (
        <>
          <div className="table-scroll" role="region" aria-label="Round-trip prices by date" tabIndex={0}>
            <table className="date-grid">
              <caption>
                Departure dates across, return dates down
                {cheapest?.price && `; the cheapest is ${cellAllIn({ ...cheapest, price: cheapest.price })}`}
              </caption>
              <thead>
                <tr>
                  <td />
                  {data.departDates.map((d) => (
                    <th key={d} scope="col">
                      <span className="muted small">Leave</span> {short(d)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.returnDates.map((r) => (
                  <tr key={r}>
                    <th scope="row">
                      <span className="muted small">Return</span> {short(r)}
                    </th>
                    {data.departDates.map((d) => (
                      <Cell
                        key={d}
                        cell={cellAt.get(`${d}|${r}`)}
                        params={params}
                        chosen={d === date && r === returnDate}
                        cheapest={Boolean(cheapest && cheapest.departDate === d && cheapest.returnDate === r)}
                      />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="flexible-actions">
            {date > todayIso() && <Link to={`/flights/dates?${shift(-7).toString()}`}>← A week earlier</Link>}
            <Link to={`/flights/dates?${shift(7).toString()}`}>A week later →</Link>
          </div>
        </>
      )}
    </div>
  );
}

import { Link } from 'react-router';

/** The search's places and party, as the date grid and the calendar take them. */
function tripOf(params: URLSearchParams): URLSearchParams {
  const trip = new URLSearchParams();
  for (const key of ['origin', 'destination', 'passengers', 'cabin']) {
    const value = params.get(key);
    if (value) trip.set(key, value);
  }
  return trip;
}

export function dateGridPath(params: URLSearchParams): string {
  const trip = tripOf(params);
  trip.set('date', params.get('date') ?? '');
  trip.set('returnDate', params.get('returnDate') ?? '');
  return `/flights/dates?${trip.toString()}`;
}

export function calendarPath(params: URLSearchParams, month = (params.get('date') ?? '').slice(0, 7)): string {
  const trip = tripOf(params);
  trip.set('month', month);
  return `/flights/calendar?${trip.toString()}`;
}

/** From results: the same trip on other dates, as Google Flights' "Date grid" and "Price graph" buttons offer it. */
export function FlexibleDatesLinks({ params }: { params: URLSearchParams }) {
  const roundTrip = Boolean(params.get('returnDate'));
  return (
    <nav className="flexible-links" aria-label="Flexible dates">
      <span className="muted">Flexible?</span>
      {roundTrip && <Link to={dateGridPath(params)}>Date grid: prices 3 days either side</Link>}
      <Link to={calendarPath(params)}>Price calendar: cheapest one-way fare each day</Link>
    </nav>
  );
}

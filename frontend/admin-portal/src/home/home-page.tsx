import { useQuery } from '@tanstack/react-query';
import { api } from '@tripwise/web-session';
import { useSession } from '@tripwise/web-session/react';
import { Link } from 'react-router';
import { nextMonth, useSales } from '../analytics/analytics-api.ts';
import { rowsOf, guestOf, type Booking } from '../bookings/booking-rows.ts';
import { formatDate, formatMoney, formatMonth } from '../ui/format.ts';
import { usePageTitle } from '../ui/page-title.ts';
import { usePortalRole } from '../ui/shell.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';

type Counts = Record<'pending' | 'active' | 'paused' | 'suspended' | 'rejected', number>;

/** Listings per status (an owner's own, or all), counted by the server. */
function useSummary() {
  return useQuery({
    queryKey: ['listings', 'summary'],
    queryFn: ({ signal }) =>
      api<{ hotels: Counts; cars: Counts; flights?: Counts; changesWaiting: number }>('/api/listings/summary', {
        signal,
      }),
  });
}

function PendingCard({ role }: { role: 'owner' | 'admin' }) {
  const summary = useSummary();
  const count = (kind: 'hotels' | 'cars') => (summary.data ? summary.data[kind].pending.toLocaleString() : '…');
  const live = summary.data ? summary.data.hotels.active + summary.data.cars.active : undefined;
  return (
    <div className="card">
      {role === 'admin' ? 'Waiting for your review' : 'Waiting for review'}
      <p className="stat">
        {count('hotels')} hotels, {count('cars')} cars
        {summary.data && summary.data.changesWaiting > 0 && `, ${summary.data.changesWaiting} changes`}
      </p>
      {live !== undefined && <span className="muted">{live.toLocaleString()} hotels and cars live. </span>}
      <Link to={role === 'admin' ? '/review' : '/listings?status=pending'}>
        {role === 'admin' ? 'Open the review queue' : 'See them'}
      </Link>
    </div>
  );
}

function MonthCard({ mine }: { mine: boolean }) {
  const month = new Date().toISOString().slice(0, 7);
  const sales = useSales(`${month}-01`, `${nextMonth(month)}-01`, 'month');
  const point = sales.data?.points[0];
  return (
    <div className="card">
      {mine ? 'Your sales' : 'Marketplace sales'}, {formatMonth(month)}
      {sales.isError ? (
        <p className="bad">Could not be loaded.</p>
      ) : (
        <p className="stat">
          {sales.data ? formatMoney(point?.revenue ?? { amount: 0, currency: 'USD' }, { cents: false }) : '…'}
        </p>
      )}
      <span className="muted">{point ? `${point.bookings} bookings` : sales.data ? 'No bookings yet' : ''}</span>{' '}
      <Link to="/analytics">{mine ? 'Performance' : 'Analytics'}</Link>
    </div>
  );
}

function UpcomingStays() {
  const upcoming = useQuery({
    queryKey: ['bookings-of-listings', 'upcoming', undefined, 5],
    queryFn: ({ signal }) =>
      api<{ items: Booking[] }>('/api/bookings/of-my-listings', {
        query: { when: 'upcoming', status: 'confirmed', limit: 5 },
        signal,
      }),
  });
  if (upcoming.isPending) return <Loading label="Loading upcoming bookings" rows={2} />;
  if (upcoming.isError) {
    return <ErrorState error={upcoming.error} retry={() => void upcoming.refetch()} what="Upcoming bookings" />;
  }
  const rows = rowsOf(upcoming.data.items);
  if (rows.length === 0) return <p className="muted">No upcoming bookings yet.</p>;
  return (
    <ul>
      {rows.map(({ booking, item }) => (
        <li key={`${booking.id}-${item.position}`}>
          {formatDate(item.startDate)}: {guestOf(item)}, {item.title} ({item.subtitle})
        </li>
      ))}
    </ul>
  );
}

/** Where the day starts: what waits for review, this month's sales, the next arrivals, the usual next steps. */
export function HomePage() {
  usePageTitle('Overview');
  const role = usePortalRole();
  const state = useSession();
  const name = state.status === 'signed-in' ? (state.user.firstName ?? state.user.email) : '';
  return (
    <>
      <h1>Welcome, {name}</h1>
      <div className="cards">
        <PendingCard role={role} />
        <MonthCard mine={role === 'owner'} />
      </div>
      <div className="actions">
        <Link className="button" to="/listings/new/hotels">
          Add a hotel
        </Link>
        <Link className="button secondary" to="/listings/new/cars">
          Add a car
        </Link>
        {role === 'admin' && (
          <>
            <Link className="button secondary" to="/users">
              Find a user
            </Link>
            <Link className="button secondary" to="/bills">
              Search bills
            </Link>
          </>
        )}
      </div>
      <h2>{role === 'admin' ? 'Next arrivals on Tripwise' : 'Your next guests'}</h2>
      <UpcomingStays />
    </>
  );
}

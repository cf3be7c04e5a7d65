import { useQuery } from '@tanstack/react-query';
import { api } from '@tripwise/web-session';
import { Link } from 'react-router';
import type { Booking } from '../bookings/booking-rows.ts';
import { formatDate } from '../ui/format.ts';
import { ErrorState, Loading } from '../ui/states.tsx';

interface Counted<T = unknown> {
  items: T[];
  total?: number;
  totalIsEstimate?: boolean;
}

const count = (page: Counted | undefined) =>
  page?.total === undefined ? '…' : `${page.total.toLocaleString()}${page.totalIsEstimate ? '+' : ''}`;

function useListingCount(kind: 'hotels' | 'cars', userId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['listings', kind, { ownerId: userId, limit: 1 }],
    queryFn: ({ signal }) => api<Counted>(`/api/listings/${kind}`, { query: { ownerId: userId, limit: 1 }, signal }),
    enabled,
  });
}

/**
 * What the user has in the other services: listings they own, bookings they made, bills in their name, counted by
 * the server; shown on their page and before a deletion.
 */
export function useFootprint(userId: string, role: string) {
  const hotels = useListingCount('hotels', userId, role === 'owner');
  const cars = useListingCount('cars', userId, role === 'owner');
  const bookings = useQuery({
    queryKey: ['bookings', 'of-user', userId],
    queryFn: ({ signal }) =>
      api<Counted<Booking>>('/api/bookings/of-my-listings', { query: { userId, limit: 5 }, signal }),
  });
  const bills = useQuery({
    queryKey: ['bills', { userId, limit: 1 }],
    queryFn: ({ signal }) => api<Counted>('/api/billing', { query: { userId, limit: 1 }, signal }),
  });
  return {
    bookings,
    text: [
      ...(role === 'owner' ? [`${count(hotels.data)} hotels`, `${count(cars.data)} cars`] : []),
      `${count(bookings.data)} bookings`,
      `${count(bills.data)} bills`,
    ].join(', '),
  };
}

/** The user's latest bookings (as a traveler), with how many there are. */
export function UserBookings({ footprint }: { footprint: ReturnType<typeof useFootprint> }) {
  const { bookings } = footprint;
  if (bookings.isPending) return <Loading label="Loading bookings" rows={2} />;
  if (bookings.isError) {
    return <ErrorState error={bookings.error} retry={() => void bookings.refetch()} what="Bookings" />;
  }
  if (bookings.data.items.length === 0) return <p className="muted">No bookings.</p>;
  return (
    <>
      <p>{count(bookings.data)} bookings in all; the latest:</p>
      <ul>
        {bookings.data.items.map((b) => (
          <li key={b.id}>
            {b.items[0]?.title ?? b.kind}, {formatDate(b.startsOn)} – {formatDate(b.endsOn)}, {b.status}{' '}
            <small className="muted">
              (<code>{b.id.slice(0, 8)}</code>, <Link to={`/bills?bookingId=${b.id}`}>bills</Link>)
            </small>
          </li>
        ))}
      </ul>
    </>
  );
}

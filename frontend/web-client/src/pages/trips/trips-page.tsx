import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { messageOf } from '../../api/api-error.ts';
import { api } from '../../api/http.ts';
import { formatDate, formatMoney } from '../../ui/format.ts';
import { RequireSignIn } from '../../ui/require-sign-in.tsx';
import { referenceOf } from '../checkout/confirmation.tsx';
import { STATUS_TEXT, type Booking } from './booking-types.ts';

// Attempts that were never booked (a declined card, sold out) are no trips: they have a tab of their own.
const TABS = [
  ['upcoming', 'Upcoming'],
  ['current', 'Current'],
  ['past', 'Past'],
  ['not-booked', 'Not booked'],
] as const;
type When = (typeof TABS)[number][0];

const EMPTY: Record<When, string> = {
  upcoming: 'No upcoming trips yet.',
  current: 'You are not travelling right now.',
  past: 'No past trips yet.',
  'not-booked': 'Every booking you tried went through.',
};

const queryOf = (when: When) => (when === 'not-booked' ? { when: 'all', status: 'failed' } : { when });

function TripList({ when }: { when: When }) {
  const trips = useInfiniteQuery({
    queryKey: ['bookings', when],
    queryFn: ({ pageParam, signal }) =>
      api<{ items: Booking[]; nextCursor: string | null }>('/api/bookings', {
        query: { ...queryOf(when), limit: 10, cursor: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  if (trips.isPending) return <div className="skeleton" aria-busy="true" aria-label="Loading trips" />;
  if (trips.isError) {
    return (
      <div className="empty-state" role="alert">
        <p>{messageOf(trips.error)}</p>
        <button type="button" onClick={() => void trips.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  const items = trips.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <div className="empty-state">
        <p>{EMPTY[when]}</p>
        <Link to="/">Find flights, hotels and cars</Link>
      </div>
    );
  }
  return (
    <>
      <ul className="trip-list">
        {items.map((b) => (
          <li key={b.id} className="card trip" data-testid="trip">
            <div>
              <h2 className="result-title">
                <Link to={`/trips/${b.id}`}>{b.items.map((i) => i.title).join(' + ')}</Link>
              </h2>
              <p className="muted">
                {formatDate(b.startsOn, true)} – {formatDate(b.endsOn, true)} ·{' '}
                {b.status === 'failed'
                  ? `Tried ${formatDate(b.createdAt.slice(0, 10), true)}`
                  : `Reference ${referenceOf(b.id)}`}
              </p>
              {b.failure && <p className="small">{b.failure.detail ?? b.failure.title}</p>}
            </div>
            <div className="trip-side">
              <span className={`badge status-${b.status}`}>{STATUS_TEXT[b.status]}</span>
              {b.price && b.status !== 'failed' && <span>{formatMoney(b.price.total, { cents: true })}</span>}
            </div>
          </li>
        ))}
      </ul>
      {trips.hasNextPage && (
        <button
          type="button"
          className="secondary"
          onClick={() => void trips.fetchNextPage()}
          disabled={trips.isFetchingNextPage}
        >
          Show more trips
        </button>
      )}
    </>
  );
}

function Trips() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('when');
  const when: When = TABS.some(([t]) => t === asked) ? (asked as When) : 'upcoming';
  return (
    <div>
      <h1>My trips</h1>
      <nav className="tabs" aria-label="Which trips">
        {TABS.map(([value, text]) => (
          <button
            key={value}
            type="button"
            className={when === value ? '' : 'secondary'}
            aria-pressed={when === value}
            onClick={() => setParams({ when: value }, { replace: true })}
          >
            {text}
          </button>
        ))}
      </nav>
      <TripList key={when} when={when} />
    </div>
  );
}

export function TripsPage() {
  return (
    <RequireSignIn>
      <Trips />
    </RequireSignIn>
  );
}

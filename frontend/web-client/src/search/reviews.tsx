import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { messageOf } from '../api/api-error.ts';
import { formatDate, plural } from '../ui/format.ts';
import type { Review } from './search-types.ts';

interface ReviewsPage {
  rating: number | null;
  reviewCount: number;
  writtenCount?: number;
  /** Every rating by its value, 10 first. */
  ratings?: { rating: number; count: number }[];
  items: Review[];
  nextCursor: string | null;
}

const BANDS = [
  ['Excellent', 9, 10],
  ['Very good', 8, 8],
  ['Good', 7, 7],
  ['Okay', 5, 6],
  ['Poor', 1, 4],
] as const;

/** How the ratings spread, as KAYAK's bars: each band's share of them (the bar), and its count. */
function RatingBars({ ratings, total }: { ratings: { rating: number; count: number }[]; total: number }) {
  if (total === 0) return null;
  return (
    <dl className="rating-bars" data-testid="rating-bars">
      {BANDS.map(([label, low, high]) => {
        const count = ratings.filter((r) => r.rating >= low && r.rating <= high).reduce((sum, r) => sum + r.count, 0);
        return (
          <div key={label} className="rating-bar">
            <dt>{label}</dt>
            <dd>
              <meter min={0} max={total} value={count} aria-hidden="true" />
              <span className="small">{count.toLocaleString('en-US')}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** A listing's rating and reviews, newest first, a page at a time. */
export function Reviews({ kind, id }: { kind: 'flights' | 'hotels' | 'cars'; id: string }) {
  const reviews = useInfiniteQuery({
    queryKey: ['reviews', kind, id],
    queryFn: ({ pageParam, signal }) =>
      api<ReviewsPage>(`/api/search/${kind}/${id}/reviews`, {
        query: { limit: 5, cursor: pageParam ?? undefined },
        signal,
        auth: false,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const first = reviews.data?.pages[0];
  const items = reviews.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card reviews" aria-labelledby="reviews-title">
      <h2 id="reviews-title">Reviews</h2>
      {reviews.status === 'pending' && <p aria-busy="true">Loading reviews…</p>}
      {reviews.status === 'error' && (
        <p role="alert">
          {messageOf(reviews.error)}{' '}
          <button type="button" className="link" onClick={() => void reviews.refetch()}>
            Try again
          </button>
        </p>
      )}
      {first && (
        <p>
          {first.rating === null ? (
            'Not rated yet.'
          ) : (
            <>
              <strong>{first.rating.toFixed(1)} / 10</strong> from {plural(first.reviewCount, 'rating')}
              {items.length > 0 && `, ${plural(first.writtenCount ?? items.length, 'written review')}`}.
            </>
          )}
          {items.length === 0 && ' No written reviews yet: travelers can review after their trip.'}
        </p>
      )}
      {first?.ratings && <RatingBars ratings={first.ratings} total={first.reviewCount} />}
      <ul className="review-list">
        {items.map((r, i) => (
          <li key={`${r.createdAt}-${i}`}>
            <p>
              <span className="badge">{r.rating} / 10</span> {r.title && <strong>{r.title}</strong>}
            </p>
            <p>{r.text}</p>
            <p className="muted small">
              {r.author ?? 'A traveler'}, {formatDate(r.createdAt.slice(0, 10), true)}
            </p>
          </li>
        ))}
      </ul>
      {reviews.hasNextPage && (
        <button
          type="button"
          className="secondary"
          onClick={() => void reviews.fetchNextPage()}
          disabled={reviews.isFetchingNextPage}
        >
          More reviews
        </button>
      )}
    </section>
  );
}

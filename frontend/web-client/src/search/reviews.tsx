import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { messageOf } from '../api/api-error.ts';
import { formatDate, plural } from '../ui/format.ts';
import type { Review } from './search-types.ts';

interface ReviewsPage {
  rating: number | null;
  reviewCount: number;
  items: Review[];
  nextCursor: string | null;
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
              <strong>{first.rating.toFixed(1)} / 10</strong> from {plural(first.reviewCount, 'rating')}.
            </>
          )}
          {items.length === 0 && ' No written reviews yet: travelers can review after their trip.'}
        </p>
      )}
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

import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '@tripwise/web-session';
import { formatInstant } from '../ui/format.ts';
import { ErrorState, Loading, NotAvailableYet } from '../ui/states.tsx';

interface Reviews {
  rating: number | null;
  reviewCount: number;
  items: { id: string; rating: number; title: string | null; text: string; author: string; createdAt: string }[];
}

/** The latest guest reviews (the public reviews API); replying needs an API that does not exist yet. */
export function ListingReviews({ kind, id }: { kind: 'hotels' | 'cars'; id: string }) {
  const reviews = useQuery({
    queryKey: ['reviews', kind, id],
    queryFn: ({ signal }) =>
      api<Reviews>(`/api/search/${kind}/${id}/reviews`, { query: { limit: 5 }, auth: false, signal }).catch(
        (err: unknown) => {
          // A listing travelers cannot see yet has no public reviews.
          if (err instanceof ApiError && err.status === 404) return { rating: null, reviewCount: 0, items: [] };
          throw err;
        },
      ),
  });
  if (reviews.isPending) return <Loading label="Loading reviews" rows={2} />;
  if (reviews.isError) return <ErrorState error={reviews.error} retry={() => void reviews.refetch()} what="Reviews" />;
  const { rating, reviewCount, items } = reviews.data;
  return (
    <>
      <p>
        {reviewCount === 0
          ? 'No reviews yet.'
          : `Rated ${rating?.toFixed(1) ?? '—'} / 10 from ${reviewCount} review${reviewCount === 1 ? '' : 's'}.`}
      </p>
      {items.length > 0 && (
        <ul>
          {items.map((r) => (
            <li key={r.id}>
              <strong>{r.rating}/10</strong> {r.title ? `“${r.title}” ` : ''}
              {r.text}{' '}
              <span className="muted">
                — {r.author}, {formatInstant(r.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <NotAvailableYet title="Reply to a review">
        <p>A public reply, once per review, needs the review replies API.</p>
      </NotAvailableYet>
    </>
  );
}

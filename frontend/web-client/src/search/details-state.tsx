import { Link } from 'react-router';
import { ApiError, messageOf } from '../api/api-error.ts';

/** What a details page shows while loading or when the listing cannot be read. */
export function DetailsState({
  status,
  error,
  refetch,
  noun,
}: {
  status: 'pending' | 'error';
  error: unknown;
  refetch: () => void;
  noun: string;
}) {
  if (status === 'pending') {
    return (
      <div aria-busy="true" aria-label={`Loading the ${noun}`}>
        <div className="skeleton" />
        <div className="skeleton" />
      </div>
    );
  }
  if (error instanceof ApiError && error.status === 404) {
    return (
      <section className="empty-state">
        <h1>This {noun} is no longer listed</h1>
        <p>
          It may have been removed. <Link to="/">Start a new search</Link>.
        </p>
      </section>
    );
  }
  return (
    <section className="empty-state" role="alert">
      <h1>The {noun} could not be loaded</h1>
      <p>{messageOf(error)}</p>
      <button type="button" onClick={refetch}>
        Try again
      </button>
    </section>
  );
}

import { messageOf } from '../api/api-error.ts';

/** A page's answer on its way, or failed with a way to ask again (a busy service answers 503 for a moment). */
export function QueryState({
  status,
  error,
  retry,
  what,
}: {
  status: 'pending' | 'error' | 'success';
  error: unknown;
  retry: () => void;
  what: string;
}) {
  if (status === 'pending') {
    return (
      <div aria-busy="true" aria-label={`Loading ${what}`}>
        <div className="skeleton" />
        <div className="skeleton" />
      </div>
    );
  }
  if (status === 'error') {
    return (
      <div className="empty-state" role="alert">
        <h2>The {what} could not be loaded</h2>
        <p>{messageOf(error)}</p>
        <button type="button" onClick={retry}>
          Try again
        </button>
      </div>
    );
  }
  return null;
}

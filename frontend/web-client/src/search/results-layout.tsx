import { useState, type ReactNode } from 'react';
import { messageOf } from '../api/api-error.ts';
import { plural } from '../ui/format.ts';

interface Props {
  title: string;
  /** The search form, to change the criteria without going back. */
  form: ReactNode;
  filters: ReactNode;
  sort: { value: string; options: readonly (readonly [string, string])[]; onChange: (value: string) => void };
  status: 'pending' | 'error' | 'success';
  error: unknown;
  refetch: () => void;
  /** Results refetching after a filter changed: the old ones stay, dimmed. */
  updating: boolean;
  total: number | undefined;
  noun: string;
  children: ReactNode;
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
  /** What to change when nothing matches. */
  emptyAdvice: ReactNode;
}

function Skeletons() {
  return (
    <div aria-busy="true" aria-label="Loading results">
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="skeleton" />
      ))}
    </div>
  );
}

/** The results page frame: form, filters beside the list, sort, count, loading, empty, error and "Show more". */
export function ResultsLayout(p: Props) {
  // On a phone the filters fold away behind a button, so the results come first.
  const [filtersOpen, setFiltersOpen] = useState(false);
  return (
    <div className="results-page">
      <h1>{p.title}</h1>
      <details className="change-search">
        <summary>Change search</summary>
        {p.form}
      </details>
      <div className="results">
        <aside className={`filters${filtersOpen ? ' open' : ''}`} aria-label="Filters">
          <h2 className="filters-title">Filters</h2>
          <button
            type="button"
            className="secondary filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls="filters-body"
            onClick={() => setFiltersOpen((open) => !open)}
          >
            {filtersOpen ? 'Hide filters' : 'Show filters'}
          </button>
          <div id="filters-body" className="filters-body">
            {p.filters}
          </div>
        </aside>
        <section aria-labelledby="results-count">
          <div className="results-bar">
            <p id="results-count" role="status" className="muted">
              {p.status === 'success' && p.total !== undefined
                ? `${plural(p.total, p.noun)} found`
                : p.status === 'pending'
                  ? 'Searching…'
                  : ''}
            </p>
            <div className="sort">
              <label htmlFor="sort">Sort by</label>
              <select id="sort" value={p.sort.value} onChange={(e) => p.sort.onChange(e.target.value)}>
                {p.sort.options.map(([value, text]) => (
                  <option key={value} value={value}>
                    {text}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {p.status === 'pending' && <Skeletons />}
          {p.status === 'error' && (
            <div className="empty-state" role="alert">
              <h2>The search did not work</h2>
              <p>{messageOf(p.error)}</p>
              <button type="button" onClick={p.refetch}>
                Try again
              </button>
            </div>
          )}
          {p.status === 'success' && p.total === 0 && (
            <div className="empty-state">
              <h2>No {p.noun}s match</h2>
              {p.emptyAdvice}
            </div>
          )}
          {p.status === 'success' && (
            <ol className={`result-list${p.updating ? ' updating' : ''}`} aria-busy={p.updating}>
              {p.children}
            </ol>
          )}
          {p.hasMore && (
            <button type="button" className="secondary show-more" onClick={p.onMore} disabled={p.loadingMore}>
              {p.loadingMore ? 'Loading…' : `Show more ${p.noun}s`}
            </button>
          )}
        </section>
      </div>
    </div>
  );
}

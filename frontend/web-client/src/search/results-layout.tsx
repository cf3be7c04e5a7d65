import type { ReactNode } from 'react';
import { messageOf } from '../api/api-error.ts';
import { plural } from '../ui/format.ts';
import { FiltersPanel } from './filters-panel.tsx';
import { SelectOptions } from './select-options.tsx';
import { withParam } from './url-params.ts';
import type { ResultsPage } from './use-results-page.ts';

type SortOption = readonly [value: string, text: string];

interface Props<T, F> {
  page: ResultsPage<T, F>;
  title: string;
  /** The search form, to change the criteria without going back. */
  form: ReactNode;
  /** Nothing until the first page brings the facets to filter by. */
  filters: ReactNode;
  /** The API's sort orders as [value, text]; the first is its default. */
  sorts: readonly [SortOption, ...SortOption[]];
  noun: string;
  /** What to change when nothing matches. */
  emptyAdvice: string;
  /** Above the filters and the list: a step of the search, what the prices mean, links to other views. */
  intro?: ReactNode;
  /** Under the sort: what an order means. */
  sortNote?: ReactNode;
  /** Between the sort and the list, e.g. a map of the results. */
  aboveList?: ReactNode;
  /** On the page's frame, for a page's own layout (a list hidden behind its map on phones). */
  className?: string;
  /** The list's own heading (a round trip's step), for screen readers and the eye. */
  listTitle?: string | undefined;
  children: ReactNode;
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

/** A results page opened without a whole search (no dates, say): the form to complete it. */
export function SearchFirst({ title, form }: { title: string; form: ReactNode }) {
  return (
    <div>
      <h1>{title}</h1>
      {form}
    </div>
  );
}

/** The results page frame: form, filters beside the list, sort, count, loading, empty, error and "Show more". */
export function ResultsLayout<T, F>({
  page,
  title,
  form,
  filters,
  sorts,
  noun,
  emptyAdvice,
  intro,
  sortNote,
  aboveList,
  className,
  listTitle,
  children,
}: Props<T, F>) {
  const { status, error, isPlaceholderData: updating, hasNextPage, isFetchingNextPage: loadingMore } = page.results;
  const total = page.first?.total;
  return (
    <div className={className ? `results-page ${className}` : 'results-page'}>
      <h1>{title}</h1>
      <details className="change-search">
        <summary>Change search</summary>
        {form}
      </details>
      {intro}
      <div className="results">
        <FiltersPanel filters={filters} onClear={page.clearFilters} />
        <section aria-labelledby={listTitle ? 'results-title' : 'results-count'}>
          {listTitle && (
            <h2 id="results-title" className="results-title" tabIndex={-1}>
              {listTitle}
            </h2>
          )}
          <div className="results-bar">
            <p id="results-count" role="status" className="muted">
              {status === 'success' && total !== undefined
                ? `${plural(total, noun)} found`
                : status === 'pending'
                  ? 'Searching…'
                  : ''}
            </p>
            <div className="sort">
              <label htmlFor="sort">Sort by</label>
              <select
                id="sort"
                data-insights="results.sort"
                value={page.params.get('sort') ?? sorts[0][0]}
                onChange={(e) => page.update(withParam(page.params, 'sort', e.target.value))}
              >
                <SelectOptions options={sorts} />
              </select>
            </div>
          </div>
          {sortNote}
          {aboveList}
          {status === 'pending' && <Skeletons />}
          {status === 'error' && (
            <div className="empty-state" role="alert">
              <h2>The search did not work</h2>
              <p>{messageOf(error)}</p>
              <button type="button" onClick={() => void page.results.refetch()}>
                Try again
              </button>
            </div>
          )}
          {status === 'success' && total === 0 && (
            <div className="empty-state">
              <h2>No {noun}s match</h2>
              <p>{emptyAdvice}</p>
              <button type="button" onClick={page.clearFilters}>
                Clear filters
              </button>
            </div>
          )}
          {status === 'success' && (
            <ol className={`result-list${updating ? ' updating' : ''}`} aria-busy={updating}>
              {children}
            </ol>
          )}
          {hasNextPage && (
            <button
              type="button"
              className="secondary show-more"
              data-insights="results.show-more"
              onClick={page.showMore}
              disabled={loadingMore}
            >
              {loadingMore ? 'Loading…' : `Show more ${noun}s`}
            </button>
          )}
        </section>
      </div>
    </div>
  );
}

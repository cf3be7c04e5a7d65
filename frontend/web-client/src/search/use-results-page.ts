import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { pickParams } from './url-params.ts';
import { useSearchResults } from './use-search-results.ts';

interface ResultsPageSpec {
  kind: 'flights' | 'hotels' | 'cars';
  /** Every parameter the search API takes (criteria, filters, sort). */
  keys: readonly string[];
  /** The search itself (places, dates, party): what "Clear filters" keeps. */
  criteria: readonly string[];
  /** Without these there is nothing to search for yet, so the page shows the form instead. */
  required: readonly string[];
}

/** A results page's state, all of it in the URL: the query, its pages of results and the way to change them. */
export function useResultsPage<T, F>({ kind, keys, criteria, required }: ResultsPageSpec) {
  const [params, setParams] = useSearchParams();
  const update = useCallback((next: URLSearchParams) => setParams(next, { replace: true }), [setParams]);
  const query = pickParams(params, keys);
  const complete = required.every((key) => Boolean(query[key]));
  const results = useSearchResults<T, F>(kind, query, complete);
  const first = results.data?.pages[0];
  const search = new URLSearchParams(Object.entries(query).filter(([key]) => criteria.includes(key)));
  return {
    params,
    update,
    query,
    complete,
    results,
    first,
    facets: first?.facets,
    items: results.data?.pages.flatMap((p) => p.items) ?? [],
    /** The criteria alone, without filters or sort. */
    search,
    clearFilters: () => update(search),
  };
}

export type ResultsPage<T, F> = ReturnType<typeof useResultsPage<T, F>>;

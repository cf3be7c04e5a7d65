import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { pickParams, withParam } from './url-params.ts';
import { PAGE_SIZE, useSearchResults } from './use-search-results.ts';

interface ResultsPageSpec {
  kind: 'flights' | 'hotels' | 'cars';
  /** Every parameter the search API takes (criteria, filters, sort). */
  keys: readonly string[];
  /** The search itself (places, dates, party): what "Clear filters" keeps. */
  criteria: readonly string[];
  /** Without these there is nothing to search for yet, so the page shows the form instead. */
  required: readonly string[];
  /** What the API is asked besides the address's parameters (a round trip's first step lists departing flights). */
  apiQuery?: (query: Record<string, string>) => Record<string, string>;
}

/** The API's largest page: a reloaded address asks for up to this many results at once. */
const API_MAX_LIMIT = 100;

/**
 * A results page's state, all of it in the URL: the query, how many pages are shown (`pages`), its pages of results
 * and the way to change them. Changing the search or a filter starts again from the first page.
 */
export function useResultsPage<T, F>({ kind, keys, criteria, required, apiQuery }: ResultsPageSpec) {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (next: URLSearchParams) => setParams(withParam(next, 'pages', null), { replace: true }),
    [setParams],
  );
  const query = pickParams(params, keys);
  const complete = required.every((key) => Boolean(query[key]));
  const pages = Math.max(1, Math.min(50, Number(params.get('pages')) || 1));
  const results = useSearchResults<T, F>(
    kind,
    apiQuery ? apiQuery(query) : query,
    complete,
    Math.min(API_MAX_LIMIT, pages * PAGE_SIZE),
  );
  const loaded = results.data?.pages.reduce((n, p) => n + p.items.length, 0) ?? 0;
  const { hasNextPage, isFetching, fetchNextPage } = results;
  // "Show more" and an address with more pages than one answer holds fetch the rest, one page after another.
  useEffect(() => {
    if (loaded > 0 && loaded < pages * PAGE_SIZE && hasNextPage && !isFetching) void fetchNextPage();
  }, [loaded, pages, hasNextPage, isFetching, fetchNextPage]);
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
    /** The next page, remembered in the address so a reload or a shared link shows as many. */
    showMore: () => setParams(withParam(params, 'pages', String(Math.ceil(loaded / PAGE_SIZE) + 1)), { replace: true }),
  };
}

export type ResultsPage<T, F> = ReturnType<typeof useResultsPage<T, F>>;

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import type { SearchPage } from './search-types.ts';

export const PAGE_SIZE = 20;

/**
 * One results list, page by page with the API's cursor ("Show more"). The query key is the criteria, so changing a
 * filter starts again from the first page; the previous results stay on screen (dimmed) while the new ones load.
 * `firstLimit` lets a reloaded address ask at once for the pages it had shown.
 */
export function useSearchResults<T, F>(
  kind: 'flights' | 'hotels' | 'cars',
  query: Record<string, string>,
  enabled = true,
  firstLimit = PAGE_SIZE,
) {
  return useInfiniteQuery({
    queryKey: ['search', kind, query],
    queryFn: ({ pageParam, signal }) =>
      api<SearchPage<T, F>>(`/api/search/${kind}`, {
        query: { ...query, limit: pageParam ? PAGE_SIZE : firstLimit, cursor: pageParam ?? undefined },
        signal,
        auth: false,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

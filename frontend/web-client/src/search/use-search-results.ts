import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import type { SearchPage } from './search-types.ts';

/**
 * One results list, page by page with the API's cursor ("Show more"). The query key is the criteria, so changing a
 * filter starts again from the first page; the previous results stay on screen (dimmed) while the new ones load.
 */
export function useSearchResults<T, F>(
  kind: 'flights' | 'hotels' | 'cars',
  query: Record<string, string>,
  enabled = true,
) {
  return useInfiniteQuery({
    queryKey: ['search', kind, query],
    queryFn: ({ pageParam, signal }) =>
      api<SearchPage<T, F>>(`/api/search/${kind}`, {
        query: { ...query, limit: 20, cursor: pageParam ?? undefined },
        signal,
        auth: false,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

import { useLocation, useSearchParams } from 'react-router';

export const PAGE_SIZES = [25, 50, 100] as const;

interface PagerState {
  /** The cursors of the pages before this one, so "Previous" can go back; kept in the history entry. */
  trail?: string[];
}

/**
 * A list's filters, page size and page live in the address, so a reload or a shared link shows the same list.
 * Changing a filter goes back to the first page. Pages are the server's opaque cursors.
 */
export function useListParams<K extends string>(names: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const trail = (location.state as PagerState | null)?.trail ?? [];
  const filters = Object.fromEntries(names.map((name) => [name, params.get(name) ?? ''])) as Record<K, string>;
  const cursor = params.get('cursor') ?? undefined;
  const requested = Number(params.get('limit'));
  const limit = (PAGE_SIZES as readonly number[]).includes(requested) ? requested : PAGE_SIZES[0];

  const go = (change: (next: URLSearchParams) => void, nextTrail: string[]) => {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next, { state: { trail: nextTrail } satisfies PagerState });
  };

  return {
    filters,
    cursor,
    limit,
    /** On page 2 or later (even when opened from a link, with no way back but to the first page). */
    paged: cursor !== undefined,
    canGoBack: trail.length > 0,
    setFilters: (patch: Partial<Record<K, string>>) => {
      go((next) => {
        for (const [name, value] of Object.entries(patch) as [K, string | undefined][]) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        next.delete('cursor');
      }, []);
    },
    setLimit: (value: number) => {
      go((next) => {
        next.set('limit', String(value));
        next.delete('cursor');
      }, []);
    },
    next: (nextCursor: string) => {
      go((next) => next.set('cursor', nextCursor), [...trail, cursor ?? '']);
    },
    previous: () => {
      const before = trail.at(-1) ?? '';
      go((next) => (before ? next.set('cursor', before) : next.delete('cursor')), trail.slice(0, -1));
    },
    first: () => {
      go((next) => next.delete('cursor'), []);
    },
  };
}

export type ListParams<K extends string> = ReturnType<typeof useListParams<K>>;

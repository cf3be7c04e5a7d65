import { observeUpstream } from '@tripwise/platform/metrics';
import { propagationHeaders } from '@tripwise/platform/tracing';

/** Search's internal feed of price events (with the services' credential): after an id, or the newest alone. */
export function priceEventsClient(options: { url: string; serviceToken: string; timeoutMs?: number }) {
  const get = (query: string) => observeUpstream({ target: 'search', operation: 'price_events' }, () => read(query));
  const read = async (query: string): Promise<unknown[]> => {
    const res = await fetch(`${options.url}/internal/price-events?${query}`, {
      headers: { ...propagationHeaders(), authorization: `Bearer ${options.serviceToken}` },
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    });
    if (!res.ok) throw new Error(`search's price events answered ${res.status}`);
    return ((await res.json()) as { items: unknown[] }).items;
  };
  return {
    after: (afterId: number) => get(`after=${afterId}&limit=500`),
    latestId: async () => {
      const [latest] = (await get('latest=true')) as { id: number }[];
      return latest?.id ?? 0;
    },
  };
}

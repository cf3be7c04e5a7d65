import { observeUpstream } from '@tripwise/platform/metrics';
import { propagationHeaders } from '@tripwise/platform/tracing';
import type { ExploreAnswer } from '@tripwise/contracts';
import type { CarOption, FlightOption, FlightPair, HotelOption, Page, PlaceMatch } from './search.types.ts';

/**
 * Search did not answer (no connection, no answer in time, or a 5xx): nobody's fault, worth retrying. Planning answers
 * it as `search-unavailable` (503), never as a 500.
 */
export class SearchUnreachable extends Error {
  constructor(path: string, cause: unknown) {
    super(`search did not answer ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'SearchUnreachable';
  }
}

/** Search answered with a problem (a 4xx): the request was not one search could run. */
export class SearchRefused extends Error {
  readonly status: number;
  readonly problem: { detail?: string; errors?: { field: string; message: string }[] };
  constructor(status: number, problem: SearchRefused['problem']) {
    super(problem.detail ?? `search answered ${status}`);
    this.name = 'SearchRefused';
    this.status = status;
    this.problem = problem;
  }
}

export type Query = Record<string, string | number | boolean | undefined | null | readonly string[]>;

export interface SearchApi {
  flights(query: Query, signal?: AbortSignal): Promise<Page<FlightOption | FlightPair>>;
  hotels(query: Query, signal?: AbortSignal): Promise<Page<HotelOption>>;
  cars(query: Query, signal?: AbortSignal): Promise<Page<CarOption>>;
  places(q: string, signal?: AbortSignal): Promise<PlaceMatch[]>;
  /** Destinations from an origin, cheapest first ("somewhere warm in February"). */
  explore(query: Query, signal?: AbortSignal): Promise<ExploreAnswer>;
  /** A listing's details: policies, price trends, reviews. */
  details<T = Record<string, unknown>>(kind: 'flights' | 'hotels' | 'cars', id: string, query?: Query): Promise<T>;
}

function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params.toString();
}

/** Search's public API, called service to service (not through the gateway), with a timeout per call. */
export function searchApi(options: { url: string; timeoutMs?: number }): SearchApi {
  const timeoutMs = options.timeoutMs ?? 4_000;
  const isAnswer = (err: unknown) => err instanceof SearchRefused;
  function get<T>(path: string, query: Query, signal?: AbortSignal): Promise<T> {
    const operation = path.startsWith('/api/search/places')
      ? 'places'
      : path.split('/')[4]
        ? 'details'
        : path.split('/')[3]!;
    return observeUpstream({ target: 'search', operation, isAnswer }, () => fetchJson<T>(path, query, signal));
  }
  async function fetchJson<T>(path: string, query: Query, signal?: AbortSignal): Promise<T> {
    const timeout = AbortSignal.timeout(timeoutMs);
    let res: Response;
    let body: unknown;
    try {
      res = await fetch(`${options.url}${path}?${queryString(query)}`, {
        headers: propagationHeaders(),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      body = await res.json();
    } catch (err) {
      // The caller's own cancellation stays what it is; anything else means search did not answer.
      if (signal?.aborted) throw err;
      throw new SearchUnreachable(path, err);
    }
    if (res.status >= 400 && res.status < 500) throw new SearchRefused(res.status, body as SearchRefused['problem']);
    if (!res.ok) throw new SearchUnreachable(path, `it answered ${res.status}`);
    return body as T;
  }
  return {
    flights: (query, signal) => get('/api/search/flights', query, signal),
    hotels: (query, signal) => get('/api/search/hotels', query, signal),
    cars: (query, signal) => get('/api/search/cars', query, signal),
    places: async (q, signal) =>
      (await get<{ items: PlaceMatch[] }>('/api/search/places', { q, limit: 5 }, signal)).items,
    explore: (query, signal) => get('/api/search/explore', query, signal),
    details: (kind, id, query = {}) => get(`/api/search/${kind}/${encodeURIComponent(id)}`, query),
  };
}

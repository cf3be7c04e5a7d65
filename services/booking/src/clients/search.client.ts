import { setTimeout as sleep } from 'node:timers/promises';
import {
  holdViewSchema,
  quoteResponseSchema,
  seedFlightsSchema,
  seedWorldSchema,
  type FlightOnDay,
  type HoldItem,
  type HoldView,
  type Problem,
  type QuotedItem,
  type SeedWorldView,
} from '@tripwise/contracts';
import { observeUpstream } from '@tripwise/platform/metrics';
import { propagationHeaders } from '@tripwise/platform/tracing';

/** Search said no: an item is sold out or not listed (409), or a hold can no longer be confirmed. */
export class InventoryConflict extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'InventoryConflict';
    this.problem = problem;
  }
}

/** Search refused the items' dates (422: past, beyond the booking window, too long), naming the fields. */
export class ItemsRefused extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ItemsRefused';
    this.problem = problem;
  }
}

export class SearchUnavailable extends Error {
  constructor() {
    super('The search service did not answer.');
    this.name = 'SearchUnavailable';
  }
}

const RETRY_DELAYS_MS = [100, 400, 1_000];

export interface SearchClient {
  /** `anyDates`: the seed's past trips, quoted outside the booking window. */
  quote(items: HoldItem[], options?: { anyDates?: boolean }): Promise<QuotedItem[]>;
  placeHold(holdId: string, items: HoldItem[], ttlSeconds: number): Promise<HoldView>;
  confirmHold(holdId: string): Promise<HoldView>;
  /** Gives the inventory back; a hold that was never placed is fine too. */
  releaseHold(holdId: string): Promise<void>;
  /** Gives one item's inventory back, the rest staying held; a hold (or item) that was never placed is fine too. */
  releaseHoldItem(
    holdId: string,
    item: { kind: HoldItem['kind']; listingId: string; firstDay?: string },
  ): Promise<void>;
}

/** What the booking seed reads of the inventory besides quotes and holds (search's /internal/seed-world). */
export interface SeedWorldReads {
  seedWorld(takenSince: string): Promise<SeedWorldView>;
  /** Keys are `ORIGIN|DESTINATION|YYYY-MM-DD`, at most SEED_FLIGHT_KEYS_MAX at a time. */
  flightsOn(keys: string[]): Promise<FlightOnDay[]>;
}

/**
 * Search's internal quote and hold routes, with the services' credential. Every call is idempotent (a hold is
 * named by the booking's id), so timeouts, refused connections and 5xx are retried.
 */
export function searchClient(options: {
  url: string;
  serviceToken: string;
  timeoutMs?: number;
}): SearchClient & SeedWorldReads {
  const timeoutMs = options.timeoutMs ?? 5_000;
  async function call(path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await fetch(`${options.url}${path}`, {
          method: 'POST',
          headers: {
            ...propagationHeaders(),
            authorization: `Bearer ${options.serviceToken}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(body ?? {}),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (res.status < 500) return { status: res.status, body: await res.json() };
      } catch {
        // no answer: try again below
      }
      if (attempt >= RETRY_DELAYS_MS.length) throw new SearchUnavailable();
      await sleep(RETRY_DELAYS_MS[attempt]);
    }
  }
  const expect = (res: { status: number; body: unknown }, ok: number) => {
    if (res.status === ok) return res.body;
    if (res.status === 409) throw new InventoryConflict(res.body as Problem);
    if (res.status === 422) throw new ItemsRefused(res.body as Problem);
    throw new Error(`search answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  };
  // Sold out is an answer (outcome ok); only silence and errors count against search.
  const observed = <T>(operation: string, fn: () => Promise<T>) =>
    observeUpstream({ target: 'search', operation, isAnswer: (err) => err instanceof InventoryConflict }, fn);
  return {
    quote: (items, options = {}) =>
      observed('quote', async () => {
        const body = { items, ...(options.anyDates ? { anyDates: true } : {}) };
        return quoteResponseSchema.parse(expect(await call('/internal/quotes', body), 200)).items;
      }),
    placeHold: (holdId, items, ttlSeconds) =>
      observed('place_hold', async () =>
        holdViewSchema.parse(expect(await call('/internal/holds', { holdId, ttlSeconds, items }), 201)),
      ),
    confirmHold: (holdId) =>
      observed('confirm_hold', async () =>
        holdViewSchema.parse(expect(await call(`/internal/holds/${holdId}/confirm`), 200)),
      ),
    async seedWorld(takenSince) {
      return seedWorldSchema.parse(expect(await call('/internal/seed-world', { takenSince }), 200));
    },
    async flightsOn(keys) {
      return seedFlightsSchema.parse(expect(await call('/internal/seed-world/flights', { keys }), 200)).flights;
    },
    releaseHold: (holdId) =>
      observed('release_hold', async () => {
        const res = await call(`/internal/holds/${holdId}/release`);
        if (res.status !== 200 && res.status !== 404) expect(res, 200);
      }),
    releaseHoldItem: (holdId, item) =>
      observed('release_hold_item', async () => {
        const res = await call(`/internal/holds/${holdId}/release-item`, item);
        if (res.status !== 200 && res.status !== 404) expect(res, 200);
      }),
  };
}

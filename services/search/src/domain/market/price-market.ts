import { randomUUID } from 'node:crypto';
import type { Db } from '@tripwise/platform/db';
import type { KvStore } from '@tripwise/platform/kv';
import type { Logger } from '@tripwise/platform/logger';
import {
  addPriceEvent,
  applyPrice,
  forgetOldPriceEvents,
  priceTrends,
  sampleUnits,
  type PricedKind,
} from '../../data/price-market.repository.ts';
import type { SearchCache } from '../cache/search-cache.ts';
import { nextPrice, type MarketRandom } from './price-model.ts';

/** The channel every price change is published on (the AI agent builds deals and price watches from it). */
export const PRICE_CHANNEL = 'search.price-changed';

export interface PriceChangedEvent {
  /** Increasing: the order of events, and how a consumer that missed some asks for them again. */
  id: number;
  kind: PricedKind;
  listingId: string;
  unit: string;
  oldPrice: number;
  newPrice: number;
  basePrice: number;
  /** The average of the prices recorded in the last 30 days before this change (null: it had not moved). */
  avg30: number | null;
  currency: 'USD';
  reason: string;
  at: string;
  /** The listing: a flight's route, date and seats left; a room's hotel, city and amenities; a car's place. */
  context: Record<string, unknown>;
}

const CACHE_KIND = { flight: 'flights', room: 'hotels', car: 'cars' } as const;
const LOCK_KEY = 'search:price-market-lock';

/**
 * One market tick: a sample of flights' cabins, rooms and cars get their next price. Each change is saved with its
 * history in one transaction, published as an event, and drops the cached searches it shows in. With several
 * instances only the holder of a short lock ticks, so prices move once per tick, not once per instance.
 */
export function createPriceMarket(deps: {
  db: Db;
  kv: KvStore;
  cache: SearchCache;
  logger: Logger;
  random: MarketRandom;
  sample: Record<PricedKind, number>;
  tickMs: number;
}) {
  const instance = randomUUID();
  return {
    async tick(): Promise<PriceChangedEvent[]> {
      if (!(await deps.kv.set(LOCK_KEY, instance, { ttlMs: Math.max(1_000, deps.tickMs - 500), onlyIfAbsent: true }))) {
        return [];
      }
      const events: PriceChangedEvent[] = [];
      for (const kind of ['flight', 'room', 'car'] as const) {
        const units = await sampleUnits(deps.db, kind, deps.sample[kind], () => deps.random.next());
        const moves = units.map((unit) => ({
          unit,
          move: nextPrice({ current: unit.current, base: unit.base, fractionLeft: unit.fraction_left }, deps.random),
        }));
        const changed = moves.filter(({ unit, move }) => move.price !== unit.current);
        const trends = await priceTrends(
          deps.db,
          kind,
          changed.map(({ unit }) => unit.listing_id),
        );
        const written = await deps.db.transaction(async (tx) => {
          const out: PriceChangedEvent[] = [];
          for (const { unit, move } of changed) {
            await applyPrice(tx, unit, move.price, move.reason);
            const event: Omit<PriceChangedEvent, 'id'> = {
              kind,
              listingId: String(unit.listing_id),
              unit: unit.unit,
              oldPrice: unit.current,
              newPrice: move.price,
              basePrice: unit.base,
              avg30: trends.get(`${unit.listing_id}:${unit.unit}`)?.avg30 ?? null,
              currency: 'USD',
              reason: move.reason,
              at: new Date().toISOString(),
              context: unit.context,
            };
            out.push({ ...event, id: await addPriceEvent(tx, event) });
          }
          return out;
        });
        for (const scope of new Set(changed.map(({ unit }) => unit.scope))) {
          await deps.cache.invalidate(CACHE_KIND[kind], scope);
        }
        for (const event of written) await deps.kv.publish(PRICE_CHANNEL, JSON.stringify(event));
        events.push(...written);
      }
      await forgetOldPriceEvents(deps.db);
      if (events.length > 0) deps.logger.debug('prices moved', { count: events.length });
      return events;
    },
  };
}

export type PriceMarket = ReturnType<typeof createPriceMarket>;

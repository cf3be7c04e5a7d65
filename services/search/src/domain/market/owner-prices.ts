import type { Queryable } from '@tripwise/platform/db';
import type { KvStore } from '@tripwise/platform/kv';
import {
  addPriceEvent,
  priceTrends,
  pricedUnitsOfListing,
  setOwnerPrice,
  type PricedUnit,
} from '../../data/price-market.repository.ts';
import type { ListingKind } from '../../data/listings.repository.ts';
import { PRICE_CHANNEL, type PriceChangedEvent } from './price-market.ts';

const PRICED = { cars: 'car', hotels: 'room' } as const;

/** The listing's priced units (a car, a hotel's rooms) before an edit, to tell afterwards which prices it changed. */
export async function pricesBefore(tx: Queryable, kind: ListingKind, listingId: number): Promise<PricedUnit[]> {
  return kind === 'flights' ? [] : pricedUnitsOfListing(tx, PRICED[kind], listingId);
}

/**
 * An owner's (or admin's) new prices are events like the market's own moves, written in the edit's transaction:
 * without them a watch on the car or room never heard of the cut, and deals kept the old price. The owner's price
 * becomes the base the market reverts to.
 */
export async function ownerPriceEvents(
  tx: Queryable,
  kind: ListingKind,
  listingId: number,
  before: PricedUnit[],
): Promise<PriceChangedEvent[]> {
  if (kind === 'flights') return [];
  const old = new Map(before.map((u) => [`${u.listing_id}:${u.unit}`, u]));
  const changed = (await pricedUnitsOfListing(tx, PRICED[kind], listingId)).filter((u) => {
    const was = old.get(`${u.listing_id}:${u.unit}`);
    return was !== undefined && was.current !== u.current;
  });
  const trends = await priceTrends(
    tx,
    PRICED[kind],
    changed.map((u) => u.listing_id),
  );
  const events: PriceChangedEvent[] = [];
  for (const unit of changed) {
    await setOwnerPrice(tx, unit);
    const event: Omit<PriceChangedEvent, 'id'> = {
      kind: unit.kind,
      listingId: String(unit.listing_id),
      unit: unit.unit,
      oldPrice: old.get(`${unit.listing_id}:${unit.unit}`)!.current,
      newPrice: unit.current,
      basePrice: unit.current,
      avg30: trends.get(`${unit.listing_id}:${unit.unit}`)?.avg30 ?? null,
      currency: 'USD',
      reason: 'owner',
      at: new Date().toISOString(),
      context: unit.context,
    };
    events.push({ ...event, id: await addPriceEvent(tx, event) });
  }
  return events;
}

/** Published once the edit is committed, as the market publishes its ticks. */
export async function publishPriceEvents(kv: KvStore, events: PriceChangedEvent[]): Promise<void> {
  for (const event of events) await kv.publish(PRICE_CHANNEL, JSON.stringify(event));
}

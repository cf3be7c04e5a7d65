import { AppError, conflict, notFound } from '@tripwise/platform/errors';
import type { Db, Queryable } from '@tripwise/platform/db';
import type { Logger } from '@tripwise/platform/logger';
import {
  expiredHoldIds,
  findHold,
  giveBack,
  insertHold,
  insertHoldItem,
  markItemReleased,
  takeDays,
  takeSeats,
  transition,
  type HoldItem,
  type ItemMatch,
} from '../../data/holds.repository.ts';
import { dayBefore } from '@tripwise/travel-data';
import { countHold } from '../../search.metrics.ts';

export type HoldView = NonNullable<Awaited<ReturnType<typeof holdView>>>;

/** Told when a hold took or gave back inventory, so cached search results that showed it are dropped. */
export type InventoryChanged = (items: HoldView['items']) => Promise<void>;
const nothing: InventoryChanged = async () => undefined;

async function holdView(db: Db, id: string) {
  const hold = await findHold(db, id);
  if (!hold) return undefined;
  return {
    id: hold.id,
    status: hold.status,
    expiresAt: hold.expires_at.toISOString(),
    items: hold.items.map((i) => ({
      position: i.position,
      kind: i.kind,
      listingId: String(i.listing_id),
      ...(i.cabin ? { cabin: i.cabin } : {}),
      ...(i.first_day ? { firstDay: i.first_day, lastDay: i.last_day } : {}),
      quantity: i.quantity,
      unitPrice: { amount: i.unit_price_minor, currency: 'USD' },
      ...(i.released_at ? { releasedAt: i.released_at.toISOString() } : {}),
    })),
  };
}

function soldOut(position: number, item: HoldItem): AppError {
  countHold('sold_out');
  return new AppError('sold-out', 409, 'Conflict', {
    detail: `Item ${position + 1} (${item.kind}) is no longer available in that quantity.`,
    errors: [{ in: 'body', field: `items.${position}`, message: 'sold out or no longer listed' }],
  });
}

/** Takes one item's units; undefined when they are not free. Rooms hold their nights, up to the one before check-out. */
async function takeItem(tx: Queryable, item: HoldItem) {
  switch (item.kind) {
    case 'flight':
      return {
        price: await takeSeats(tx, item.flightId, item.cabin, item.seats),
        listing: item.flightId,
        cabin: item.cabin,
        first: null,
        last: null,
        quantity: item.seats,
      };
    case 'room': {
      const last = dayBefore(item.checkOut);
      return {
        price: await takeDays(tx, 'room', item.roomTypeId, item.checkIn, last, item.rooms),
        listing: item.roomTypeId,
        cabin: null,
        first: item.checkIn,
        last,
        quantity: item.rooms,
      };
    }
    case 'car':
      return {
        price: await takeDays(tx, 'car', item.carId, item.pickupDate, item.dropoffDate, 1),
        listing: item.carId,
        cabin: null,
        first: item.pickupDate,
        last: item.dropoffDate,
        quantity: 1,
      };
  }
}

/**
 * Takes every item or none: seats, room nights and car days are taken inside one transaction, and the first one
 * that is not free rolls all of them back (409 naming it). A retry with the same hold id returns the hold as it is.
 * Each item's current unit price comes back, for the booking service's price check.
 */
export async function placeHold(
  db: Db,
  input: { holdId: string; ttlSeconds: number; items: HoldItem[] },
  changed: InventoryChanged = nothing,
): Promise<HoldView> {
  const created = await db.transaction(async (tx) => {
    if (!(await insertHold(tx, input.holdId, new Date(Date.now() + input.ttlSeconds * 1000)))) return false; // a retry
    for (const [position, item] of input.items.entries()) {
      const taken = await takeItem(tx, item);
      if (taken.price === undefined) throw soldOut(position, item);
      await insertHoldItem(tx, input.holdId, {
        position,
        kind: item.kind,
        listing_id: taken.listing,
        cabin: taken.cabin,
        first_day: taken.first,
        last_day: taken.last,
        quantity: taken.quantity,
        unit_price_minor: taken.price,
      });
    }
    return true;
  });
  if (created) countHold('held');
  const view = (await holdView(db, input.holdId))!;
  if (created) await changed(view.items);
  return view;
}

/** Makes a hold permanent; idempotent. A hold that expired (or was released) can no longer be confirmed. */
export async function confirmHold(db: Db, id: string): Promise<HoldView> {
  await db.transaction(async (tx) => {
    if (await transition(tx, id, ['held'], 'confirmed', true)) return countHold('confirmed');
    const hold = await findHold(tx, id);
    if (!hold) throw notFound('The hold');
    if (hold.status !== 'confirmed') {
      throw conflict('hold-expired', `The hold is ${hold.status === 'held' ? 'expired' : hold.status}.`);
    }
  });
  return (await holdView(db, id))!;
}

/** Gives back what a hold took, held or confirmed (a cancellation); idempotent. */
export async function releaseHold(
  db: Db,
  id: string,
  changed: InventoryChanged = nothing,
  status: 'released' | 'expired' = 'released',
): Promise<HoldView> {
  const released = await db.transaction(async (tx) => {
    const hold = await findHold(tx, id);
    if (!hold) throw notFound('The hold');
    if (!(await transition(tx, id, ['held', 'confirmed'], status))) return false;
    for (const item of hold.items) if (!item.released_at) await giveBack(tx, item);
    return true;
  });
  if (released) countHold(status);
  const view = (await holdView(db, id))!;
  if (released) await changed(view.items);
  return view;
}

/**
 * Gives back one item of a hold (one part of a trip cancelled), the rest staying taken; idempotent. The item is
 * named by what it is rather than its place in the hold, since a seeded booking's hold holds only its listed items.
 * A hold already released or expired gave everything back already; an item it never held has nothing to give back.
 */
export async function releaseHoldItem(
  db: Db,
  id: string,
  match: ItemMatch,
  changed: InventoryChanged = nothing,
): Promise<HoldView> {
  const released = await db.transaction(async (tx) => {
    const hold = await findHold(tx, id);
    if (!hold) throw notFound('The hold');
    if (hold.status !== 'held' && hold.status !== 'confirmed') return undefined;
    const item = await markItemReleased(tx, id, match);
    if (item) await giveBack(tx, item);
    return item;
  });
  const view = (await holdView(db, id))!;
  if (released) await changed(view.items.filter((i) => i.position === released.position));
  return view;
}

export async function getHold(db: Db, id: string): Promise<HoldView> {
  const view = await holdView(db, id);
  if (!view) throw notFound('The hold');
  return view;
}

/** Releases holds whose time ran out; several instances may run it at once (SKIP LOCKED). */
export async function sweepExpiredHolds(db: Db, logger: Logger, changed: InventoryChanged = nothing): Promise<number> {
  const ids = await db.transaction((tx) => expiredHoldIds(tx, 100));
  for (const id of ids) await releaseHold(db, id, changed, 'expired');
  if (ids.length > 0) logger.info('expired holds released', { count: ids.length });
  return ids.length;
}

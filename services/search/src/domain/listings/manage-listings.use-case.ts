import type { CarListing, FlightListing, HotelListing } from '@tripwise/contracts';
import type { Identity } from '@tripwise/platform/auth';
import type { Db, Queryable } from '@tripwise/platform/db';
import { AppError, forbidden } from '@tripwise/platform/errors';
import { airportByCode } from '@tripwise/travel-data';
import {
  insertCar,
  insertFlight,
  insertHotel,
  updateListing,
  upsertRooms,
  type ListingKind,
  type ListingStatus,
} from '../../data/listings.repository.ts';
import { deletePendingChange } from '../../data/listing-changes.repository.ts';
import { scopeOf } from '../../data/listing-scope.repository.ts';
import { dailyCounts } from '../../data/listing-stats.repository.ts';
import { ownerPriceEvents, pricesBefore } from '../market/owner-prices.ts';
import type { PriceChangedEvent } from '../market/price-market.ts';
import { localDate } from '../search/places.rules.ts';
import { isAdmin, ownedOrFail, recordEvent, viewOf } from './listing-access.ts';
import { submitOwnerChange, wasApproved } from './owner-changes.use-case.ts';

/** Told of the prices an edit changed, once it is committed (they are published like the market's moves). */
export type PricesChanged = (events: PriceChangedEvent[]) => Promise<void>;

/** Told of every change, so caches of search results built on the old listing are dropped. */
/** Called after a listing's change is committed; formerScope: where searches found it before (it may have moved). */
export type ListingChanged = (kind: ListingKind, id: number, formerScope?: string) => Promise<void>;

type NewListing =
  | { kind: 'hotels'; listing: HotelListing }
  | { kind: 'cars'; listing: CarListing }
  | { kind: 'flights'; listing: FlightListing };

/** Owners' new hotels and cars wait for an admin's approval; what an admin adds is live at once. */
export async function createListing(db: Db, who: Identity, input: NewListing, changed: ListingChanged) {
  const id = await db.transaction(async (tx) => {
    const newId = await insertListing(tx, who, input);
    await recordEvent(tx, who, input.kind, newId, { action: 'created' });
    return newId;
  });
  await changed(input.kind, id);
  return viewOf(db, input.kind, id);
}

function insertListing(tx: Queryable, who: Identity, input: NewListing): Promise<number> {
  const status: ListingStatus = isAdmin(who) ? 'active' : 'pending';
  const ownerId = isAdmin(who) ? null : who.userId;
  if (input.kind === 'hotels') return insertHotel(tx, input.listing, ownerId, status);
  if (input.kind === 'cars') return insertCar(tx, input.listing, ownerId, status);
  if (!isAdmin(who)) throw forbidden('Only admins manage flights.');
  const origin = airportByCode(input.listing.origin);
  if (!origin?.timeZone) {
    throw new AppError('invalid-request', 400, 'Invalid request', {
      detail: 'origin: unknown airport',
      errors: [{ in: 'body', field: 'origin', message: 'unknown airport' }],
    });
  }
  return insertFlight(tx, input.listing, localDate(new Date(input.listing.departAt), origin.timeZone), status);
}

export async function getListing(db: Db, who: Identity, kind: ListingKind, id: string) {
  const listing = await ownedOrFail(db, kind, id, who);
  return viewOf(db, kind, listing.id);
}

const STATS_KIND = { hotels: 'hotel', cars: 'car', flights: 'flight' } as const;

/** How often a listing was shown in results and opened, day by day, with the totals (the owner's analytics). */
export async function listingAnalytics(
  db: Db,
  who: Identity,
  kind: ListingKind,
  id: string,
  range: { from: string; to: string },
) {
  const listing = await ownedOrFail(db, kind, id, who);
  const days = await dailyCounts(db, STATS_KIND[kind], listing.id, range.from, range.to);
  const impressions = days.reduce((sum, d) => sum + d.impressions, 0);
  const views = days.reduce((sum, d) => sum + d.views, 0);
  return {
    ...range,
    days,
    totals: {
      impressions,
      views,
      viewRate: impressions === 0 ? null : Math.round((views / impressions) * 1000) / 1000,
    },
  };
}

/**
 * Owners edit their own listing's details; only admins change its status. An owner's change to what travelers read
 * on an approved listing waits for review (the approved version stays live); a rejected listing edited by its owner
 * goes back to review.
 */
export async function updateListingAs(
  db: Db,
  who: Identity,
  kind: ListingKind,
  id: string,
  patch: Record<string, unknown> & { status?: ListingStatus | undefined; rooms?: HotelListing['rooms'] | undefined },
  changed: ListingChanged,
  pricesChanged: PricesChanged,
) {
  const listing = await ownedOrFail(db, kind, id, who);
  if (patch.status !== undefined && !isAdmin(who)) throw forbidden('Only admins approve or take down listings.');
  if (kind === 'flights' && !isAdmin(who)) throw forbidden('Only admins manage flights.');
  // A new city, pick-up place or departure date moves it: searches where it was must drop it too.
  const formerScope = await scopeOf(db, kind, listing.id);
  const events = await db.transaction(async (tx) => {
    const locked = await ownedOrFail(tx, kind, id, who, { forUpdate: true });
    const before = await pricesBefore(tx, kind, listing.id);
    if (!isAdmin(who) && kind !== 'flights' && wasApproved(locked.status)) {
      await submitOwnerChange(tx, who, kind, locked, patch);
    } else {
      const { status, rooms, ...fields } = patch;
      const resubmitted = !isAdmin(who) && locked.status === 'rejected';
      await updateListing(tx, kind, listing.id, fields, status ?? (resubmitted ? 'pending' : undefined));
      if (kind === 'hotels' && rooms) await upsertRooms(tx, listing.id, rooms);
      const action = status ? `status-${status}` : resubmitted ? 'resubmitted' : 'edited';
      await recordEvent(tx, who, kind, listing.id, { action, changedFields: Object.keys(patch) });
    }
    return ownerPriceEvents(tx, kind, listing.id, before);
  });
  await changed(kind, listing.id, formerScope);
  await pricesChanged(events);
  return viewOf(db, kind, listing.id);
}

/** Takes a listing out of search for good; it stays stored for the bookings that name it. */
export async function removeListing(db: Db, who: Identity, kind: ListingKind, id: string, changed: ListingChanged) {
  const listing = await ownedOrFail(db, kind, id, who);
  await db.transaction(async (tx) => {
    await updateListing(tx, kind, listing.id, {}, 'removed');
    // A change waiting for review of a deleted listing has nothing left to change.
    if (kind !== 'flights') await deletePendingChange(tx, kind, listing.id);
    await recordEvent(tx, who, kind, listing.id, { action: 'removed' });
  });
  await changed(kind, listing.id);
}

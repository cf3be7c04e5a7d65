import type { CarListing, FlightListing, HotelListing } from '@tripwise/contracts';
import type { Identity } from '@tripwise/platform/auth';
import type { Db } from '@tripwise/platform/db';
import { AppError, forbidden, notFound } from '@tripwise/platform/errors';
import { assertSecondFactorIfAdmin } from '@tripwise/platform/http';
import { airportByCode } from '@tripwise/travel-data';
import {
  findOwnership,
  insertCar,
  insertFlight,
  insertHotel,
  listListings,
  roomsOf,
  updateListing,
  upsertRooms,
  type ListingKind,
  type ListingStatus,
} from '../../data/listings.repository.ts';
import { scopeOf } from '../../data/listing-scope.repository.ts';
import { dailyCounts } from '../../data/listing-stats.repository.ts';
import { ownerPriceEvents, pricesBefore } from '../market/owner-prices.ts';
import type { PriceChangedEvent } from '../market/price-market.ts';
import { localDate } from '../search/places.rules.ts';
import { listingView } from './listing-views.ts';

/** Told of the prices an edit changed, once it is committed (they are published like the market's moves). */
export type PricesChanged = (events: PriceChangedEvent[]) => Promise<void>;

/** Told of every change, so caches of search results built on the old listing are dropped. */
/** Called after a listing's change is committed; formerScope: where searches found it before (it may have moved). */
export type ListingChanged = (kind: ListingKind, id: number, formerScope?: string) => Promise<void>;

/** An admin's powers over listings need the second factor: without it, the admin is refused, never let through. */
const isAdmin = (who: Identity) => {
  assertSecondFactorIfAdmin(who);
  return who.role === 'admin';
};

/** The listing if the caller may manage it: its owner, or an admin. Anyone else is told it does not exist. */
async function ownedOrFail(db: Db, kind: ListingKind, id: string, who: Identity) {
  const listing = await findOwnership(db, kind, id);
  if (!listing || (!isAdmin(who) && listing.owner_id !== who.userId)) throw notFound('The listing');
  return listing;
}

async function viewOf(db: Db, kind: ListingKind, id: number) {
  const [row] = await listListings(db, kind, { limit: 1, beforeId: id + 1 });
  return listingView(kind, row!, kind === 'hotels' ? await roomsOf(db, id) : []);
}

/** Owners' new hotels and cars wait for an admin's approval; what an admin adds is live at once. */
export async function createListing(
  db: Db,
  who: Identity,
  input:
    | { kind: 'hotels'; listing: HotelListing }
    | { kind: 'cars'; listing: CarListing }
    | { kind: 'flights'; listing: FlightListing },
  changed: ListingChanged,
) {
  const status: ListingStatus = isAdmin(who) ? 'active' : 'pending';
  const ownerId = isAdmin(who) ? null : who.userId;
  const id = await db.transaction(async (tx) => {
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
  });
  await changed(input.kind, id);
  return viewOf(db, input.kind, id);
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

export async function listMyListings(
  db: Db,
  who: Identity,
  kind: ListingKind,
  query: { status?: ListingStatus | undefined; limit: number; cursor?: number | undefined },
) {
  if (kind === 'flights' && !isAdmin(who)) throw forbidden('Only admins manage flights.');
  const rows = await listListings(db, kind, {
    ...query,
    beforeId: query.cursor,
    ...(isAdmin(who) ? {} : { ownerId: who.userId }),
  });
  const page = rows.slice(0, query.limit);
  const items = await Promise.all(
    page.map(async (r) => listingView(kind, r, kind === 'hotels' ? await roomsOf(db, Number(r.id)) : [])),
  );
  return { items, nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.id) : null };
}

/** Owners edit their own listing's details; only admins change its status (approve, or take it down). */
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
    const { status, rooms, ...fields } = patch;
    const before = await pricesBefore(tx, kind, listing.id);
    await updateListing(tx, kind, listing.id, fields, status);
    if (kind === 'hotels' && rooms) await upsertRooms(tx, listing.id, rooms);
    return ownerPriceEvents(tx, kind, listing.id, before);
  });
  await changed(kind, listing.id, formerScope);
  await pricesChanged(events);
  return viewOf(db, kind, listing.id);
}

/** Takes a listing out of search for good; it stays stored for the bookings that name it. */
export async function removeListing(db: Db, who: Identity, kind: ListingKind, id: string, changed: ListingChanged) {
  const listing = await ownedOrFail(db, kind, id, who);
  await db.transaction((tx) => updateListing(tx, kind, listing.id, {}, 'removed'));
  await changed(kind, listing.id);
}

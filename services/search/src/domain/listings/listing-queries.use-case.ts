import type { Identity } from '@tripwise/platform/auth';
import type { Db } from '@tripwise/platform/db';
import { forbidden } from '@tripwise/platform/errors';
import { decodeCursor, encodeCursor } from '@tripwise/platform/http';
import { z } from 'zod';
import {
  countPendingChanges,
  countQueue,
  reviewQueue,
  type QueueQuery,
} from '../../data/listing-changes.repository.ts';
import { listingEvents, type ListingEventRow } from '../../data/listing-events.repository.ts';
import {
  countByStatus,
  countListings,
  searchListings,
  type ListingFilters,
  type ListingSort,
} from '../../data/listing-search.repository.ts';
import { roomsOfHotels, type ListingKind } from '../../data/listings.repository.ts';
import type { UserDirectory } from '../../clients/users.client.ts';
import { isAdmin, ownedOrFail, viewOf } from './listing-access.ts';
import { listingView } from './listing-views.ts';

/** Totals are exact up to this many; beyond it the portal says "10,000+". */
const TOTAL_CAP = 10_000;
const totalOf = (n: number) => (n > TOTAL_CAP ? { total: TOTAL_CAP, totalIsEstimate: true } : { total: n });

const pageCursor = z.object({ v: z.string(), id: z.number().int().positive() });

export interface ListingSearch extends ListingFilters {
  sort: ListingSort;
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string | undefined;
}

/** An owner's own listings, or (admins) any listing, found by words, city, owner and status, in the asked order. */
export async function searchMyListings(
  db: Db,
  who: Identity,
  kind: ListingKind,
  query: ListingSearch,
  users: UserDirectory,
) {
  if (kind === 'flights' && !isAdmin(who)) throw forbidden('Only admins manage flights.');
  const { cursor, ...rest } = query;
  const filters = { ...rest, ownerId: isAdmin(who) ? query.ownerId : who.userId };
  const after = decodeCursor(pageCursor, cursor);
  const [rows, count] = await Promise.all([
    searchListings(db, kind, { ...filters, after: after && { value: after.v, id: after.id } }),
    countListings(db, kind, filters, TOTAL_CAP),
  ]);
  const page = rows.slice(0, query.limit);
  const rooms =
    kind === 'hotels'
      ? await roomsOfHotels(
          db,
          page.map((r) => Number(r.id)),
        )
      : new Map<number, Record<string, unknown>[]>();
  const last = page[page.length - 1];
  // Admins see whose each listing is; an owner knows.
  const ownerOf = (r: Record<string, unknown>) => (typeof r.owner_id === 'string' ? r.owner_id : null);
  const owners = isAdmin(who) ? await users(page.flatMap((r) => ownerOf(r) ?? [])) : new Map<string, unknown>();
  return {
    items: page.map((r) => {
      const ownerId = ownerOf(r);
      return {
        ...listingView(kind, r, rooms.get(Number(r.id)) ?? []),
        ...(isAdmin(who) ? { owner: ownerId ? (owners.get(ownerId) ?? null) : null } : {}),
      };
    }),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ v: last.sort_text, id: Number(last.id) }) : null,
    ...totalOf(count),
  };
}

/** Listings per status for the overview's counters, and changes waiting for review: an owner's own, or all. */
export async function listingSummary(db: Db, who: Identity) {
  const ownerId = isAdmin(who) ? undefined : who.userId;
  const kinds: ListingKind[] = isAdmin(who) ? ['hotels', 'cars', 'flights'] : ['hotels', 'cars'];
  const [counts, changesWaiting] = await Promise.all([
    Promise.all(kinds.map((k) => countByStatus(db, k, ownerId))),
    countPendingChanges(db, ownerId),
  ]);
  const summary: Record<string, Record<string, number> | number> = { changesWaiting };
  kinds.forEach((kind, i) => {
    const c = counts[i]!;
    summary[kind] = {
      pending: c.pending ?? 0,
      active: c.active ?? 0,
      paused: c.paused ?? 0,
      suspended: c.suspended ?? 0,
      rejected: c.rejected ?? 0,
    };
  });
  return summary;
}

const queueCursor = z.object({ at: z.string(), kind: z.string(), id: z.number().int().positive() });

/** New listings and changes to live ones waiting for review, each with what is live and what is proposed. */
export async function reviewQueuePage(
  db: Db,
  query: Omit<QueueQuery, 'after'> & { cursor?: string | undefined },
  users: UserDirectory,
) {
  const after = decodeCursor(queueCursor, query.cursor);
  const [rows, total] = await Promise.all([reviewQueue(db, { ...query, after }), countQueue(db, query)]);
  const page = rows.slice(0, query.limit);
  const owners = await users(page.flatMap((e) => (e.owner_id ? [e.owner_id] : [])));
  const items = await Promise.all(
    page.map(async (entry) => {
      const view = await viewOf(db, entry.kind, Number(entry.id));
      const { pendingChange, ...live } = view;
      return {
        kind: entry.kind,
        id: String(entry.id),
        type: entry.type,
        submittedAt: entry.submitted_at,
        owner: entry.owner_id ? (owners.get(entry.owner_id) ?? null) : null,
        live: entry.type === 'new' ? null : live,
        proposed: entry.type === 'new' ? live : (pendingChange?.proposed ?? live),
        changedFields: entry.type === 'new' ? [] : (pendingChange?.changedFields ?? []),
      };
    }),
  );
  const last = page[page.length - 1];
  return {
    items,
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ at: last.submitted_text, kind: last.kind, id: Number(last.id) })
        : null,
    ...totalOf(total),
  };
}

const historyItem = (e: ListingEventRow) => ({
  id: String(e.id),
  kind: e.kind,
  listingId: String(e.listing_id),
  at: e.at,
  actor: { id: e.actor_id, role: e.actor_role },
  action: e.action,
  ...(e.note ? { note: e.note } : {}),
  ...(e.changed_fields ? { changedFields: e.changed_fields } : {}),
});

const historyCursor = z.object({ id: z.number().int().positive() });

/** A listing's audit trail, newest first: its owner and admins read it under its status. */
export async function listingHistory(
  db: Db,
  who: Identity,
  kind: ListingKind,
  id: string,
  page: { limit: number; cursor?: string | undefined },
) {
  const listing = await ownedOrFail(db, kind, id, who);
  return eventPage(db, { kind, listingId: listing.id }, page);
}

/** What admins did to listings (decisions, edits, removals), for the portal's audit log. */
export function adminListingAudit(
  db: Db,
  filter: { actorId?: string | undefined; from?: string | undefined; to?: string | undefined },
  page: { limit: number; cursor?: string | undefined },
) {
  return eventPage(db, { ...filter, adminsOnly: true }, page);
}

async function eventPage(
  db: Db,
  filter: Parameters<typeof listingEvents>[1],
  page: { limit: number; cursor?: string | undefined },
) {
  const beforeId = decodeCursor(historyCursor, page.cursor)?.id;
  const rows = await listingEvents(db, filter, { limit: page.limit, beforeId });
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(historyItem),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ id: Number(last.id) }) : null,
  };
}

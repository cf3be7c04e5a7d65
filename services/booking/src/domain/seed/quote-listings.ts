import type { HoldItem, ListingSnapshot, QuotedItem } from '@tripwise/contracts';
import { airportByCode, createLocalClock, isoDateToUtcMs, utcOffsetMinutes } from '@tripwise/travel-data';
import { atOnce } from './at-once.ts';
import { addDays, dayOf } from './seed-dates.ts';
import type { SeedSearch } from './seed-search.ts';

const MINUTE_MS = 60_000;
/** Search quotes at most 200 items a call (its /internal/quotes route). */
const ITEMS_PER_QUOTE = 200;

/** A past flight: the listed one moved back `days` (whole weeks), on the same local clock at each end. */
export interface Shift {
  days: number;
  origin: string;
  destination: string;
  durationMin: number;
}

export interface QuoteRequest {
  hold: HoldItem;
  shift?: Shift | undefined;
}

const zoneOf = (code: string) => airportByCode(code)?.timeZone ?? 'UTC';
const clocks = new Map<string, ReturnType<typeof createLocalClock>>();
const clockOf = (zone: string) => {
  let clock = clocks.get(zone);
  if (!clock) clocks.set(zone, (clock = createLocalClock(zone)));
  return clock;
};
const localDay = (instant: number, zone: string) => dayOf(instant + utcOffsetMinutes(zone, instant) * MINUTE_MS);

/** A listed flight's snapshot as it read on the day it flew `shift.days` earlier. */
export function shiftSnapshot(listing: ListingSnapshot, shift: Shift): ListingSnapshot {
  const from = zoneOf(shift.origin);
  const listedDeparture = Date.parse(listing.policy.startsAt);
  const wall = listedDeparture + utcOffsetMinutes(from, listedDeparture) * MINUTE_MS;
  const minute = Math.round((wall - isoDateToUtcMs(dayOf(wall))) / MINUTE_MS);
  const day = addDays(dayOf(wall), -shift.days);
  const departure = clockOf(from)(isoDateToUtcMs(day), minute);
  return {
    ...listing,
    startDate: day,
    endDate: localDay(departure + shift.durationMin * MINUTE_MS, zoneOf(shift.destination)),
    policy: { ...listing.policy, startsAt: new Date(departure).toISOString() },
  };
}

/**
 * Search's own quote for every item (its snapshot and price, exactly what /internal/quotes answers), a few
 * hundred items per call and `concurrency` calls at a time; past flights then moved back to their day.
 */
export async function quoteListings(
  search: Pick<SeedSearch, 'quote'>,
  requests: readonly QuoteRequest[],
  concurrency: number,
): Promise<QuotedItem[]> {
  const chunks: QuoteRequest[][] = [];
  for (let i = 0; i < requests.length; i += ITEMS_PER_QUOTE) chunks.push(requests.slice(i, i + ITEMS_PER_QUOTE));
  const quoted: QuotedItem[][] = [];
  await atOnce(chunks, concurrency, async (chunk, at) => {
    quoted[at] = await search.quote(
      chunk.map((r) => r.hold),
      { anyDates: true },
    );
  });
  return quoted.flat().map((q, i) => {
    const shift = requests[i]!.shift;
    return { ...q, position: 0, listing: shift && shift.days !== 0 ? shiftSnapshot(q.listing, shift) : q.listing };
  });
}

import type { HoldItem, QuotedItem } from '@tripwise/contracts';
import type { Queryable } from '@tripwise/platform/db';
import { AppError } from '@tripwise/platform/errors';
import { activeCars, activeFlights, activeRooms, busiestDay } from '../../data/hold-listings.repository.ts';
import { rentalDays } from '../search/search-cars.use-case.ts';
import { dayBefore, daysBetween } from '@tripwise/travel-data';
import { carSnapshot, flightSnapshot, roomSnapshot } from './listing-snapshot.ts';
import { bookingWindowProblems, outsideBookingWindow } from './booking-window.rules.ts';

function notListed(position: number, item: HoldItem): AppError {
  return new AppError('not-listed', 409, 'Conflict', {
    detail: `Item ${position + 1} (${item.kind}) is not listed (any more).`,
    errors: [{ in: 'body', field: `items.${position}`, message: 'not listed' }],
  });
}

/**
 * What each item costs now, whether it is free in that quantity, and what a booking keeps of its listing, without
 * taking anything. A listing that does not exist or is not active is a 409 naming the item; dates outside the
 * booking window where the listing is (in the past, too far ahead, too long) are a 422 naming the fields, except
 * for the booking seed's history (`anyDates`), which quotes stays that happened.
 */
export async function quoteItems(
  db: Queryable,
  items: HoldItem[],
  options: { anyDates?: boolean | undefined; now?: Date } = {},
): Promise<QuotedItem[]> {
  const idsOf = <K extends HoldItem['kind']>(kind: K, id: (i: Extract<HoldItem, { kind: K }>) => string) =>
    items.filter((i): i is Extract<HoldItem, { kind: K }> => i.kind === kind).map(id);
  const [flights, rooms, cars] = await Promise.all([
    activeFlights(
      db,
      idsOf('flight', (i) => i.flightId),
    ),
    activeRooms(
      db,
      idsOf('room', (i) => i.roomTypeId),
    ),
    activeCars(
      db,
      idsOf('car', (i) => i.carId),
    ),
  ]);
  const rowOf = (item: HoldItem) =>
    item.kind === 'flight'
      ? flights.get(item.flightId)
      : item.kind === 'room'
        ? rooms.get(item.roomTypeId)
        : cars.get(item.carId);
  const outside = options.anyDates
    ? []
    : items.flatMap((item, position) => {
        const row = rowOf(item);
        return row ? bookingWindowProblems(position, item, row, options.now ?? new Date()) : [];
      });
  if (outside.length > 0) throw outsideBookingWindow(outside);
  const quoted: QuotedItem[] = [];
  for (const [position, item] of items.entries()) {
    const usd = (amount: number) => ({ amount, currency: 'USD' as const });
    if (item.kind === 'flight') {
      const row = flights.get(item.flightId);
      const cabin = row?.cabins[item.cabin];
      if (!row || !cabin) throw notListed(position, item);
      quoted.push({
        position,
        available: cabin.left >= item.seats,
        quantity: item.seats,
        units: 1,
        unitPrice: usd(cabin.price),
        listing: flightSnapshot(row, item),
      });
    } else if (item.kind === 'room') {
      const row = rooms.get(item.roomTypeId);
      if (!row) throw notListed(position, item);
      const taken = await busiestDay(db, 'room', item.roomTypeId, item.checkIn, dayBefore(item.checkOut));
      quoted.push({
        position,
        available: taken + item.rooms <= row.units,
        quantity: item.rooms,
        units: daysBetween(item.checkIn, item.checkOut),
        unitPrice: usd(row.price),
        listing: roomSnapshot(row, item),
      });
    } else {
      const row = cars.get(item.carId);
      if (!row) throw notListed(position, item);
      const taken = await busiestDay(db, 'car', item.carId, item.pickupDate, item.dropoffDate);
      quoted.push({
        position,
        available: taken + 1 <= row.units,
        quantity: 1,
        units: rentalDays(
          `${item.pickupDate}T${item.pickupTime ?? '10:00'}:00`,
          `${item.dropoffDate}T${item.dropoffTime ?? '10:00'}:00`,
        ),
        unitPrice: usd(row.price),
        listing: carSnapshot(row, item),
      });
    }
  }
  return quoted;
}

import {
  priceItem,
  sumOf,
  type BookingItemInput,
  type HoldItem,
  type ItemPrice,
  type QuotedItem,
} from '@tripwise/contracts';
import { AppError, badRequest } from '@tripwise/platform/errors';
import type { ItemRow } from '../data/bookings.repository.ts';

/** The inventory an item takes: seats for each passenger, rooms for each night, a car for each day. */
export function holdItemOf(item: BookingItemInput): HoldItem {
  switch (item.kind) {
    case 'flight':
      return { kind: 'flight', flightId: item.flightId, cabin: item.cabin, seats: item.passengers.length };
    case 'hotel':
      return {
        kind: 'room',
        roomTypeId: item.roomTypeId,
        checkIn: item.checkIn,
        checkOut: item.checkOut,
        rooms: item.rooms,
      };
    case 'car':
      return {
        kind: 'car',
        carId: item.carId,
        pickupDate: item.pickupDate,
        dropoffDate: item.dropoffDate,
        pickupTime: item.pickupTime,
        dropoffTime: item.dropoffTime,
      };
  }
}

/** The name of the field that carries the unit price shown, per kind of inventory. */
export const SHOWN_PRICE_FIELD = {
  flight: 'expectedUnitPrice',
  room: 'expectedNightlyPrice',
  car: 'expectedDailyPrice',
} as const;

/** The unit price the traveler was shown for an item, and the name of that field. */
export function shownPriceOf(item: BookingItemInput): { amount: number; field: string } {
  switch (item.kind) {
    case 'flight':
      return { amount: item.expectedUnitPrice, field: SHOWN_PRICE_FIELD.flight };
    case 'hotel':
      return { amount: item.expectedNightlyPrice, field: SHOWN_PRICE_FIELD.room };
    case 'car':
      return { amount: item.expectedDailyPrice, field: SHOWN_PRICE_FIELD.car };
  }
}

/** Who travels on an item: its passengers, the lead guest, or the driver (licence kept for the rental desk). */
export function travelersOf(item: BookingItemInput): Record<string, unknown>[] {
  switch (item.kind) {
    case 'flight':
      return item.passengers;
    case 'hotel':
      return [{ ...item.leadGuest, role: 'lead-guest', guests: item.guests }];
    case 'car':
      return [{ ...item.driver, role: 'driver' }];
  }
}

/** What the traveler asked for beyond the inventory: cabin, pick-up and drop-off times, guests. */
export function requestOf(item: BookingItemInput): Record<string, unknown> {
  const { kind } = item;
  if (kind === 'flight') return { kind, flightId: item.flightId, cabin: item.cabin };
  if (kind === 'hotel') {
    return {
      kind,
      roomTypeId: item.roomTypeId,
      checkIn: item.checkIn,
      checkOut: item.checkOut,
      rooms: item.rooms,
      guests: item.guests,
    };
  }
  return {
    kind,
    carId: item.carId,
    pickupDate: item.pickupDate,
    pickupTime: item.pickupTime,
    dropoffDate: item.dropoffDate,
    dropoffTime: item.dropoffTime,
  };
}

const ageOn = (birth: string, day: string) => {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

export function soldOut(position: number, detail?: string): AppError {
  return new AppError('sold-out', 409, 'Conflict', {
    detail: detail ?? `Item ${position + 1} is no longer available in that quantity.`,
    errors: [{ in: 'body', field: `items.${position}`, message: 'sold out or no longer listed' }],
  });
}

/**
 * Holds each item to what the traveler saw and to its listing's rules: every item free (else 409 naming it),
 * every price the one shown (else 409 with the new prices), every driver old enough (else 400).
 */
export function assertBookable(
  items: BookingItemInput[],
  quoted: Pick<QuotedItem, 'available' | 'unitPrice' | 'listing'>[],
): void {
  const unavailable = quoted.findIndex((q) => !q.available);
  if (unavailable >= 0) throw soldOut(unavailable);
  assertPricesUnchanged(items.map(shownPriceOf), quoted);
  for (const [position, item] of items.entries()) {
    if (item.kind !== 'car') continue;
    const minimum = Number(quoted[position]!.listing.policy.details.minimumDriverAge ?? 0);
    if (ageOn(item.driver.dateOfBirth, item.pickupDate) < minimum) {
      throw badRequest(`The driver must be at least ${minimum} on the pick-up day.`, [
        {
          in: 'body',
          field: `items.${position}.driver.dateOfBirth`,
          message: `the driver must be at least ${minimum}`,
        },
      ]);
    }
  }
}

/** A 409 listing each item whose price moved since it was shown, with the price now. */
export function assertPricesUnchanged(
  shown: { amount: number; field: string }[],
  current: { unitPrice: { amount: number } }[],
): void {
  const changed = shown.flatMap((price, position) => {
    const now = current[position]!.unitPrice.amount;
    return price.amount === now ? [] : [{ position, field: price.field, shown: price.amount, now }];
  });
  if (changed.length === 0) return;
  throw new AppError('price-changed', 409, 'Conflict', {
    detail: 'A price changed since it was shown. Nothing was booked or charged: review the new price and book again.',
    errors: changed.map((c) => ({
      in: 'body' as const,
      field: `items.${c.position}.${c.field}`,
      message: `the price is now ${c.now} (was ${c.shown})`,
    })),
    extensions: {
      prices: changed.map((c) => ({
        position: c.position,
        shown: { amount: c.shown, currency: 'USD' },
        now: { amount: c.now, currency: 'USD' },
      })),
    },
  });
}

/** The stored row of an item at `position`: what search quoted for it, its price, and what the traveler asked. */
export function itemRowOf(quoted: QuotedItem, input: BookingItemInput, price: ItemPrice, position: number): ItemRow {
  const { listing } = quoted;
  return {
    position,
    kind: listing.kind,
    listing_id: listing.listingId,
    parent_id: listing.parentId,
    owner_id: listing.ownerId,
    provider_kind: listing.provider.kind,
    provider_id: listing.provider.id,
    provider_name: listing.provider.name,
    title: listing.title,
    subtitle: listing.subtitle,
    city: listing.city,
    start_date: listing.startDate,
    end_date: listing.endDate,
    quantity: quoted.quantity,
    units: quoted.units,
    unit_price_minor: quoted.unitPrice.amount,
    subtotal_minor: price.subtotal,
    taxes_minor: sumOf(price.taxes),
    fees_minor: sumOf(price.fees),
    request: requestOf(input),
    travelers: travelersOf(input),
    policy: listing.policy,
  };
}

/** The price of a quoted item: its units at the quoted price, with taxes and fees. */
export const priceOfQuoted = (q: QuotedItem): ItemPrice =>
  priceItem({ kind: q.listing.kind, unitPrice: q.unitPrice.amount, quantity: q.quantity, units: q.units });

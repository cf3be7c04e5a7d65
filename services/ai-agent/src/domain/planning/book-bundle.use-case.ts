import { z } from 'zod';
import { createBookingSchema, driverSchema, passengerSchema } from '@tripwise/contracts';
import type { Identity } from '@tripwise/platform/auth';
import type { Db } from '@tripwise/platform/db';
import { AppError, badRequest, notFound } from '@tripwise/platform/errors';
import type { BookingApi } from '../../clients/booking.client.ts';
import type { SearchApi } from '../../clients/search.client.ts';
import { findBundle } from '../../data/sessions.repository.ts';
import { flightsOf, legsOf, type Bundle } from './bundle.types.ts';

const personName = z.string().trim().min(1).max(60);
export const bookBundleSchema = z.strictObject({
  /** The explicit yes: nothing is booked without it. */
  confirm: z.literal(true, { error: 'confirm must be true: booking charges the card' }),
  passengers: z.array(passengerSchema).max(9).optional(),
  leadGuest: z.strictObject({ firstName: personName, lastName: personName }).optional(),
  driver: driverSchema.optional(),
  contact: createBookingSchema.shape.contact,
  payment: createBookingSchema.shape.payment,
});
export type BookBundle = z.infer<typeof bookBundleSchema>;

interface HotelRoom {
  id: string;
  capacity: number;
  nightlyPrice: { amount: number };
  roomsLeft?: number;
}

/** The room type behind a hotel's quoted price: the one at that nightly price, big enough and free for the stay. */
async function roomTypeFor(search: SearchApi, bundle: Bundle): Promise<HotelRoom> {
  const hotel = bundle.hotel!;
  const details = await search.details<{ rooms: HotelRoom[] }>('hotels', hotel.id, {
    checkIn: hotel.checkIn,
    checkOut: hotel.checkOut,
  });
  const free = details.rooms.filter((r) => (r.roomsLeft ?? 1) > 0);
  const room =
    free.find((r) => r.nightlyPrice.amount === hotel.nightlyPrice.amount) ??
    free.sort((a, b) => a.nightlyPrice.amount - b.nightlyPrice.amount)[0];
  if (!room) {
    throw new AppError('sold-out', 409, 'Conflict', { detail: `${hotel.name} has no room left for those nights.` });
  }
  return room;
}

/**
 * Books one of the traveler's bundles on their behalf, after their explicit confirmation: the bundle becomes a
 * booking request (each flight leg, the hotel's room, the car, at the prices shown) sent to the booking service with
 * the traveler's own token and Idempotency-Key. The booking service's answer comes back as it is (201, 402, 409…).
 */
export async function bookBundle(
  deps: { db: Db; search: SearchApi; booking: BookingApi },
  who: Identity & { token: string; address?: string | undefined },
  bundleId: string,
  idempotencyKey: string,
  input: BookBundle,
) {
  const bundle = await findBundle(deps.db, bundleId, who.userId);
  if (!bundle) throw notFound('The bundle');
  const legs = bundle.flight ? legsOf(bundle.flight) : [];
  const party = bundle.party;
  const need = (field: string, message: string) => badRequest(`${field}: ${message}`, [{ in: 'body', field, message }]);
  if (legs.length > 0 && input.passengers?.length !== party) {
    throw need('passengers', `the ${party} passenger(s) of this trip`);
  }
  if (bundle.hotel && !input.leadGuest && !input.passengers?.[0]) throw need('leadGuest', 'who checks in at the hotel');
  if (bundle.car && !input.driver) throw need('driver', 'who drives the rental car');
  const items: unknown[] = (bundle.flight ? flightsOf(bundle.flight) : []).map((leg) => ({
    kind: 'flight',
    flightId: leg.id,
    cabin: bundle.cabin ?? 'economy',
    passengers: input.passengers,
    expectedUnitPrice: leg.price.amount,
  }));
  if (bundle.hotel) {
    const room = await roomTypeFor(deps.search, bundle);
    const lead = input.leadGuest ?? {
      firstName: input.passengers![0]!.firstName,
      lastName: input.passengers![0]!.lastName,
    };
    items.push({
      kind: 'hotel',
      roomTypeId: room.id,
      checkIn: bundle.hotel.checkIn,
      checkOut: bundle.hotel.checkOut,
      rooms: Math.max(1, Math.ceil(party / Math.max(1, room.capacity))),
      guests: party,
      leadGuest: lead,
      expectedNightlyPrice: room.nightlyPrice.amount,
    });
  }
  if (bundle.car) {
    items.push({
      kind: 'car',
      carId: bundle.car.id,
      pickupDate: bundle.car.pickupDate,
      dropoffDate: bundle.car.dropoffDate,
      driver: input.driver,
      expectedDailyPrice: bundle.car.dailyPrice.amount,
    });
  }
  const order = { items, contact: input.contact, payment: input.payment };
  return deps.booking.book(who.token, idempotencyKey, order, who.address);
}

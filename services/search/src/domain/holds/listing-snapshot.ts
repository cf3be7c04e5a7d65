import {
  CABIN_LABELS,
  CAR_CLASS_LABELS,
  type CarClass,
  type HoldItem,
  type ListingSnapshot,
} from '@tripwise/contracts';
import { airlineByCode, airportByCode, airportsOf } from '@tripwise/travel-data';
import type { CarListingRow, FlightListingRow, RoomListingRow } from '../../data/hold-listings.repository.ts';
import { createLocalClock, isoDateToUtcMs } from '@tripwise/travel-data';
import { localDate } from '../search/places.rules.ts';

/** The time zone of a city or airport code (UTC when unknown). */
export const zoneOf = (code: string) =>
  airportsOf(code)
    .map((c) => airportByCode(c)?.timeZone)
    .find((z) => z) ?? 'UTC';

/** An instant from a calendar date and a wall-clock time (HH:MM) where the listing is. */
function localInstant(date: string, clock: string, timeZone: string): string {
  const [h, m] = clock.split(':').map(Number);
  return new Date(createLocalClock(timeZone)(isoDateToUtcMs(date), (h ?? 0) * 60 + (m ?? 0))).toISOString();
}

const hours = (value: unknown): number | null => (typeof value === 'number' && value >= 0 ? value : null);

/** Generated schedules already write "DL 626"; a bare "626" still reads as DL626. */
function designator(airlineCode: string, flightNumber: string): string {
  return flightNumber.startsWith(airlineCode) ? flightNumber : `${airlineCode}${flightNumber}`;
}

export function flightSnapshot(row: FlightListingRow, item: Extract<HoldItem, { kind: 'flight' }>): ListingSnapshot {
  const airline = airlineByCode(row.airline)?.name ?? row.airline;
  const origin = airportByCode(row.origin);
  const destination = airportByCode(row.destination);
  return {
    kind: 'flight',
    listingId: String(row.id),
    parentId: null,
    title: `${airline} ${designator(row.airline, row.flight_number)}, ${row.origin} → ${row.destination}`,
    subtitle: `${CABIN_LABELS[item.cabin] ?? item.cabin}, ${item.seats} seat${item.seats > 1 ? 's' : ''}`,
    city: destination?.city ?? row.destination,
    ownerId: row.owner_id,
    provider: { kind: 'airline', id: row.airline, name: airline },
    startDate: localDate(row.depart_at, origin?.timeZone ?? 'UTC'),
    endDate: localDate(row.arrive_at, destination?.timeZone ?? 'UTC'),
    policy: {
      // A refundable fare is refunded in full up to departure; any other keeps the fare.
      freeCancellationHours: row.refundable ? 0 : null,
      lateCancellationKeeps: 'everything',
      startsAt: row.depart_at.toISOString(),
      details: { refundable: row.refundable },
    },
  };
}

export function roomSnapshot(row: RoomListingRow, item: Extract<HoldItem, { kind: 'room' }>): ListingSnapshot {
  const policies = row.policies;
  return {
    kind: 'room',
    listingId: String(row.id),
    parentId: String(row.hotel_id),
    title: row.hotel_name,
    subtitle: `${row.name}, ${item.rooms} room${item.rooms > 1 ? 's' : ''}`,
    city: row.city,
    ownerId: row.owner_id,
    provider: row.owner_id
      ? { kind: 'owner', id: row.owner_id, name: row.hotel_name }
      : { kind: 'property', id: String(row.hotel_id), name: row.hotel_name },
    startDate: item.checkIn,
    endDate: item.checkOut,
    policy: {
      freeCancellationHours: hours(policies.refundWindowHours),
      lateCancellationKeeps: 'one-unit',
      startsAt: localInstant(
        item.checkIn,
        typeof policies.checkInTime === 'string' ? policies.checkInTime : '15:00',
        zoneOf(row.city_code),
      ),
      details: policies,
    },
  };
}

export function carSnapshot(row: CarListingRow, item: Extract<HoldItem, { kind: 'car' }>): ListingSnapshot {
  return {
    kind: 'car',
    listingId: String(row.id),
    parentId: null,
    title: `${row.company}, ${row.model} or similar`,
    subtitle: `${CAR_CLASS_LABELS[row.car_class as CarClass] ?? row.car_class}, ${row.city}`,
    city: row.city,
    ownerId: row.owner_id,
    provider: { kind: 'car-company', id: row.company, name: row.company },
    startDate: item.pickupDate,
    endDate: item.dropoffDate,
    policy: {
      freeCancellationHours: hours(row.policies.freeCancellationHours),
      lateCancellationKeeps: 'one-unit',
      // Counted from the start of the pick-up day, local time: the strictest reading of "hours before pick-up".
      startsAt: localInstant(item.pickupDate, '00:00', zoneOf(row.location_code)),
      details: row.policies,
    },
  };
}

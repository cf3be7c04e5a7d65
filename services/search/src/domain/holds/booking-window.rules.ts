import { lengthProblem, startProblem, type FieldError, type HoldItem } from '@tripwise/contracts';
import { AppError } from '@tripwise/platform/errors';
import { airportByCode } from '@tripwise/travel-data';
import type { CarListingRow, FlightListingRow, RoomListingRow } from '../../data/hold-listings.repository.ts';
import { localDate } from '../search/places.rules.ts';
import { zoneOf } from './listing-snapshot.ts';

type ListingRow = FlightListingRow | RoomListingRow | CarListingRow;

/**
 * What is wrong with an item's dates, read where the listing is: a flight that has left or leaves more than 330
 * days from now; a stay or rental that starts before today or past the window there, or runs too long. Field names
 * are those of a booking's item, so the 422 points at what the traveler typed.
 */
export function bookingWindowProblems(position: number, item: HoldItem, row: ListingRow, now: Date): FieldError[] {
  const at = (field: string, message: string | undefined): FieldError[] =>
    message ? [{ in: 'body', field: `items.${position}.${field}`, message }] : [];
  if (item.kind === 'flight') {
    const flight = row as FlightListingRow;
    if (flight.depart_at.getTime() <= now.getTime()) return at('flightId', 'this flight has already left');
    const zone = airportByCode(flight.origin)?.timeZone ?? 'UTC';
    return at('flightId', startProblem(localDate(flight.depart_at, zone), localDate(now, zone)));
  }
  if (item.kind === 'room') {
    const today = localDate(now, zoneOf((row as RoomListingRow).city_code));
    return [
      ...at('checkIn', startProblem(item.checkIn, today)),
      ...at('checkOut', lengthProblem('stay', item.checkIn, item.checkOut)),
    ];
  }
  const today = localDate(now, zoneOf((row as CarListingRow).location_code));
  return [
    ...at('pickupDate', startProblem(item.pickupDate, today)),
    ...at('dropoffDate', lengthProblem('rental', item.pickupDate, item.dropoffDate)),
  ];
}

/** The 422 for items outside the booking window, naming every field at fault. */
export function outsideBookingWindow(errors: FieldError[]): AppError {
  return new AppError('outside-booking-window', 422, 'Unprocessable content', {
    detail: `${errors[0]!.field}: ${errors[0]!.message}`,
    errors,
  });
}

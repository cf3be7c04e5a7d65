import type { BookingItemInput, QuotedItem } from '@tripwise/contracts';
import { chooseCar, chooseRoom, type StayCatalog } from './choose-stays.ts';
import type { FoundFlight } from './find-flights.ts';
import type { BookingPlan } from './plan-bookings.ts';
import type { QuoteRequest } from './quote-listings.ts';
import { cityCodeOf } from '@tripwise/travel-data/network';
import { ageOn } from './seed-dates.ts';

/** One item of a booking being built: what the traveler asked for, what to quote, and what search has of it. */
export interface Leg {
  input: BookingItemInput;
  request: QuoteRequest;
  listingId: number;
  /** Seats left in the cabin, or units of the room type or car. */
  capacity: number;
  /** Whether search lists it on its own day (a past flight books a later one: it is not held). */
  listed: boolean;
  quoted?: QuotedItem;
}

const CLOCKS = ['08:00', '09:00', '10:00', '11:30', '13:00', '14:30', '16:00', '17:30', '19:00'];
/** Nonzero placeholder: the shown price is the quoted one, filled in once search has answered. */
const UNQUOTED = 1;

export function flightLeg(plan: BookingPlan, found: FoundFlight): Leg {
  const { flight } = found;
  const cabin = flight.cabins[plan.cabin] !== undefined ? plan.cabin : 'economy';
  const seats = plan.party.length;
  return {
    input: { kind: 'flight', flightId: String(flight.id), cabin, passengers: plan.party, expectedUnitPrice: UNQUOTED },
    request: {
      hold: { kind: 'flight', flightId: String(flight.id), cabin, seats },
      shift: {
        days: found.shiftDays,
        origin: flight.origin,
        destination: flight.destination,
        durationMin: flight.duration_min,
      },
    },
    listingId: flight.id,
    capacity: flight.cabins[cabin] ?? 0,
    listed: found.shiftDays === 0,
  };
}

export function hotelLeg(plan: BookingPlan, stays: StayCatalog, checkIn: string, checkOut: string): Leg | undefined {
  const guests = plan.party.length;
  const choice = chooseRoom(stays, cityCodeOf(plan.destination), guests, plan.rng);
  if (!choice) return undefined;
  const id = String(choice.roomType.id);
  const lead = plan.party[0]!;
  return {
    input: {
      kind: 'hotel',
      roomTypeId: id,
      checkIn,
      checkOut,
      rooms: choice.rooms,
      guests,
      leadGuest: { firstName: lead.firstName, lastName: lead.lastName },
      expectedNightlyPrice: UNQUOTED,
    },
    request: { hold: { kind: 'room', roomTypeId: id, checkIn, checkOut, rooms: choice.rooms } },
    listingId: choice.roomType.id,
    capacity: choice.roomType.units,
    listed: true,
  };
}

export function carLeg(
  plan: BookingPlan,
  stays: StayCatalog,
  pickupDate: string,
  dropoffDate: string,
): Leg | undefined {
  const { traveler, rng } = plan;
  const car = chooseCar(stays, plan.destination, ageOn(traveler.dateOfBirth, pickupDate), rng);
  if (!car) return undefined;
  const pickupTime = rng.pick(CLOCKS);
  const dropoffTime = rng.pick(CLOCKS.filter((t) => dropoffDate > pickupDate || t > pickupTime));
  const id = String(car.id);
  return {
    input: {
      kind: 'car',
      carId: id,
      pickupDate,
      pickupTime,
      dropoffDate,
      dropoffTime,
      driver: {
        firstName: traveler.firstName,
        lastName: traveler.lastName,
        dateOfBirth: traveler.dateOfBirth,
        licenseNumber: traveler.licenseNumber,
      },
      expectedDailyPrice: UNQUOTED,
    },
    request: { hold: { kind: 'car', carId: id, pickupDate, dropoffDate } },
    listingId: car.id,
    capacity: car.units,
    listed: true,
  };
}

/** The leg with search's answer, and the price the traveler was shown set to it. */
export function quotedLeg(leg: Leg, quoted: QuotedItem): Leg {
  const price = quoted.unitPrice.amount;
  const input: BookingItemInput =
    leg.input.kind === 'flight'
      ? { ...leg.input, expectedUnitPrice: price }
      : leg.input.kind === 'hotel'
        ? { ...leg.input, expectedNightlyPrice: price }
        : { ...leg.input, expectedDailyPrice: price };
  return { ...leg, input, quoted };
}

import type {
  CarRequest,
  FlightRequest,
  FlightTime,
  HotelRequest,
  IntentRequest,
  IntentSlot,
} from '@tripwise/contracts';
import { assignDates, type DateEnd } from './date-roles.rules.ts';
import type { OwnedMentions } from './mention-owners.rules.ts';
import { assignFlightPlaces, assignLocalPlace } from './place-roles.rules.ts';
import { textBefore } from './text.rules.ts';
import { periodOf } from './times.rules.ts';
import type { UtteranceReading } from './utterance.reader.ts';

const START_SLOTS: readonly IntentSlot[] = ['departDate', 'checkIn', 'pickupDate'];
const END_SLOTS: readonly IntentSlot[] = ['returnDate', 'checkOut', 'dropoffDate'];

// The ends the previous question left open, in the order it asked for them. A turn worded as a change ("make it
// June 5th") changes the first day instead of answering the question.
function openEnds(previous: IntentRequest, reading: UtteranceReading): DateEnd[] {
  if (reading.topics.refine) {
    return [];
  }
  return previous.missing.flatMap((slot): DateEnd[] =>
    START_SLOTS.includes(slot) ? ['start'] : END_SLOTS.includes(slot) ? ['end'] : [],
  );
}

/** What a turn says to one search: its reading, the request before it, and the mentions that belong to this search. */
export interface SearchTurn {
  reading: UtteranceReading;
  previous: IntentRequest;
  mine: OwnedMentions | undefined;
  /** The first day of the trip this turn sets or keeps, which a stay or a rental starts on unless told otherwise. */
  tripStart: string | null;
}

export function flightPatch({ reading, previous, mine }: SearchTurn): Partial<FlightRequest> {
  const patch: Partial<FlightRequest> = {};
  if (mine) {
    const roles = previous.missing.filter((slot) => slot === 'origin' || slot === 'destination');
    // A flight asked for on its own with one bare city, before any end of it is known, starts there.
    const flightOnly = reading.topics.flight && !reading.topics.hotel && !reading.topics.car && !reading.topics.trip;
    const fresh = !previous.flight?.origin && !previous.flight?.destination;
    const places = assignFlightPlaces(reading.text, mine.places, roles, flightOnly && fresh);
    const dates = assignDates(
      reading.text,
      mine.dates,
      'flight',
      openEnds(previous, reading),
      previous.flight?.departDate ?? null,
    );
    if (places.origin) patch.origin = places.origin.place;
    if (places.destination) patch.destination = places.destination.place;
    if (dates.start) patch.departDate = dates.start;
    if (dates.end) patch.returnDate = dates.end;
    const times = flightTimes(reading.text, mine);
    if (times.depart) patch.departTime = times.depart;
    else if (dates.tonight) patch.departTime = { period: 'evening', at: null };
    if (times.back) patch.returnTime = times.back;
  }
  if (reading.flight.oneWay && patch.returnDate === undefined) patch.returnDate = null;
  const passengers = reading.party.seats ?? reading.party.people;
  if (passengers !== null) patch.passengers = passengers;
  if (reading.flight.cabin) patch.cabin = reading.flight.cabin;
  else if (reading.anyCabin) patch.cabin = null;
  if (reading.flight.maxStops !== null) patch.maxStops = reading.flight.maxStops;
  const airline = reading.airlines[0];
  if (airline) patch.airline = airline.code;
  else if (reading.anyAirline) patch.airline = null;
  return patch;
}

const BACK = /\b(?:back|return(?:s|ing)?|coming home|fly(?:ing)? home|head(?:ing)? home|inbound)\b/;

/** The times of day said for a flight: "on December 5 in the evening", "12/05 9:30am", "back Sunday night". */
function flightTimes(text: string, mine: OwnedMentions): { depart: FlightTime | null; back: FlightTime | null } {
  const said = [
    ...mine.times.map((time) => ({ start: time.start, value: { period: periodOf(time.time), at: time.time } })),
    ...mine.periods.map((period) => ({ start: period.start, value: { period: period.period, at: null } })),
  ].sort((a, b) => a.start - b.start);
  const result: { depart: FlightTime | null; back: FlightTime | null } = { depart: null, back: null };
  for (const { start, value } of said) {
    // The time belongs with the date or cue just before it: "back on Sunday at 6 pm" is the return's.
    const before = textBefore(text, start, 0, 40);
    if (BACK.test(before)) result.back ??= value;
    else result.depart ??= value;
  }
  return result;
}

/** `carToo`: the turn is about a rental, so "for 3 days" is the rental's length, not the stay's. */
export function hotelPatch({ reading, previous, mine, tripStart }: SearchTurn, carToo: boolean): Partial<HotelRequest> {
  const patch: Partial<HotelRequest> = {};
  if (mine) {
    const place = assignLocalPlace(reading.text, mine.places);
    const dates = assignDates(
      reading.text,
      mine.dates,
      'hotel',
      openEnds(previous, reading),
      previous.hotel?.checkIn ?? tripStart,
    );
    if (place) patch.city = place.place.city;
    if (dates.start) patch.checkIn = dates.start;
    if (dates.end) patch.checkOut = dates.end;
    // "A room tonight" is for one night unless the traveller says how many.
    if (dates.tonight && !dates.end) patch.nights = 1;
  }
  const nights = reading.hotel.nights ?? (carToo ? null : reading.hotel.days);
  if (nights !== null) patch.nights = nights;
  if (reading.hotel.rooms !== null) patch.rooms = reading.hotel.rooms;
  if (reading.hotel.minStars !== null) patch.minStars = reading.hotel.minStars;
  const guests = reading.party.guests ?? reading.party.people;
  if (guests !== null) patch.guests = guests;
  if (reading.hotel.amenities.length > 0 && reading.topics.act !== 'policy') patch.amenities = reading.hotel.amenities;
  const nightly = reading.money.find((mention) => mention.per === 'night' && mention.bound !== 'min');
  if (nightly && reading.topics.act !== 'watch') patch.maxNightlyPrice = nightly.money;
  return patch;
}

export function carPatch({ reading, previous, mine, tripStart }: SearchTurn): Partial<CarRequest> {
  const patch: Partial<CarRequest> = {};
  if (mine) {
    const place = assignLocalPlace(reading.text, mine.places);
    const dates = assignDates(
      reading.text,
      mine.dates,
      'car',
      openEnds(previous, reading),
      previous.car?.pickupDate ?? tripStart,
    );
    if (place) patch.pickupCity = place.place.city;
    if (dates.start) patch.pickupDate = dates.start;
    if (dates.end) patch.dropoffDate = dates.end;
    for (const time of mine.times) {
      const droppingOff = /\b(?:drop(?:ping)?|return(?:ing)?|bring(?:ing)?|back|turn(?:ing)?|giv(?:e|ing))\b/.test(
        textBefore(reading.text, time.start, 0, 40),
      );
      if (droppingOff) patch.dropoffTime ??= time.time;
      else patch.pickupTime ??= time.time;
    }
  }
  if (reading.car.carType) patch.carType = reading.car.carType;
  else if (reading.anyCarType) patch.carType = null;
  return patch;
}

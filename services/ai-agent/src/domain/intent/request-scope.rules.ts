import type { IntentRequest } from '@tripwise/contracts';
import { namesARoute } from './place-roles.rules.ts';
import { soundsLikeRental } from './rental-cues.rules.ts';
import { DOMAINS, domainsOf, type DomainName } from './request.shapes.ts';
import type { UtteranceReading } from './utterance.reader.ts';

/** The searches a request holds after a turn, and the one that leads (whose places and dates are unattributed). */
export interface RequestScope {
  domains: DomainName[];
  /** The searches this turn itself names (by word or by a route), in the order flight, hotel, car. */
  named: DomainName[];
  /** The searches the turn names in words (not those a bare place or day implies), which it is about. */
  spoken: DomainName[];
  primary: DomainName | null;
}

function turnDomains(reading: UtteranceReading): Set<DomainName> {
  const { topics, flight, hotel, party, airlines, car } = reading;
  const found = new Set<DomainName>();
  // "Returning on the 9th" is a round trip only when no stay or rental is being talked about.
  const roundTrip = flight.roundTrip && !topics.car && !topics.hotel;
  const flightWish = flight.cabin !== null || flight.maxStops !== null || airlines.length > 0 || party.seats !== null;
  if (topics.flight || flightWish || roundTrip) {
    found.add('flight');
  }
  if (topics.hotel || hotel.rooms || hotel.minStars || hotel.amenities.length > 0 || party.guests) {
    found.add('hotel');
  }
  if (topics.car || car.carType) {
    found.add('car');
  }
  return found;
}

/**
 * What a message with no kind of travel named is about, when nothing is under way yet: worded as a rental ("I need
 * it from Monday in Vancouver", "at 10:30 in Philly"), a car; any other place or date, or a route from one city to
 * another, a trip (flights and a stay).
 */
function unnamedDomains(reading: UtteranceReading, route: boolean): DomainName[] {
  const { places, dates, times, party, topics, text } = reading;
  const saysSomething = places.length > 0 || dates.length > 0 || times.length > 0 || party.people !== null;
  if (saysSomething && !route && soundsLikeRental(text, dates, times)) {
    return ['car'];
  }
  return topics.trip || saysSomething ? ['flight', 'hotel'] : [];
}

/** Which searches the conversation holds after this turn, and which one this turn's places and dates belong to. */
export function scopeOf(
  reading: UtteranceReading,
  previous: IntentRequest,
  focus: DomainName | null = null,
): RequestScope {
  const named = turnDomains(reading);
  const spoken = [...named];
  const before = domainsOf(previous);
  // "Boston to Denver" names a flight without saying "fly", whatever else the sentence asks for.
  const route = namesARoute(reading.text, reading.places);
  if (named.size === 0 && before.length === 0) {
    unnamedDomains(reading, route).forEach((domain) => named.add(domain));
  }
  if (route) {
    named.add('flight');
  }
  // "Drop the hotel" names the hotel to be rid of it.
  for (const dropped of reading.refinement.drop) named.delete(dropped);
  const domains = DOMAINS.filter(
    (domain) => named.has(domain) || (before.includes(domain) && !reading.refinement.drop.includes(domain)),
  );
  // Several kinds named at once ("a car for the night"): the one already under way leads. None named: the one the
  // conversation is about ("I also need a car." "Where?" "Till the 4th.").
  const primary =
    DOMAINS.find((domain) => named.has(domain) && (before.length === 0 || before.includes(domain))) ??
    DOMAINS.find((domain) => named.has(domain)) ??
    (focus !== null && domains.includes(focus) ? focus : null) ??
    domains[0] ??
    null;
  if (route) spoken.push('flight');
  return {
    domains,
    named: DOMAINS.filter((domain) => named.has(domain)),
    spoken: DOMAINS.filter((domain) => spoken.includes(domain) && !reading.refinement.drop.includes(domain)),
    primary,
  };
}

import type { IntentName, IntentRequest, Money } from '@tripwise/contracts';
import { airlineByCode, airportByCode, airportsOf, metroArea } from '@tripwise/travel-data';
import { AIRLINES } from '../airlines.data.ts';
import { addDays, daysBetween } from '../calendar.rules.ts';
import { missingSlots, questionFor } from '../missing.rules.ts';
import { findMoney } from '../money.rules.ts';
import { domainsOf, type DomainName } from '../request.shapes.ts';
import { normalizeUtterance } from '../text.rules.ts';

/** What an LLM answer is checked against: the request before the turn, the traveller's day and their words. */
export interface AnswerContext {
  previous: IntentRequest;
  /** `YYYY-MM-DD` in the traveller's time zone. */
  today: string;
  utterance: string;
}

/** Nobody sells travel further ahead than about a year: a later date is a misread year. */
const HORIZON_DAYS = 366;

type Check = (answer: IntentRequest, context: AnswerContext) => string | null;

function datesOf(request: IntentRequest): [string, string | null][] {
  const { flight, hotel, car } = request;
  return [
    ['flight.departDate', flight?.departDate ?? null],
    ['flight.returnDate', flight?.returnDate ?? null],
    ['hotel.checkIn', hotel?.checkIn ?? null],
    ['hotel.checkOut', hotel?.checkOut ?? null],
    ['car.pickupDate', car?.pickupDate ?? null],
    ['car.dropoffDate', car?.dropoffDate ?? null],
  ];
}

// A date the request already had may have slipped into the past since; a date the turn sets may not.
const datesAhead: Check = (answer, { previous, today }) => {
  const before = new Map(datesOf(previous));
  for (const [slot, date] of datesOf(answer)) {
    if (date === null || date === before.get(slot)) continue;
    if (date < today) return `${slot} ${date} is before today (${today})`;
    if (daysBetween(today, date) > HORIZON_DAYS) return `${slot} ${date} is more than a year ahead`;
  }
  return null;
};

const datesInOrder: Check = ({ flight, hotel, car }) => {
  if (flight?.departDate && flight.returnDate && flight.returnDate < flight.departDate) {
    return 'flight.returnDate is before flight.departDate';
  }
  if (hotel?.checkIn && hotel.checkOut) {
    const nights = daysBetween(hotel.checkIn, hotel.checkOut);
    if (nights <= 0) return 'hotel.checkOut is not after hotel.checkIn';
    if (hotel.nights !== null && hotel.nights !== nights) {
      return `hotel.nights is ${hotel.nights}, the dates say ${nights}`;
    }
  }
  if (car?.pickupDate && car.dropoffDate && car.dropoffDate < car.pickupDate) {
    return 'car.dropoffDate is before car.pickupDate';
  }
  return null;
};

const knownPlace = (code: string): boolean => airportByCode(code) !== undefined || metroArea(code) !== undefined;

const placesExist: Check = ({ flight }) => {
  const origin = flight?.origin?.code ?? null;
  const destination = flight?.destination?.code ?? null;
  for (const [slot, code] of [
    ['flight.origin', origin],
    ['flight.destination', destination],
  ] as const) {
    if (code !== null && !knownPlace(code)) return `${slot} ${code} is no airport or metro-area code`;
  }
  if (origin && destination && airportsOf(origin).some((code) => airportsOf(destination).includes(code))) {
    return `flight.origin ${origin} and flight.destination ${destination} are the same place`;
  }
  return null;
};

const airlineExists: Check = ({ flight }) => {
  const code = flight?.airline ?? null;
  const known = code === null || airlineByCode(code) !== undefined || AIRLINES.some((a) => a.code === code);
  return known ? null : `flight.airline ${code} is no airline Tripwise knows`;
};

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

function moneysOf(request: IntentRequest): [string, Money | null][] {
  return [
    ['budget', request.budget],
    ['hotel.maxNightlyPrice', request.hotel?.maxNightlyPrice ?? null],
    ['watch.priceBelow', request.watch?.priceBelow ?? null],
  ];
}

// Minor units are the LLM's likeliest slip ("$400" as 400): a new amount must be one the message names, when the
// rules can read the message's amounts at all.
const moneyAsSaid: Check = (answer, { previous, utterance }) => {
  const before = new Map(moneysOf(previous));
  const said = findMoney(normalizeUtterance(utterance)).map((mention) => mention.money.amount);
  for (const [slot, money] of moneysOf(answer)) {
    if (money === null) continue;
    if (money.amount <= 0) return `${slot} is not a positive amount`;
    if (!CURRENCIES.has(money.currency)) return `${slot} has an unknown currency ${money.currency}`;
    const old = before.get(slot);
    const isNew = !old || old.amount !== money.amount || old.currency !== money.currency;
    if (isNew && said.length > 0 && !said.includes(money.amount)) {
      return `${slot} ${money.amount} ${money.currency} (minor units) is no amount the message names`;
    }
  }
  return null;
};

const SEARCH_OF: Partial<Record<IntentName, DomainName>> = {
  search_flights: 'flight',
  search_hotels: 'hotel',
  search_cars: 'car',
};

const intentFitsSearches: Check = (answer) => {
  const domains = domainsOf(answer);
  const needed = SEARCH_OF[answer.intent];
  if (needed && !domains.includes(needed)) return `intent ${answer.intent} without a ${needed} search`;
  if ((answer.intent === 'plan_trip' || answer.intent === 'refine') && domains.length === 0) {
    return `intent ${answer.intent} without any search`;
  }
  return null;
};

const CHECKS: readonly Check[] = [
  intentFitsSearches,
  datesAhead,
  datesInOrder,
  placesExist,
  airlineExists,
  moneyAsSaid,
];

/**
 * The first thing in an LLM's (schema-valid) answer that cannot be right, or null: a new date in the past or over
 * a year ahead, dates out of order, an airport or airline code that does not exist, an origin that is the
 * destination, an amount that is not in minor units of a real currency, an intent without its search.
 */
export function findImplausibility(answer: IntentRequest, context: AnswerContext): string | null {
  for (const check of CHECKS) {
    const problem = check(answer, context);
    if (problem !== null) return problem;
  }
  return null;
}

/**
 * Settles what follows from the answer the way the rules do: a stay's nights and check-out from each other, and
 * `missing`/`question` recomputed, so that the concierge asks the same question whoever read the message. A
 * return date the LLM listed as missing means the traveller asked for a round trip.
 */
export function settleAnswer(answer: IntentRequest): IntentRequest {
  let hotel = answer.hotel;
  if (hotel?.checkIn && hotel.checkOut) {
    hotel = { ...hotel, nights: daysBetween(hotel.checkIn, hotel.checkOut) };
  } else if (hotel?.checkIn && hotel.nights) {
    hotel = { ...hotel, checkOut: addDays(hotel.checkIn, hotel.nights) };
  }
  const settled = { ...answer, hotel };
  const missing = missingSlots(settled, answer.missing.includes('returnDate'));
  return { ...settled, missing, question: questionFor(missing) };
}

import type { IntentRequest, RelativeWish } from '@tripwise/contracts';
import { addDays, daysBetween } from './calendar.rules.ts';
import { COUNT_PATTERN, parseCount } from './numbers.rules.ts';
import type { DomainName } from './request.shapes.ts';
import { matchAll, spanOf, type Span } from './text.rules.ts';

/*
 * Changes said relative to the plan on the table: "a day later", "one night more", "drop the hotel", "a cheaper
 * hotel", "avoid red-eyes". They move or remove what the request already holds, so they are read against it, never
 * resolved as dates from today ("a week later" is not a week from now).
 */

export type ShiftedEnd = 'start' | 'end' | 'both';

export interface Refinement {
  /** Days to move by (negative: earlier), which ends, and of which search (null: the whole trip). */
  shift: { days: number; ends: ShiftedEnd; search: DomainName | null } | null;
  /** Nights to add to the stay (negative: fewer). */
  nights: number | null;
  /** Searches the traveller no longer wants. */
  drop: DomainName[];
  /** "A cheaper hotel"; `search` is null for "something cheaper", which is about every search under way. */
  relative: { search: DomainName | null; want: RelativeWish['want'] }[];
  /** true: "avoid red-eyes"; false: "red-eyes are fine". */
  avoidRedEyes: boolean | null;
  spans: Span[];
}

const AMOUNT = `(?<n>${COUNT_PATTERN}|a|an|a couple of|couple of|a few)`;
const UNIT = '(?<unit>days?|nights?|weeks?)';
const LATER = new RegExp(
  `\\b(?:${AMOUNT}\\s+${UNIT}\\s+(?<dir>later|earlier|sooner|after|before|afterwards)|(?<verb>push(?:ed)?(?:\\s+(?:it|that|everything|the trip|them))?\\s+(?:back|out)|postpone(?:d)?(?:\\s+(?:it|that|everything|the trip))?|delay(?:ed)?(?:\\s+(?:it|that|everything|the trip))?|move(?:d)?(?:\\s+(?:it|that|everything|the trip|them))?\\s+(?:up|forward|ahead|earlier|later|back)|bring(?:\\s+(?:it|that|everything))?\\s+forward|shift(?:ed)?(?:\\s+(?:it|that|everything|the trip))?(?:\\s+(?:later|earlier|back|forward))?)\\s+(?:by\\s+)?${AMOUNT.replace('<n>', '<n2>')}\\s+${UNIT.replace('<unit>', '<unit2>')})\\b`,
  'gi',
);
const NIGHTS_MORE = new RegExp(
  `\\b(?:(?<n>${COUNT_PATTERN}|an|a|another)\\s+(?<more>more|extra|additional|fewer|less)\\s+nights?|(?<n2>${COUNT_PATTERN}|a|another)\\s+nights?\\s+(?<more2>more|longer|extra|less|fewer|shorter)|(?<add>add|extend(?:\\s+(?:it|the stay|my stay))?\\s+by|stay)\\s+(?<n3>${COUNT_PATTERN}|an|a|another)\\s+(?:(?:more|extra)\\s+)?nights?(?:\\s+(?:more|longer))?)\\b`,
  'gi',
);

const SEARCH_WORDS: Record<DomainName, string> = {
  flight: 'flights?|plane|airfare|fares?|tickets?',
  hotel: 'hotels?|stay|room|rooms|accommodation|lodging|place to stay',
  car: 'cars?|rentals?|rental cars?|vehicles?',
};
const searchOf = (word: string): DomainName | null =>
  (Object.keys(SEARCH_WORDS) as DomainName[]).find((search) =>
    new RegExp(`^(?:${SEARCH_WORDS[search]})$`, 'i').test(word.trim()),
  ) ?? null;
const ANY_SEARCH = `(?:rental cars?|place to stay|${Object.values(SEARCH_WORDS).join('|')})`;

const DROP = new RegExp(
  `\\b(?:(?:drop|remove|skip|cancel|forget(?:\\s+about)?|ditch|scrap|delete|lose|take\\s+(?:out|off))\\s+(?:the\\s+|my\\s+|that\\s+)?(?<w>${ANY_SEARCH})|(?:no|without(?:\\s+(?:a|the|any))?|(?:i|we)\\s+(?:don'?t|do\\s+not|no\\s+longer)\\s+need\\s+(?:a|the|any)|no\\s+need\\s+for\\s+(?:a|the))\\s+(?<w2>hotel|stay|room|car|rental car|rental|flights?))\\b(?!\\s+(?:with|that|near|in|which|is|was)\\b)`,
  'gi',
);
const CHEAPER = new RegExp(
  `\\b(?:(?:a\\s+)?(?:cheaper|less expensive|more affordable|lower[- ]priced|budget|cheapest)\\s+(?:one|option|(?<w>${ANY_SEARCH}))|(?<w2>${ANY_SEARCH})\\s+(?:that\\s+is\\s+|that's\\s+)?(?:cheaper|less expensive)|something\\s+cheaper|(?:cheaper|less expensive)\\s+(?:please|instead|option|than (?:that|this))|too\\s+(?:expensive|pricey|much))\\b`,
  'gi',
);
const NICER = new RegExp(
  `\\b(?:(?:a\\s+)?(?:nicer|better|fancier|more (?:upscale|luxurious|comfortable)|higher[- ]end|classier|posher|swankier)\\s+(?:one|option|(?<w>${ANY_SEARCH}))|(?<w2>${ANY_SEARCH})\\s+(?:that\\s+is\\s+|that's\\s+)?(?:nicer|fancier|more upscale)|something\\s+(?:nicer|fancier|better|more upscale))\\b`,
  'gi',
);
const AVOID_RED_EYES =
  /\b(?:no|avoid(?:ing)?|without|skip|not?\s+(?:a|any)|hate|don'?t want(?:\s+(?:a|any))?)\s+(?:\w+\s+){0,2}(?:red[- ]?eyes?|overnight flights?|overnighters?)\b|\b(?:red[- ]?eyes?|overnight flights?)\b.{0,20}\b(?:no|avoid|not)\b/gi;
const ALLOW_RED_EYES =
  /\b(?:red[- ]?eyes?\s+(?:are\s+|is\s+)?(?:fine|ok(?:ay)?|good)|(?:fine|ok(?:ay)?)\s+with\s+(?:a\s+)?red[- ]?eyes?|red[- ]?eyes?\s+(?:are\s+)?allowed)\b/gi;

function amountOf(word: string | undefined): number {
  const text = (word ?? '').toLowerCase().trim();
  if (text === 'a' || text === 'an' || text === 'another') return 1;
  if (/couple/.test(text)) return 2;
  if (/few/.test(text)) return 3;
  return parseCount(text) ?? 1;
}

// The words just before a shift say which end moves: "leave a day later", "come back a day earlier".
function endsOf(before: string): { ends: ShiftedEnd; search: DomainName | null } {
  if (/\b(?:check(?:ing)?[- ]?in|arriv\w*)\b[^,.;]*$/.test(before)) return { ends: 'start', search: 'hotel' };
  if (/\bcheck(?:ing)?[- ]?out\b[^,.;]*$/.test(before)) return { ends: 'end', search: 'hotel' };
  if (/\bpick(?:ing)?[- ]?(?:it |the car )?up\b[^,.;]*$/.test(before)) return { ends: 'start', search: 'car' };
  if (/\b(?:drop(?:ping)?[- ]?(?:it |the car )?off|return(?:ing)? (?:it|the car))\b[^,.;]*$/.test(before)) {
    return { ends: 'end', search: 'car' };
  }
  if (
    /\b(?:come back|coming back|back|return(?:ing)?|fly(?:ing)? (?:back|home)|head(?:ing)? home)\b[^,.;]*$/.test(before)
  ) {
    return { ends: 'end', search: null };
  }
  if (
    /\b(?:leav(?:e|ing)|depart(?:ing|ure)?|fly(?:ing)? out|go(?:ing)?|outbound|start(?:ing)?)\b[^,.;]*$/.test(before)
  ) {
    return { ends: 'start', search: null };
  }
  return { ends: 'both', search: null };
}

/** Reads the changes a turn makes relative to the plan. */
export function readRefinement(text: string): Refinement {
  const spans: Span[] = [];
  let shift: Refinement['shift'] = null;
  for (const match of matchAll(text, LATER)) {
    const groups = match.groups ?? {};
    const days = amountOf(groups.n ?? groups.n2) * (/week/i.test(groups.unit ?? groups.unit2 ?? '') ? 7 : 1);
    const verb = (groups.verb ?? '').toLowerCase();
    const earlier =
      /earlier|sooner|before/i.test(groups.dir ?? '') ||
      /\b(?:up|forward|ahead|earlier)\b/.test(verb) ||
      /bring/.test(verb);
    const { ends, search } = endsOf(text.slice(Math.max(0, match.index - 40), match.index).toLowerCase());
    shift = { days: earlier ? -days : days, ends, search };
    spans.push(spanOf(match));
    break;
  }
  let nights: number | null = null;
  for (const match of matchAll(text, NIGHTS_MORE)) {
    const groups = match.groups ?? {};
    const fewer = /fewer|less|shorter/i.test(groups.more ?? groups.more2 ?? '');
    nights = amountOf(groups.n ?? groups.n2 ?? groups.n3) * (fewer ? -1 : 1);
    spans.push(spanOf(match));
    break;
  }
  const drop: DomainName[] = [];
  for (const match of matchAll(text, DROP)) {
    const search = searchOf(match.groups?.w ?? match.groups?.w2 ?? '');
    if (search && !drop.includes(search)) drop.push(search);
    spans.push(spanOf(match));
  }
  const relative: Refinement['relative'] = [];
  const wish = (pattern: RegExp, want: RelativeWish['want']): void => {
    for (const match of matchAll(text, pattern)) {
      relative.push({ search: searchOf(match.groups?.w ?? match.groups?.w2 ?? ''), want });
      spans.push(spanOf(match));
    }
  };
  wish(CHEAPER, 'cheaper');
  wish(NICER, 'nicer');
  const allow = matchAll(text, ALLOW_RED_EYES);
  const avoid = matchAll(text, AVOID_RED_EYES);
  [...allow, ...avoid].forEach((match) => spans.push(spanOf(match)));
  return {
    shift,
    nights,
    drop,
    relative,
    avoidRedEyes: allow.length > 0 ? false : avoid.length > 0 ? true : null,
    spans,
  };
}

const move = (date: string | null, days: number): string | null => (date === null ? null : addDays(date, days));

/** Whether the turn changes anything relative to the plan. */
export function refines(refinement: Refinement): boolean {
  return (
    refinement.shift !== null ||
    refinement.nights !== null ||
    refinement.drop.length > 0 ||
    refinement.relative.length > 0 ||
    refinement.avoidRedEyes !== null
  );
}

/** The wishes relative to the option shown, each for a search under way ("something cheaper": all of them). */
export function relativeWishes(refinement: Refinement, request: IntentRequest): RelativeWish[] {
  const under = (['flight', 'hotel', 'car'] as const).filter((search) => request[search] !== null);
  const wishes = refinement.relative.flatMap(({ search, want }) =>
    search === null ? under.map((each) => ({ search: each, want })) : [{ search, want }],
  );
  return wishes.filter(
    (wish, index) => wishes.findIndex((other) => other.search === wish.search && other.want === wish.want) === index,
  );
}

/**
 * The request with the turn's relative changes applied: dates moved from where they stand, nights added to the stay
 * (and to the trip's way back), searches dropped. Wishes without a search named ("something cheaper") apply to every
 * search under way.
 */
export function applyRefinement(request: IntentRequest, refinement: Refinement): IntentRequest {
  let next = { ...request };
  const { shift, nights } = refinement;
  if (shift) next = shifted(next, shift);
  if (nights !== null) next = longer(next, nights);
  for (const search of refinement.drop) next = dropped(next, search);
  return next;
}

function shifted(request: IntentRequest, shift: NonNullable<Refinement['shift']>): IntentRequest {
  const { days, ends, search } = shift;
  const start = ends !== 'end';
  const end = ends !== 'start';
  const applies = (domain: DomainName): boolean => search === null || search === domain;
  const { flight, hotel, car } = request;
  const next = { ...request };
  if (flight && applies('flight')) {
    next.flight = {
      ...flight,
      departDate: start ? move(flight.departDate, days) : flight.departDate,
      returnDate: end ? move(flight.returnDate, days) : flight.returnDate,
    };
  }
  if (hotel && applies('hotel')) {
    const checkIn = start ? move(hotel.checkIn, days) : hotel.checkIn;
    const checkOut = end ? move(hotel.checkOut, days) : hotel.checkOut;
    next.hotel = {
      ...hotel,
      checkIn,
      checkOut,
      nights: checkIn && checkOut ? daysBetween(checkIn, checkOut) : hotel.nights,
    };
  }
  if (car && applies('car')) {
    next.car = {
      ...car,
      pickupDate: start ? move(car.pickupDate, days) : car.pickupDate,
      dropoffDate: end ? move(car.dropoffDate, days) : car.dropoffDate,
    };
  }
  return next;
}

// One night more: the stay ends a day later, and so do the flight home and the rental that end with it.
function longer(request: IntentRequest, nights: number): IntentRequest {
  const { flight, hotel, car } = request;
  const next = { ...request };
  const stayEnd = hotel?.checkOut ?? flight?.returnDate ?? null;
  if (hotel) {
    next.hotel = {
      ...hotel,
      checkOut: move(hotel.checkOut, nights),
      nights: hotel.nights === null ? null : Math.max(1, hotel.nights + nights),
    };
  }
  if (flight?.returnDate && (hotel === null || hotel.checkOut === null || flight.returnDate === stayEnd)) {
    next.flight = { ...flight, returnDate: move(flight.returnDate, nights) };
  }
  if (car?.dropoffDate && car.dropoffDate === stayEnd) {
    next.car = { ...car, dropoffDate: move(car.dropoffDate, nights) };
  }
  return next;
}

// Dropping the flight leaves the stay and the rental on their own: the days they took from it become theirs.
function dropped(request: IntentRequest, search: DomainName): IntentRequest {
  const next: IntentRequest = { ...request, [search]: null };
  const flight = request.flight;
  if (search === 'flight' && flight) {
    if (next.hotel) {
      next.hotel = {
        ...next.hotel,
        city: next.hotel.city ?? flight.destination?.city ?? null,
        checkIn: next.hotel.checkIn ?? flight.departDate,
        checkOut: next.hotel.checkOut ?? (next.hotel.nights === null ? flight.returnDate : null),
      };
    }
    if (next.car) {
      next.car = {
        ...next.car,
        pickupCity: next.car.pickupCity ?? flight.destination?.city ?? null,
        pickupDate: next.car.pickupDate ?? flight.departDate,
        dropoffDate: next.car.dropoffDate ?? flight.returnDate,
      };
    }
  }
  return next;
}

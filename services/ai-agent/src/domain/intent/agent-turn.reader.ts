import type { CarRequest, FlightRequest, HotelRequest, IntentRequest, Place } from '@tripwise/contracts';
import { wallClockAt } from './calendar.rules.ts';
import type { ParseOptions } from './parse-turn.ts';
import { gazetteer, placeKey } from './places.gazetteer.ts';
import type { PlaceMention } from './places.rules.ts';
import { buildPatch } from './request-patch.rules.ts';
import { domainsOf, emptyCar, emptyFlight, emptyHotel, emptyRequest, type DomainName } from './request.shapes.ts';
import { normalizeUtterance } from './text.rules.ts';
import { readUtterance } from './utterance.reader.ts';

/** What the agent asked for, which a short answer fills: "Where from?" "Boston." */
export type AskedSlot =
  | 'origin'
  | 'destination'
  | 'place'
  | 'start'
  | 'end'
  | 'time'
  | 'length'
  | 'stars'
  | 'rooms'
  | 'party'
  | 'carType'
  | 'cabin'
  | 'airline';

/** Slot values the agent said, by search. */
export interface AgentValues {
  flight: Partial<FlightRequest>;
  hotel: Partial<HotelRequest>;
  car: Partial<CarRequest>;
}

/** What the traveller has heard from the agent that their next words may answer, take or refer to. */
export interface Heard {
  /** The agent's last words, when the conversation gave them. */
  said: string | null;
  /** What the agent's last turn asked, in order; null when no agent turn was heard (the request's `missing` then). */
  asked: AskedSlot[] | null;
  /** Values the agent's questions take for granted ("Will you leave on June 2nd?"): they hold unless denied. */
  proposed: AgentValues | null;
  /** Values the agent asked to confirm ("Please confirm: 1 room for 3 nights from …"): they hold once said yes to. */
  confirmed: AgentValues | null;
  /** The agent asked to confirm a booking ("Please confirm: 1 room at …"). */
  confirmingBooking: boolean;
  /** The option on offer ("an American Airlines flight at 2:25 pm", "a standard Camry"), until taken or turned down. */
  offer: AgentValues | null;
  /** Where the options offered are ("the Ritz Boston", "a Corolla at LAX"): the place their search was made in. */
  located: AgentValues | null;
  /** The place the traveller named last, which "there" and "that area" may point to. */
  lastPlace: Place | null;
  /** The place the agent named last as where something is ("in Vancouver it will be 75 degrees"). */
  agentPlace: Place | null;
  /** The search the traveller spoke of last, which the agent's next questions are about. */
  focus: DomainName | null;
}

export function heardNothing(): Heard {
  return {
    said: null,
    asked: null,
    proposed: null,
    confirmed: null,
    confirmingBooking: false,
    offer: null,
    located: null,
    lastPlace: null,
    agentPlace: null,
    focus: null,
  };
}

// Questions are read clause by clause: "Where are you flying from and what date?" asks two things.
const LEAD =
  '(?:(?:and|so|ok(?:ay)?|sure|great|alright|also|first|now|then|please|could you|can you|would you|just)[,!]?\\s+)*';
const WH = "(?:what|what'?s|whats|when|where|which|how|who|whom)";
const QUESTION_START = new RegExp(
  `^${LEAD}(?:(?:in|on|at|for|from|to|till|until|til|by|since|up to)\\s+)?${WH}\\b|^${LEAD}(?:tell me|let me know|please (?:tell|give|provide|share|let)|(?:do|did) you (?:have|know) (?:a |any )?(?:preferred|preference|specific|particular)|any (?:preference|preferred))\\b`,
  'i',
);
const WH_ANYWHERE = new RegExp(`\\b${WH}\\b`, 'i');
const YES_NO_START = new RegExp(
  `^${LEAD}(?:will|are|is|do|does|would|shall|should|did|can|could|have|has|was)\\b`,
  'i',
);
// "Sure, will you pick it up on the 8th and until when?": a yes/no question cut off by the next one, after a lead word.
const YOU_QUESTION = new RegExp(`^\\W*${LEAD}(?:do|will|would|are|shall)\\s+you\\b`, 'i');
const CONFIRMING =
  /\b(?:please con(?:firm|frim|fim)|con(?:firm|frim) (?:the|these|that|this|once|to|me|for|then|a|an|your)|can you confirm|could you confirm|to confirm|confirming|to verify|please verify|verify that|let me (?:review|confirm)|is (?:that|this|it|everything) (?:right|correct|ok|okay|alright)|(?:does|do) (?:that|this|these|everything) (?:sound|look|seem) (?:right|correct|good|ok|okay)|is that what you want|(?:so |just )?to be (?:clear|sure)|you(?:'d| would) like to (?:book|reserve|check in|stay)|correct\?|right\?|yes\?|correct\.?$|do you confirm|are you happy for me to book|you want (?:me )?to (?:book|reserve)|making a reservation|i(?:'ll| will) (?:book|reserve|make a booking|change the booking))\b/i;

const PLACE_WORD = /\b(?:where|city|cities|place|location|airport|metropolis|area|town|destination|origin|port)\b/;
const FROM_WORD =
  /\b(?:from|depart(?:ing|ure)?|leav(?:e|ing)|origin|starting (?:city|point|location)|fly(?:ing)? out|out of|embark)\b/;
const TO_WORD =
  /\b(?:to|going|go|heading|head|destination|travel(?:l?ing)?|fly(?:ing)? in to|visit(?:ing)?|arriv(?:e|ing)|bound|trip)\b/;
const DATE_WORD = /\b(?:when|date|dates|day|days|nights?|how long|until|till|from when)\b/;
const END_WORD =
  /\b(?:until|till|til|return(?:ing)?|back|drop(?:[- ]?off|ping it off)?|check[- ]?out|how long|how many (?:days|nights)|for how many|end date|duration|turn it in|bring it back|give it back|(?:to|until|till) what (?:date|day))\b/;
const START_WORD =
  /\b(?:from when|from what|start(?:ing)?|leav(?:e|ing)|depart(?:ing|ure)?|check[- ]?in|pick[- ]?(?:it |the car |the vehicle |them |the rental )?up|pickup|arriv(?:e|ing)|go|going|fly|travel(?:l?ing)?|begin|need (?:it|the car|a car|the vehicle)|want (?:it|the car|the vehicle|to rent))\b/;

function askedIn(question: string): AskedSlot[] {
  const q = question.toLowerCase();
  const asked: AskedSlot[] = [];
  const add = (slot: AskedSlot): void => {
    if (!asked.includes(slot)) asked.push(slot);
  };
  if (
    /\bwhat time\b|\bat what time\b|\bwhich time\b|\bwhat hour\b|\bpick-?up time\b|\btime (?:and|or) (?:date|day)\b/.test(
      q,
    )
  ) {
    add('time');
  }
  if (/\bhow many rooms\b|\bnumber of rooms\b/.test(q)) add('rooms');
  if (/\bhow long\b|\bhow many (?:days|nights)\b|\bnumber of (?:days|nights)\b|\bduration\b|\blength of\b/.test(q)) {
    add('length');
  }
  if (/\bhow many stars\b|\bstar rating\b|\bwhat (?:rating|kind of hotel|class of hotel)\b/.test(q)) add('stars');
  if (/\bhow many (?:people|persons|passengers|tickets|seats|travell?ers|guests|adults|of you)\b/.test(q)) add('party');
  if (
    /\b(?:what|which) (?:size|type|kind|sort|class) of (?:car|vehicle)|\b(?:car|vehicle) (?:type|size|class)\b|\bwhat (?:size|type|kind) (?:car|vehicle)|\b(?:size|type) (?:car|vehicle) would\b/.test(
      q,
    )
  ) {
    add('carType');
  }
  if (/\b(?:which|what) (?:class|cabin|seat(?:ing)? class)\b|\bclass of (?:ticket|seat|service)\b/.test(q)) {
    add('cabin');
  }
  if (/\b(?:which|what|preferred|any) airlines?\b|\bairline preference\b/.test(q)) add('airline');
  if (PLACE_WORD.test(q.replace(/\bdeparture (?:date|day|time)\b/g, '')) && !/\bwhat time\b/.test(q)) {
    const from = FROM_WORD.test(q.replace(/\bdeparture (?:date|day|time)\b/g, ''));
    const to = TO_WORD.test(
      q.replace(
        /\bwant to\b|\blike to\b|\bneed to\b|\bwish to\b|\bplan(?:ning)? to\b|\bgoing to (?=\w+ (?:from|out))/g,
        '',
      ),
    );
    if (from) add('origin');
    if (to) add('destination');
    if (!from && !to) add('place');
  }
  if (DATE_WORD.test(q) || /\b(?:from|since) when\b/.test(q)) {
    const end = END_WORD.test(q);
    const start = START_WORD.test(q) || /\b(?:which|what) (?:date|day)\b/.test(q) || !end;
    // "When will you return?" asks the last day only; "when do you leave and come back?" both.
    const startCue =
      /\bfrom when\b|\bfrom what\b|\bstart|\bcheck[- ]?in|\bpick[- ]?up|\bleav|\bdepart|\bgo\b|\bfly out/.test(q);
    if (start && (!end || startCue)) add('start');
    if (end) add('end');
  }
  return asked;
}

const clauses = (text: string): string[] =>
  text
    .split(/(?<=[.?!])\s+|\s+(?:and|also|plus)\s+(?=(?:what|when|where|which|how|from when|till when|until when)\b)/i)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** The agent's words read as values of the searches already under way (only those: the agent names no new search). */
function valuesSaid(
  text: string,
  state: IntentRequest | null,
  options: ParseOptions,
  places: PlaceMention[] = [],
): AgentValues {
  const domains = state ? domainsOf(state) : [];
  const base: IntentRequest = {
    ...emptyRequest(),
    intent: 'plan_trip',
    flight: domains.includes('flight') ? emptyFlight() : null,
    hotel: domains.includes('hotel') ? emptyHotel() : null,
    car: domains.includes('car') ? emptyCar() : null,
  };
  const reading = readUtterance(text, wallClockAt(options.now, options.timeZone), base.car !== null, 'agent');
  const patch = buildPatch(reading, base);
  places.push(...reading.places);
  const keep = <T extends object>(domain: DomainName, values: Partial<T>): Partial<T> =>
    domains.includes(domain) ? values : {};
  return { flight: keep('flight', patch.flight), hotel: keep('hotel', patch.hotel), car: keep('car', patch.car) };
}

const hasValues = (values: AgentValues): boolean =>
  Object.keys(values.flight).length + Object.keys(values.hotel).length + Object.keys(values.car).length > 0;

// What a booking is made of, which a confirmation restates: not the wishes that found the option (its stars).
const BOOKED: { [K in keyof AgentValues]: readonly string[] } = {
  flight: ['origin', 'destination', 'departDate', 'returnDate', 'passengers', 'cabin'],
  hotel: ['city', 'checkIn', 'checkOut', 'nights', 'rooms'],
  car: ['pickupCity', 'pickupDate', 'pickupTime', 'dropoffDate', 'carType'],
};

function bookingValues(values: AgentValues): AgentValues {
  const pick = <T extends object>(search: keyof AgentValues, from: Partial<T>): Partial<T> =>
    Object.fromEntries(Object.entries(from).filter(([key]) => BOOKED[search].includes(key))) as Partial<T>;
  return { flight: pick('flight', values.flight), hotel: pick('hotel', values.hotel), car: pick('car', values.car) };
}

/** The option offered: the airline of a flight, the class of a car. A hotel offered is known by its name only. */
function offerIn(values: AgentValues): AgentValues | null {
  const offer: AgentValues = { flight: {}, hotel: {}, car: {} };
  if (values.flight.airline) offer.flight.airline = values.flight.airline;
  if (values.car.carType) offer.car.carType = values.car.carType;
  return hasValues(offer) ? offer : null;
}

// A hotel offered is known by its stars or its name: "How about the Ace Hotel?", "a 3 star hotel called…".
const HOTEL_OPTION =
  /\b(?:\d|one|two|three|four|five)[- ]?stars?\b|\bstar (?:hotel|place|rating)|\bhotels? (?:called|named)|\b(?:called|named|rated)\b|\b(?:how|what) about (?:the |a |this )?[A-Z0-9]/i;

/** Where the options offered are: the last place the offer names, for a stay or a rental without one. */
function locatedIn(places: readonly PlaceMention[], state: IntentRequest | null): AgentValues | null {
  // "Motel 6 Seattle Downtown": the city a hotel's name is about is a major one, not a district of it.
  const major = places.filter((mention) => gazetteer().cities.get(placeKey(mention.place.city))?.major);
  const place = (major.at(-1) ?? places.at(-1))?.place;
  if (!place || !state) return null;
  const located: AgentValues = { flight: {}, hotel: {}, car: {} };
  if (state.hotel && state.hotel.city === null) located.hotel.city = place.city;
  if (state.car && state.car.pickupCity === null) located.car.pickupCity = place.city;
  return hasValues(located) ? located : null;
}

// Only a place the agent puts something in ("in Vancouver", "arrive at Anaheim") counts: the agent's other places are
// parts of names (hotels, airports, landmarks) more often than not.
function lastPlaceIn(text: string, places: readonly PlaceMention[]): Place | null {
  const located = places.filter(
    (mention) =>
      /\b(?:in|to|at|near|around)\s+$/i.test(text.slice(Math.max(0, mention.start - 8), mention.start)) &&
      !/^\s*(?:international\b|intl\b|airport\b|station\b|terminal\b|depot\b|center\b|centre\b)/i.test(
        text.slice(mention.end),
      ),
  );
  return located.at(-1)?.place ?? null;
}

/**
 * Reads an agent's turn: what it asks (each question clause), what it puts to the traveller to say yes to (a
 * yes/no question with a value, or a confirmation), what option it offers, and the place it names.
 */
export function hearAgent(heard: Heard, text: string, state: IntentRequest | null, options: ParseOptions): Heard {
  const normalized = normalizeUtterance(text);
  const asked: AskedSlot[] = [];
  let proposing = false;
  const proposals: string[] = [];
  for (const clause of clauses(normalized)) {
    // "Departure city?", "Travel date?": a question with no verb asks for what it names.
    const bare = clause.endsWith('?') && !YES_NO_START.test(clause) && !/\b(?:you|i|we|it|this|that)\b/i.test(clause);
    const wh = QUESTION_START.test(clause) || (clause.endsWith('?') && WH_ANYWHERE.test(clause)) || bare;
    if (wh) {
      for (const slot of askedIn(clause)) if (!asked.includes(slot)) asked.push(slot);
      // "When do you collect it in Reno?" takes Reno for granted; "What I booked is for 1
      // passenger." states it.
      if (clause.endsWith('?')) {
        proposing = true;
        proposals.push(clause);
      }
    }
    const yesNo = YES_NO_START.test(clause) && (clause.endsWith('?') || YOU_QUESTION.test(clause));
    if (!wh && (yesNo || (clause.endsWith('?') && !QUESTION_START.test(clause)))) {
      proposing = true;
      proposals.push(clause);
    }
  }
  const confirming = CONFIRMING.test(normalized);
  const places: PlaceMention[] = [];
  const values = valuesSaid(normalized, state, options, places);
  const proposedValues = valuesSaid(proposals.join(' '), state, options);
  // An option offered: an airline's flight, a class of car, a hotel by its stars or name. A question listing kinds to
  // choose from ("Full-size, mid-size or compact?") offers nothing.
  const choosing = ['carType', 'airline', 'cabin', 'stars'].some((slot) => asked.includes(slot as AskedSlot));
  const offering =
    !choosing &&
    (offerIn(values) !== null ||
      (state?.hotel !== null && state?.hotel !== undefined && HOTEL_OPTION.test(normalized)));
  const offer = offering ? offerIn(values) : null;
  // Values the agent's questions take for granted ("Will you leave on June 2nd?", "when do you collect it in
  // Reno?") hold unless the traveller says otherwise.
  const proposed = !confirming && proposing && !offering && hasValues(proposedValues) ? proposedValues : null;
  return {
    said: text,
    asked,
    proposed,
    confirmed: confirming && hasValues(values) ? bookingValues(values) : null,
    // Any confirmation in a stay is a booking's; elsewhere, one that says so.
    confirmingBooking:
      confirming &&
      hasValues(values) &&
      (Boolean(state?.hotel) || /\b(?:book|reserv|room|car|rental|reservation)\w*/i.test(normalized)),
    offer: offer ?? heard.offer,
    located: offering ? locatedIn(places, state) : null,
    lastPlace: heard.lastPlace,
    agentPlace: lastPlaceIn(normalized, places) ?? heard.agentPlace,
    focus: heard.focus,
  };
}

import type { IntentRequest, IntentSlot, Place } from '@tripwise/contracts';
import type { AgentValues, AskedSlot, Heard } from './agent-turn.reader.ts';
import { COUNT_PATTERN, parseCount } from './numbers.rules.ts';
import type { UtteranceReading } from './utterance.reader.ts';
import type { TurnActs } from './dialogue-acts.rules.ts';
import type { RequestPatch } from './request-patch.rules.ts';
import { assignFlightPlaces, namesARoute } from './place-roles.rules.ts';
import { domainsOf, type DomainName } from './request.shapes.ts';

const SLOT_OF: Record<DomainName, Partial<Record<AskedSlot, IntentSlot>>> = {
  flight: {
    origin: 'origin',
    destination: 'destination',
    place: 'destination',
    start: 'departDate',
    end: 'returnDate',
  },
  hotel: { origin: 'city', destination: 'city', place: 'city', start: 'checkIn', end: 'checkOut' },
  car: {
    origin: 'pickupCity',
    destination: 'pickupCity',
    place: 'pickupCity',
    start: 'pickupDate',
    end: 'dropoffDate',
  },
};

/**
 * The slots this turn is expected to answer: what the agent just asked, in the terms of the search it is about
 * (the one in focus), or, with no agent turn heard, what the request said was missing (the concierge's question).
 */
export function expectedSlots(heard: Heard, previous: IntentRequest, focus: DomainName | null): IntentSlot[] {
  if (heard.asked === null) return previous.missing;
  const domain = focus ?? domainsOf(previous)[0] ?? null;
  if (domain === null) return [];
  // A value the agent proposed is what a bare answer corrects: "Checking in June 2nd, right?" "No, the 4th."
  const proposed = [
    ...(heard.proposed ? proposedSlots(heard.proposed) : []),
    ...(heard.confirmed ? proposedSlots(heard.confirmed) : []),
  ];
  const slots = heard.asked.flatMap((asked) => {
    const slot = SLOT_OF[domain][asked];
    if (slot !== undefined) return [slot];
    if (asked === 'length') return [SLOT_OF[domain].end ?? 'checkOut'];
    return [];
  });
  const open = [...new Set([...proposed, ...slots])];
  // "Which city?" about a flight is whichever end is still unknown.
  if (domain === 'flight' && heard.asked.includes('place') && !heard.asked.includes('origin')) {
    const flight = previous.flight;
    if (flight?.destination && !flight.origin) return open.map((slot) => (slot === 'destination' ? 'origin' : slot));
  }
  return open;
}

const PROPOSED_SLOTS: readonly (readonly [keyof AgentValues, string, IntentSlot])[] = [
  ['flight', 'departDate', 'departDate'],
  ['flight', 'returnDate', 'returnDate'],
  ['flight', 'origin', 'origin'],
  ['flight', 'destination', 'destination'],
  ['hotel', 'checkIn', 'checkIn'],
  ['hotel', 'checkOut', 'checkOut'],
  ['hotel', 'city', 'city'],
  ['car', 'pickupDate', 'pickupDate'],
  ['car', 'dropoffDate', 'dropoffDate'],
  ['car', 'pickupCity', 'pickupCity'],
];

function proposedSlots(values: AgentValues): IntentSlot[] {
  return PROPOSED_SLOTS.filter(([search, key]) => (values[search] as Record<string, unknown>)[key] !== undefined).map(
    ([, , slot]) => slot,
  );
}

const BARE_COUNT = new RegExp(
  `^\\W*(?:(?:just|only|about|around|maybe|probably|i need|we need|make it|it'?s|it will be|for)\\s+)*(?<n>${COUNT_PATTERN})(?:\\s+(?:please|thanks|thank you|of us|people|persons|days?|nights?|rooms?|total|in total))*\\W*$`,
  'i',
);

/** A bare number answering "How many rooms?", "For how many days?", "How many of you?". */
export function answerCount(reading: UtteranceReading, heard: Heard, expected: readonly IntentSlot[]): void {
  const match = BARE_COUNT.exec(reading.text);
  const count = match ? parseCount(match.groups?.n ?? '') : null;
  if (count === null || count > 60) return;
  const asked = heard.asked ?? [];
  if (asked.includes('rooms') && reading.hotel.rooms === null) reading.hotel.rooms = count;
  else if (asked.includes('party') && reading.party.people === null) reading.party.people = count;
  else if ((asked.includes('length') || expected.includes('checkOut')) && reading.hotel.days === null) {
    reading.hotel.days = count;
  }
}

function fillEmpty<T extends object>(current: T | null, values: Partial<T>): T | null {
  if (current === null) return null;
  const filled = { ...current };
  for (const key of Object.keys(values) as (keyof T)[]) {
    const value = values[key];
    const had = filled[key];
    if (value !== undefined && value !== null && (had === null || (Array.isArray(had) && had.length === 0))) {
      filled[key] = value;
    }
  }
  return filled;
}

/** Values the traveller said yes to, in the slots still empty (their own words, read next, win over them). */
export function takeValues(request: IntentRequest, values: AgentValues): IntentRequest {
  return {
    ...request,
    flight: fillEmpty(request.flight, values.flight),
    hotel: fillEmpty(request.hotel, values.hotel),
    car: fillEmpty(request.car, values.car),
  };
}

/** Whether the turn says yes to what the agent put to it: a yes that is not a no, or asking to book it. */
export function saysYes(acts: TurnActs): boolean {
  return !acts.negates && (acts.affirms || acts.takes);
}

export type OfferFate = 'take' | 'drop' | 'keep';

/**
 * What the traveller does with the option on offer. Turned down when they ask for another or say no; taken when they
 * say yes, ask to book it, or move on (thanks, another search, a round trip) without asking about it first; dropped
 * when they change what its search asks for instead; kept open while they only ask about it.
 */
export function offerFate(acts: TurnActs, patch: RequestPatch, offer: AgentValues): OfferFate {
  if (acts.wantsAlternatives || acts.negates) return 'drop';
  if (acts.takes) return 'take';
  if (acts.asksAbout && !acts.closes) return 'keep';
  // New wishes for the search the option came from ask for another option; a return date only adds the way back.
  const changed = (['flight', 'hotel', 'car'] as const).some(
    (search) =>
      Object.keys(offer[search]).length > 0 &&
      Object.keys(patch[search]).some((key) => key !== 'returnDate' && key !== 'departTime' && key !== 'returnTime'),
  );
  return changed && !acts.affirms ? 'drop' : 'take';
}

// "a flight there", "rent a car there", "a hotel in that area", "fly out of there": a place said before.
const THERE =
  /\b(?:(?<from>from|out of|leaving|leave|depart(?:ing)?)\s+(?:there|here)|(?:go(?:ing)?|fly(?:ing)?|flights?|travel(?:l?ing)?|get(?:ting)?|head(?:ed|ing)?|trips?|to|in|around|near|stay(?:ing)?|hotels?|rooms?|cars?|rentals?|vehicles?|it|one|up|over|down|out|ticket|tickets|plane|booking|reservation|something)\s+(?:there|here)|(?:in|around|near|at|to)\s+(?:that|the same|this)\s+(?:area|city|place|town|location|spot|one))\b/i;

/** A place said with "there", "that area": whether the turn refers to one, and as where it leaves from or goes to. */
export function placeReference(text: string): 'from' | 'at' | null {
  const match = THERE.exec(text);
  if (match === null) return null;
  return match.groups?.from ? 'from' : 'at';
}

/**
 * The place "there" points to: the trip's own (where the flight lands, the stay is, the car waits), else the place
 * the traveller named last (even in a question about the weather), else the one the agent named last.
 */
export function referredPlace(heard: Heard, request: IntentRequest): Place | null {
  const city = request.flight?.destination ?? null;
  if (city) return city;
  const name = request.hotel?.city ?? request.car?.pickupCity ?? null;
  if (name !== null) return { code: null, city: name };
  return heard.lastPlace ?? heard.agentPlace;
}

const NEW_TRIP =
  /\b(?:(?:another|a new|a second|a separate|a different|my next|the next|a whole new)\s+(?:trip|journey|vacation|holiday|itinerary|booking)|new (?:search|request)|start (?:over|again|fresh)|from scratch|forget (?:all )?(?:that|this|everything))\b/i;

/**
 * Whether the turn starts another trip rather than changing this one: it says so ("another trip", "start over"), or
 * it names a whole new route (both ends other than the trip's) without the words of a correction ("actually",
 * "instead", "no,").
 */
export function startsNewTrip(reading: UtteranceReading, state: IntentRequest, acts: TurnActs): boolean {
  if (domainsOf(state).length === 0) return false;
  if (NEW_TRIP.test(reading.text)) return true;
  const flight = state.flight;
  if (!flight?.origin || !flight.destination || reading.topics.refine || acts.negates) return false;
  const route = assignFlightPlaces(reading.text, reading.places, []);
  if (!route.origin || !route.destination || !namesARoute(reading.text, reading.places)) return false;
  return route.origin.place.city !== flight.origin.city && route.destination.place.city !== flight.destination.city;
}

import type { IntentName, IntentRequest, Place } from '@tripwise/contracts';
import { heardNothing, type Heard } from './agent-turn.reader.ts';
import { readActs } from './dialogue-acts.rules.ts';
import {
  answerCount,
  expectedSlots,
  offerFate,
  placeReference,
  referredPlace,
  saysYes,
  startsNewTrip,
  takeValues,
} from './dialogue-context.rules.ts';
import { findPlaces } from './places.rules.ts';
import { applyRefinement, refines, relativeWishes, type Refinement } from './refinements.rules.ts';
import { normalizeUtterance } from './text.rules.ts';
import { fixTypos } from './typos.rules.ts';
import { buildPatch, type RequestPatch } from './request-patch.rules.ts';
import { wallClockAt } from './calendar.rules.ts';
import { mergePatch } from './request-merge.rules.ts';
import { missingSlots, questionFor, searchIntentOf } from './missing.rules.ts';
import { readUtterance, type UtteranceReading } from './utterance.reader.ts';
import { domainsOf, emptyRequest } from './request.shapes.ts';
import { withExploreWish } from './explore.rules.ts';

export interface ParseOptions {
  /** The moment of the conversation: "tomorrow" and "next Friday" are resolved against it. */
  now: Date;
  /** The traveller's IANA time zone, which decides what day `now` is for them. */
  timeZone: string;
}

function saidSomething(patch: RequestPatch): boolean {
  return (
    Object.keys(patch.flight).length + Object.keys(patch.hotel).length + Object.keys(patch.car).length > 0 ||
    patch.budget !== undefined ||
    patch.watch !== undefined ||
    patch.rentalDays !== null
  );
}

function decideIntent(previous: IntentRequest, next: IntentRequest, patch: RequestPatch, changed: boolean): IntentName {
  if (patch.act === 'policy') return 'policy_question';
  if (patch.act === 'watch') return 'watch_price';
  if (patch.act === 'book') return 'book';
  const before = domainsOf(previous);
  const now = domainsOf(next);
  const added = now.filter((domain) => !before.includes(domain));
  const refining = changed || (patch.refine && saidSomething(patch));
  if (refining && added.length === 0 && previous.intent !== 'other' && previous.intent !== 'policy_question') {
    return 'refine';
  }
  if (added.length > 0 || saidSomething(patch)) {
    // Answering the price-watch question keeps the watch; filling a slot keeps a booking a booking.
    if ((previous.intent === 'watch_price' || previous.intent === 'book') && added.length === 0) return previous.intent;
    return searchIntentOf(now);
  }
  return now.length > 0 || previous.intent !== 'other' ? previous.intent : 'other';
}

/**
 * Reads one more turn of a conversation into its request: slots the turn names are filled or changed, the rest
 * are kept, and `missing`/`question` say what to ask next. Pure: the same state, words and clock give the same
 * request. `heard` is what the agent said before it, when known (see `parseConversation`).
 */
export function parseTurn(
  state: IntentRequest | null,
  utterance: string,
  options: ParseOptions,
  heard: Heard = heardNothing(),
): IntentRequest {
  return readTurn(state, utterance, options, heard).request;
}

/** `parseTurn`, also saying what the traveller has heard from the agent after this turn. */
export function readTurn(
  state: IntentRequest | null,
  utterance: string,
  options: ParseOptions,
  heard: Heard,
): { request: IntentRequest; heard: Heard } {
  const clock = wallClockAt(options.now, options.timeZone);
  const acts = readActs(fixTypos(normalizeUtterance(utterance)));
  const reading = readUtterance(utterance, clock, state?.car !== null && state?.car !== undefined);
  // "Now New York to LA at Christmas": another trip starts from nothing, not from the last one's party and car.
  const before = state !== null && startsNewTrip(reading, state, acts) ? emptyRequest() : (state ?? emptyRequest());
  // A yes to the agent's proposal ("Will you leave on June 2nd?" "Yes.") fills what it proposed.
  let previous = heard.proposed && !acts.negates ? takeValues(before, heard.proposed) : before;
  if (heard.confirmed && saysYes(acts)) previous = takeValues(previous, heard.confirmed);
  // Options offered in a place show where their search was made, when the traveller had not said.
  if (heard.located) previous = takeValues(previous, heard.located);
  if (heard.confirmingBooking && saysYes(acts) && previous.hotel && previous.hotel.rooms === null) {
    // A booking confirmed without a room count is for one room, the default of every stay.
    previous = { ...previous, hotel: { ...previous.hotel, rooms: 1 } };
  }
  // "A day later", "one night more", "drop the hotel": moved or removed from where the plan stands.
  const refinement = reading.refinement;
  previous = applyRefinement(previous, refinement);
  withReferredPlace(reading, heard, previous);
  const asked = expectedSlots(heard, previous, heard.focus);
  answerCount(reading, heard, asked);
  const patch = buildPatch(reading, { ...previous, missing: asked }, heard.focus);
  const fate = heard.offer ? offerFate(acts, patch, heard.offer) : 'keep';
  if (heard.offer && fate === 'take') previous = takeValues(previous, heard.offer);
  const merged = mergePatch(previous, patch);
  const request = withExploreWish(
    withPreferences(placedInFocus(merged.request, previous, heard), refinement),
    before,
    reading.text,
  );
  const intent = decideIntent(before, request, patch, merged.changed || refines(refinement));
  // The request has no trip type: a round trip, once asked for, is remembered as a return date still to ask.
  const returnNeeded = !reading.flight.oneWay && (reading.flight.roundTrip || before.missing.includes('returnDate'));
  const missing = missingSlots({ ...request, intent }, returnNeeded);
  const next: Heard = {
    ...heardNothing(),
    offer: fate === 'keep' ? heard.offer : null,
    lastPlace: lastPlaceSaid(reading.text) ?? heard.lastPlace,
    agentPlace: heard.agentPlace,
    focus: patch.focus ?? heard.focus,
  };
  return { request: { ...request, intent, missing, question: questionFor(missing) }, heard: next };
}

// "Book me a room too" after talk of a concert in Reno: a stay or a rental opened with no place is where the conversation is.
function placedInFocus(request: IntentRequest, previous: IntentRequest, heard: Heard): IntentRequest {
  const place = heard.lastPlace ?? heard.agentPlace;
  // A trip under way has its own place, which the new search follows (see `request-merge.rules.ts`).
  if (place === null || domainsOf(previous).length > 0) return request;
  const hotel =
    request.hotel && !previous.hotel && request.hotel.city === null
      ? { ...request.hotel, city: place.city }
      : request.hotel;
  const car =
    request.car && !previous.car && request.car.pickupCity === null
      ? { ...request.car, pickupCity: place.city }
      : request.car;
  return { ...request, hotel, car };
}

// Wishes about the option shown hold for this turn only; red-eyes, once said, hold for the flight.
function withPreferences(request: IntentRequest, refinement: Refinement): IntentRequest {
  const flight =
    request.flight && refinement.avoidRedEyes !== null
      ? { ...request.flight, avoidRedEyes: refinement.avoidRedEyes }
      : request.flight;
  return { ...request, flight, relative: relativeWishes(refinement, request) };
}

/** "A flight there", "a hotel in that area": the place said before stands where "there" is. */
function withReferredPlace(reading: UtteranceReading, heard: Heard, request: IntentRequest): void {
  const reference = placeReference(reading.text);
  if (reference === null) return;
  const at = reading.text.search(
    /\b(?:there|here|that area|that city|the same city|that place|that town|that location)\b/i,
  );
  const earlier = reading.places.filter((mention) => mention.end <= at).at(-1)?.place;
  const place = earlier ?? referredPlace(heard, request);
  if (place === null || at < 0) return;
  const word = /^\S+/.exec(reading.text.slice(at))?.[0] ?? 'there';
  reading.places.push({
    start: at,
    end: at + word.length,
    place,
    referred: reference === 'from' ? 'origin' : 'destination',
  });
  reading.places.sort((a, b) => a.start - b.start);
}

// Every place the traveller names counts, even in a sentence about something else ("what's the weather in Paris?").
function lastPlaceSaid(text: string): Place | null {
  return findPlaces(text).at(-1)?.place ?? null;
}

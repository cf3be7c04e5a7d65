import type { IntentName, IntentRequest } from '@tripwise/contracts';
import { buildPatch, type RequestPatch } from './request-patch.rules.ts';
import { wallClockAt } from './calendar.rules.ts';
import { mergePatch } from './request-merge.rules.ts';
import { missingSlots, questionFor, searchIntentOf } from './missing.rules.ts';
import { readUtterance } from './utterance.reader.ts';
import { domainsOf, emptyRequest } from './request.shapes.ts';

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
 * request.
 */
export function parseTurn(state: IntentRequest | null, utterance: string, options: ParseOptions): IntentRequest {
  const previous = state ?? emptyRequest();
  const clock = wallClockAt(options.now, options.timeZone);
  const reading = readUtterance(utterance, clock, previous.car !== null);
  const patch = buildPatch(reading, previous);
  const { request, changed } = mergePatch(previous, patch);
  const intent = decideIntent(previous, request, patch, changed);
  // The request has no trip type: a round trip, once asked for, is remembered as a return date still to ask.
  const returnNeeded = !reading.flight.oneWay && (reading.flight.roundTrip || previous.missing.includes('returnDate'));
  const missing = missingSlots({ ...request, intent }, returnNeeded);
  return { ...request, intent, missing, question: questionFor(missing) };
}

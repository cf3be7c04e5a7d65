import type { Cabin } from '@tripwise/contracts';
import { inQuestionAboutOffer, matchAll, spanOf, type Span } from './text.rules.ts';

export interface FlightDetails {
  cabin: Cabin | null;
  maxStops: number | null;
  /** "round trip", "return flight": the traveller will need a return date. */
  roundTrip: boolean;
  /** "one way": no return date will come. */
  oneWay: boolean;
  spans: Span[];
}

// Order matters: "premium economy" must be read before "economy".
const CABINS: readonly (readonly [Cabin, RegExp])[] = [
  ['premium_economy', /\b(?:premium[- ]economy|economy plus|economy\+|comfort\+|premium (?:cabin|seats?|class))\b/gi],
  [
    'business',
    /\b(?:business[- ]class|business cabin|(?:fly|flying|in|seats? in|tickets? in)\s+business|business (?:seats?|tickets?|fares?)|lie[- ]flat|polaris)\b/gi,
  ],
  ['first', /\b(?:first[- ]class|first cabin|(?:fly|flying|in)\s+first(?!\s+(?:time|week|day|of|thing|flight)))\b/gi],
  ['economy', /\b(?:economy(?:[- ]class)?|coach|main cabin|basic economy)\b(?!\s+(?:car|rental|vehicle|cars))/gi],
];

const NONSTOP =
  /\b(?:non[- ]?stop|direct(?: flights?| only| route)?|no (?:stops|layovers?|connections?|stopovers?)|without (?:stops|a stop|layovers?|a layover|connections?))\b/gi;
const ONE_STOP =
  /\b(?:(?:at most|max(?:imum)?(?: of)?|up to|no more than|not more than|only)\s+(?:one|1|a single)\s+(?:stop|layover|connection|stopover)s?|(?:one|1)\s+(?:stop|layover|connection)s?\s+(?:max(?:imum)?|at most|or less|or fewer|tops))\b/gi;
const TWO_STOPS =
  /\b(?:(?:at most|max(?:imum)?(?: of)?|up to|no more than)\s+(?:two|2)\s+(?:stops|layovers|connections)|(?:two|2)\s+(?:stops|layovers|connections)\s+(?:max(?:imum)?|at most|or less|or fewer|tops))\b/gi;

/** Flight wishes: the cabin ("premium economy", "business class"), stops ("nonstop", "at most one stop"). */
export function readFlightDetails(text: string): FlightDetails {
  const spans: Span[] = [];
  let cabin: Cabin | null = null;
  for (const [name, pattern] of CABINS) {
    const match = matchAll(text, pattern).find(
      (found) =>
        !spans.some((s) => found.index < s.end && s.start < found.index + found[0].length) &&
        !inQuestionAboutOffer(text, spanOf(found)),
    );
    if (match && cabin === null) {
      cabin = name;
      spans.push(spanOf(match));
    }
  }
  let maxStops: number | null = null;
  for (const [stops, pattern] of [
    [1, ONE_STOP],
    [2, TWO_STOPS],
    [0, NONSTOP],
  ] as const) {
    const match = matchAll(text, pattern)[0];
    if (match && maxStops === null) {
      maxStops = stops;
      spans.push(spanOf(match));
    }
  }
  return {
    cabin,
    maxStops,
    roundTrip:
      /\b(?:round[- ]?trip|return (?:flight|ticket)|there and back|coming back|fly(?:ing)? back|flight back|returning(?! (?:it|the car|the vehicle|the rental|them)\b))\b/i.test(
        text,
      ),
    oneWay: /\bone[- ]way\b/i.test(text),
    spans,
  };
}

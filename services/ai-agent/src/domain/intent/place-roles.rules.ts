import type { PlaceMention } from './places.rules.ts';
import { textAfter, textBefore } from './text.rules.ts';

export type PlaceCue = 'origin' | 'destination' | 'in' | null;

const FILLER = '(?:\\s+(?:the|a|beautiful|sunny|lovely|downtown|city|town|of|city of|town of|great|wonderful))*';
const ORIGIN = new RegExp(
  `(?:\\bfrom|\\bout of|\\bleav(?:e|es|ing)(?: from)?|\\bdepart(?:s|ing|ure)?(?: from| at| out of| is)?|\\bfly(?:ing)? out(?: of)?|` +
    `\\bstart(?:ing)?(?: (?:my|the|our) (?:journey|trip))?(?: from| in| at)|\\bbased (?:in|at|out of)|\\bliv(?:e|ing) in|` +
    `\\bi'?m in|\\bi am in|\\bwe'?re in|\\bcoming from|\\borigin(?: city)?(?: is| will be)?|\\bexit)${FILLER}\\s*$`,
);
const DESTINATION = new RegExp(
  `(?:\\bto|\\binto|\\btowards?|\\bvisit(?:ing)?|\\bdestination(?: city)?(?: is| being| will be| of)?|\\barriv(?:e|es|ing)(?: in| at| into)?|` +
    `\\bhead(?:s|ed|ing)?(?: to| for| down to| over to| out to| up to)?|\\bfor|\\breach(?:ing)?|\\bland(?:s|ing)? (?:in|at)|` +
    `\\bend up in|\\bget to|\\bbound for|\\btrip to|\\bgoing(?: down| over| up| out)? to|\\bflying in to)${FILLER}\\s*$`,
);
const IN = new RegExp(`(?:\\bin|\\bat|\\bnear|\\baround|\\bon)${FILLER}\\s*$`);

/** The cue just before a place: "from Paris" (origin), "to Rome" (destination), "in Lyon" (a stay or a start). */
export function placeCue(text: string, mention: PlaceMention, floor: number): PlaceCue {
  if (mention.referred) return mention.referred;
  const before = textBefore(text, mention.start, floor);
  if (ORIGIN.test(before)) {
    return 'origin';
  }
  if (DESTINATION.test(before)) {
    return 'destination';
  }
  return IN.test(before) ? 'in' : null;
}

/** "New York to Las Vegas", "Boston - Denver": two places joined by "to" are an origin and a destination. */
export function joinedByTo(text: string, first: PlaceMention, second: PlaceMention): boolean {
  return /^\s*(?:,\s*)?(?:to|-|->|→|and on to)\s*$/i.test(text.slice(first.end, second.start));
}

export interface FlightPlaces {
  origin: PlaceMention | null;
  destination: PlaceMention | null;
}

/**
 * Gives each place of a flight request its role. Cues decide first ("from", "to", "leaving London for Atlanta");
 * "in" means the origin when another place is the destination ("flights in Boston to Denver"), else the
 * destination ("I'll be in Rome"). Places with no cue answer the question asked last (`openRoles`, in order).
 */
export function assignFlightPlaces(
  text: string,
  mentions: readonly PlaceMention[],
  openRoles: readonly ('origin' | 'destination')[],
  loneIsOrigin = false,
): FlightPlaces {
  const cues = mentions.map((mention, index) => placeCue(text, mention, mentions[index - 1]?.end ?? 0));
  mentions.forEach((mention, index) => {
    const next = mentions[index + 1];
    if (next && joinedByTo(text, mention, next) && cues[index] !== 'destination') {
      cues[index] = 'origin';
      cues[index + 1] = 'destination';
    }
  });
  const result: FlightPlaces = { origin: null, destination: null };
  const take = (role: 'origin' | 'destination', mention: PlaceMention): void => {
    result[role] = mention;
  };
  mentions.forEach((mention, index) => {
    const cue = cues[index];
    if (cue === 'origin' || cue === 'destination') {
      take(cue, mention);
    }
  });
  mentions.forEach((mention, index) => {
    if (cues[index] === 'in') {
      // "in Boston" is where the traveller is or where they will be: whichever end is still open.
      const onlyOriginOpen =
        result.destination !== null || (openRoles.includes('origin') && !openRoles.includes('destination'));
      take(onlyOriginOpen ? 'origin' : 'destination', mention);
    }
  });
  // With no question open, one bare place is where the traveller wants to go ("Chicago."), as it most often is,
  // except in a request for flights alone ("june 3rd denver two tickets"), which starts where they are;
  // two bare places are read in the order people say a route: "san francisco on the 2nd atlanta".
  const bare = mentions.filter((_, index) => cues[index] === null).length;
  const none = result.origin === null && result.destination === null;
  // Two bare places are a route whatever was asked: "where to?" "boston june 3rd denver".
  const fresh = none && (bare > 1 || (bare === 1 && loneIsOrigin && openRoles.length === 0));
  const open = fresh ? (['origin', 'destination'] as const) : [...openRoles, 'destination' as const];
  mentions.forEach((mention, index) => {
    const role = open.find((candidate) => result[candidate] === null);
    if (cues[index] === null && role !== undefined) {
      take(role, mention);
    }
  });
  return result;
}

/**
 * Whether the places are the two ends of a journey: "Boston to Denver", "from Boston to Denver", "leaving London for
 * Atlanta". A route is a flight, whatever else the sentence asks for; "a hotel in Paris or London" is not one.
 */
export function namesARoute(text: string, mentions: readonly PlaceMention[]): boolean {
  const origins = new Set<string>();
  const destinations = new Set<string>();
  mentions.forEach((mention, index) => {
    const cue = placeCue(text, mention, mentions[index - 1]?.end ?? 0);
    if (cue === 'origin') origins.add(mention.place.city);
    if (cue === 'destination') destinations.add(mention.place.city);
    const next = mentions[index + 1];
    if (next && joinedByTo(text, mention, next)) {
      origins.add(mention.place.city);
      destinations.add(next.place.city);
    }
  });
  return [...origins].some((origin) => [...destinations].some((destination) => destination !== origin));
}

/** The place a stay or a rental is in: the one said with "in"/"at"/"to", else the last one named. */
export function assignLocalPlace(text: string, mentions: readonly PlaceMention[]): PlaceMention | null {
  const named = mentions.filter((mention) => !mention.referred);
  if (named.length === 0) return mentions[0] ?? null;
  const cued = named.find((mention, index) => {
    const cue = placeCue(text, mention, named[index - 1]?.end ?? 0);
    return (
      cue === 'in' ||
      cue === 'destination' ||
      /\bpick(?:ing)?[- ]?(?:it |the car |the vehicle |them )?up\b/.test(textBefore(text, mention.start))
    );
  });
  return cued ?? named.find((mention) => !/^\s*(?:to)\b/.test(textAfter(text, mention.end))) ?? named.at(-1) ?? null;
}

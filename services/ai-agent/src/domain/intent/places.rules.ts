import type { Place } from '@tripwise/contracts';
import { BUSY_AIRPORTS, METRO_AREAS } from '@tripwise/travel-data';
import {
  CASED_ALIASES,
  COMMON_WORD_CITIES,
  LOWER_CASE_WORDS,
  NOT_AIRPORT_CODES,
  REGION_COUNTRIES,
  US_STATES,
} from './places.data.ts';
import { gazetteer, placeKey, type CityEntry } from './places.gazetteer.ts';
import type { Span } from './text.rules.ts';

export interface PlaceMention extends Span {
  place: Place;
  /** Set for a place the words point back to ("there", "that area"): where it stands in a journey. */
  referred?: 'origin' | 'destination';
}

interface Token extends Span {
  text: string;
}

const STATES = new Set(US_STATES.split(' '));

function tokenize(text: string): Token[] {
  // Hyphens split tokens ("SFO-SEA"); names written with one ("Winston-Salem") are joined again below.
  return [...text.matchAll(/[\p{L}][\p{L}\p{M}'.]*/gu)].map((match) => {
    // A sentence's full stop is not part of "London." but is part of "D.C." and "L.A.".
    const raw = /^(?:[A-Za-z]\.)+$/.test(match[0]) ? match[0] : match[0].replace(/[.'-]+$/, '');
    return { text: raw, start: match.index, end: match.index + raw.length };
  });
}

const isCapitalised = (words: string): boolean => words.split(/[\s-]+/).every((word) => /^[\p{Lu}\d]/u.test(word));

interface Surroundings {
  allUpper: boolean;
  /** No capital letter anywhere: the traveller does not use case, so case proves nothing. */
  noCapitals: boolean;
  sentenceStart: boolean;
  /** Right after "in", "from", "to"...: a place is expected here. */
  afterPreposition: boolean;
  /** Right before "airport", "international": an airport's name. */
  beforeAirport: boolean;
  /** Joined to another name by "to" or a dash ("lax to ord", "bos-sfo"): a route of codes. */
  inRoute: boolean;
}

function lookUp(
  raw: string,
  { allUpper, noCapitals, sentenceStart, afterPreposition, beforeAirport, inRoute }: Surroundings,
): CityEntry | null {
  const { cities, codes } = gazetteer();
  const cased = CASED_ALIASES[raw];
  if (cased !== undefined) {
    return cities.get(placeKey(cased)) ?? null;
  }
  const key = placeKey(raw);
  const entry = cities.get(key);
  if (entry?.airportName) {
    // "from O'Hare", "Heathrow airport"; not "Mr Pearson".
    const named = /^\p{Lu}/u.test(raw) && raw !== raw.toUpperCase();
    return (afterPreposition || beforeAirport) && (named || noCapitals || beforeAirport) ? entry : null;
  }
  if (entry) {
    const everydayWord = COMMON_WORD_CITIES.has(key);
    const capitalised = isCapitalised(raw) && !allUpper;
    // "nice hotel" and "Nice, thanks" are not about Nice; "fly to Nice" is.
    const lowerCaseWelcome = entry.major || afterPreposition || noCapitals;
    if ((!everydayWord && (capitalised || lowerCaseWelcome)) || (everydayWord && capitalised && !sentenceStart)) {
      return entry;
    }
  }
  // In a shouted sentence every word is capitalised; a code then needs a "from"/"to" before it.
  const codesTrusted = !allUpper || afterPreposition;
  // Typed in lower case ("lax to ord"), a busy airport's code counts where a place is expected, unless it is a word.
  const lowerCode =
    /^[a-z]{3}$/.test(raw) &&
    (afterPreposition || inRoute || beforeAirport) &&
    !NOT_AIRPORT_CODES.has(raw.toUpperCase()) &&
    !LOWER_CASE_WORDS.has(raw) &&
    KNOWN_CODES.has(raw.toUpperCase());
  if (((/^[A-Z]{3}$/.test(raw) && codesTrusted) || lowerCode) && !NOT_AIRPORT_CODES.has(raw.toUpperCase())) {
    const airport = codes.get(raw.toUpperCase());
    if (airport) {
      return { city: airport.city, code: airport.code, country: airport.country, major: true, byCountry: new Map() };
    }
  }
  return null;
}

// Codes a traveller types in lower case: the busiest airports and the metro areas.
const KNOWN_CODES = new Set([...BUSY_AIRPORTS, ...METRO_AREAS.map((metro) => metro.code)]);

/** "Phoenix, AZ", "Vancouver, BC", "Paris, France": the region after a city, and the country it points to. */
function readRegion(
  text: string,
  tokens: readonly Token[],
  next: number,
): { end: number; country: string | null } | null {
  for (let length = 3; length >= 1; length -= 1) {
    const first = tokens[next];
    const last = tokens[next + length - 1];
    if (!first || !last) {
      continue;
    }
    const gap = text.slice(tokens[next - 1]?.end ?? 0, first.start);
    const words = text.slice(first.start, last.end);
    const key = placeKey(words);
    const afterComma = /^\s*,\s*$/.test(gap);
    const trusted =
      afterComma || (/^\s+$/.test(gap) && (words === words.toUpperCase() || (length > 1 && isCapitalised(words))));
    if (!trusted || /[,.;!?]/.test(text.slice(first.start, last.end).replace(/\.$/, ''))) {
      continue;
    }
    if (STATES.has(key) && (key.length > 2 || afterComma || words === words.toUpperCase())) {
      return { end: last.end, country: 'United States' };
    }
    const country = REGION_COUNTRIES[key] ?? gazetteer().countries.get(key) ?? null;
    if (country !== null && (key.length > 2 || words === words.toUpperCase())) {
      return { end: last.end, country };
    }
  }
  return null;
}

/**
 * Finds cities, airports and metro areas in the text, longest name first: "New York City", "JFK", "NYC", "LA",
 * "Philly", "San Francisco, CA". A following region picks the right one of several cities of that name.
 */
export function findPlaces(text: string): PlaceMention[] {
  const tokens = tokenize(text);
  const allUpper = text === text.toUpperCase() && /\p{Lu}{4,}/u.test(text);
  const noCapitals = !/\p{Lu}/u.test(text);
  const mentions: PlaceMention[] = [];
  for (let index = 0; index < tokens.length;) {
    const found = matchAt(text, tokens, index, { allUpper, noCapitals });
    if (found === null) {
      index += 1;
      continue;
    }
    mentions.push(found.mention);
    index = found.next;
  }
  return mentions;
}

function matchAt(
  text: string,
  tokens: readonly Token[],
  index: number,
  casing: Pick<Surroundings, 'allUpper' | 'noCapitals'>,
): { mention: PlaceMention; next: number } | null {
  for (let length = Math.min(gazetteer().longestName, tokens.length - index); length >= 1; length -= 1) {
    const first = tokens[index];
    const last = tokens[index + length - 1];
    if (
      !first ||
      !last ||
      !tokens
        .slice(index + 1, index + length)
        .every((t, i) => /^\.?[\s-]$/.test(text.slice(tokens[index + i]?.end ?? 0, t.start)))
    ) {
      continue;
    }
    const before = text.slice(0, first.start);
    const after = text.slice(last.end);
    const entry = lookUp(text.slice(first.start, last.end), {
      ...casing,
      sentenceStart: /(?:^|[.!?])$/.test(before.trimEnd()),
      afterPreposition:
        /\b(?:in|from|to|at|into|near|visit|visiting|around|of|out of|via|through|leaving|leave|departing|depart|land(?:ing)? (?:at|in))\s+$/i.test(
          before,
        ),
      beforeAirport: /^\s*(?:airport|international|intl|int'l)\b/i.test(after),
      inRoute: /^\s*(?:to|-|->|→|and)\s*[a-z]{3}\b/i.test(after) || /\b[a-z]{3}\s*(?:to|-|->|→)\s*$/i.test(before),
    });
    if (entry === null) {
      continue;
    }
    const region = readRegion(text, tokens, index + length);
    const elsewhere =
      region?.country && region.country !== entry.country ? entry.byCountry.get(region.country) : undefined;
    const code = elsewhere ?? entry.code;
    const end = region?.end ?? last.end;
    const next = tokens.findIndex((token) => token.start >= end);
    return {
      mention: { start: first.start, end, place: { code, city: entry.city } },
      next: next < 0 ? tokens.length : next,
    };
  }
  return null;
}

/** A city by name as a place with its code, as the gazetteer knows it (no code when it does not). */
export function placeOf(city: string): Place {
  const entry = gazetteer().cities.get(placeKey(city));
  return { code: entry?.code ?? null, city: entry?.city ?? city };
}

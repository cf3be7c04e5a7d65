import { COUNT_PATTERN, countOf, parseCount } from './numbers.rules.ts';
import { inQuestionAboutOffer, matchAll, spanOf, type Span } from './text.rules.ts';

export interface PartyReading {
  /** How many travel: "for 2", "me and my wife", "family of four", "3 people". */
  people: number | null;
  /** Seats or tickets asked for, which only a flight has. */
  seats: number | null;
  /** Guests named as such, which only a hotel has. */
  guests: number | null;
  spans: Span[];
}

const N = `(?<n>${COUNT_PATTERN})`;
const COMPANION =
  '(?:wife|husband|partner|girlfriend|boyfriend|fianc[eé]e?|friend|colleague|coworker|boss|mom|mother|dad|father|son|daughter|kid|child|brother|sister|spouse|plus[- ]one)';

const SEATS = new RegExp(countOf('seats?|tickets?|passengers?|fares?', 3), 'gi');
const GUESTS = new RegExp(`\\b${N}\\s+guests?\\b`, 'gi');
const PEOPLE: readonly RegExp[] = [
  new RegExp(`\\b${N}\\s+(?:of\\s+us|people|persons|adults|travell?ers|pax|grown[- ]ups)\\b`, 'gi'),
  new RegExp(`\\b(?:family|party|group|team)\\s+of\\s+${N}\\b`, 'gi'),
  new RegExp(
    `\\b(?:for|make it|make that|change (?:it|that) to|we are|we're|there are|there will be|there'll be)\\s+${N}\\b(?![- ]?way\\b|\\s*(?:st|nd|rd|th|nights?|days?|weeks?|months?|years?|hours?|minutes?|rooms?|stars?|am|pm|o'clock|:|bags?|dollars|bucks|euros|pounds|\\$|%|[./]\\d|way|more|another|last|moment|second|of\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|this|next|the|them|those|these)))`,
    'gi',
  ),
];
const ME_AND = new RegExp(
  `\\b(?:me|myself|i)\\s+and\\s+(?:my\\s+)?(?:(?<n>${COUNT_PATTERN})\\s+)?(?<who>${COMPANION}s?|kids|children)\\b|\\bmy\\s+${COMPANION}\\s+and\\s+(?:i|me|myself)\\b`,
  'gi',
);
const ALONE =
  /\b(?:just me|only me|by myself|on my own|travell?ing alone|travell?ing solo|solo trip|i'?m alone|for myself|for one person)\b/gi;
const COUPLE = /\b(?:(?:the )?two of us|(?:a|my) couple|my (?:wife|husband|partner) and i|us two|both of us)\b/gi;

/** Reads how many people travel, and whether they were counted as seats (a flight) or guests (a hotel). */
export function readParty(text: string): PartyReading {
  const spans: Span[] = [];
  const first = (pattern: RegExp): number | null => {
    for (const match of matchAll(text, pattern)) {
      const count = parseCount(match.groups?.n ?? '');
      if (count !== null && count <= 50 && !inQuestionAboutOffer(text, spanOf(match))) {
        spans.push(spanOf(match));
        return count;
      }
    }
    return null;
  };
  const seats = first(SEATS);
  const guests = first(GUESTS);
  let people: number | null = null;
  for (const pattern of PEOPLE) {
    people ??= first(pattern);
  }
  people ??= companions(text, spans);
  return { people, seats, guests, spans };
}

function companions(text: string, spans: Span[]): number | null {
  for (const match of matchAll(text, ME_AND).filter((found) => !inQuestionAboutOffer(text, spanOf(found)))) {
    spans.push(spanOf(match));
    const counted = parseCount(match.groups?.n ?? '');
    const plural = /s$/.test(match.groups?.who ?? '') || /kids|children/.test(match.groups?.who ?? '');
    return 1 + (counted ?? (plural ? 2 : 1));
  }
  for (const match of matchAll(text, COUPLE)) {
    spans.push(spanOf(match));
    return 2;
  }
  for (const match of matchAll(text, ALONE)) {
    spans.push(spanOf(match));
    return 1;
  }
  return null;
}

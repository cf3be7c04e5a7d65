import type { Party } from '@tripwise/contracts';
import { COUNT_PATTERN, countOf, parseCount } from './numbers.rules.ts';
import { inQuestionAboutOffer, matchAll, spanOf, type Span } from './text.rules.ts';

export interface PartyReading {
  /** How many travel, children and infants included: "for 2", "me and my wife", "two adults and a kid". */
  people: number | null;
  /** Seats or tickets asked for, which only a flight has. */
  seats: number | null;
  /** Guests named as such, which only a hotel has. */
  guests: number | null;
  /** How the party splits, when children or infants were named. */
  split: Party | null;
  spans: Span[];
}

const N = `(?<n>${COUNT_PATTERN})`;
// People who travel along: each counts one adult ("me and my wife" are two).
const COMPANION =
  '(?:wife|husband|partner|girlfriend|boyfriend|fianc[eé]e?|friend|colleague|coworker|co-worker|boss|mom|mum|mother|dad|father|brother|sister|spouse|plus[- ]one|grandma|grandpa|grandmother|grandfather|aunt|uncle|cousin|niece|nephew|roommate|buddy)';
// Parents are two.
const PARENTS = /\b(?:my|our)\s+parents\b/gi;

const SEATS = new RegExp(countOf('seats?|tickets?|passengers?|fares?', 3), 'gi');
const GUESTS = new RegExp(`\\b${N}\\s+guests?\\b`, 'gi');
// A whole party said at once: "3 people", "family of four", "for 4", "we are 5".
const TOTALS: readonly RegExp[] = [
  new RegExp(`\\b${N}\\s+(?:of\\s+us|people|persons|travell?ers|pax|in (?:my|our) (?:party|group|family))\\b`, 'gi'),
  new RegExp(`\\b(?:family|party|group|team)\\s+of\\s+${N}\\b`, 'gi'),
  // "I need 3." at the end of a sentence about tickets or rooms: that many travel.
  new RegExp(`\\b(?:i|we)\\s+(?:need|want|would like|'d like)\\s+${N}(?=\\s*(?:[.!?,]|$|please|thanks))`, 'gi'),
  new RegExp(
    `\\b(?:for|make it|make that|change (?:it|that) to|we are|we're|there are|there will be|there'll be)\\s+${N}\\b(?![- ]?way\\b|\\s+(?:whole|full|more|extra|straight|consecutive|entire)\\b|\\s*(?:st|nd|rd|th|nights?|days?|weeks?|months?|years?|hours?|minutes?|rooms?|stars?|am|pm|o'clock|:|bags?|dollars|bucks|euros|pounds|\\$|%|[./]\\d|way|more|another|last|moment|second|adults?|grown|kids?|child|children|infants?|bab(?:y|ies)|toddlers?|teens?|of\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|this|next|the|them|those|these)))`,
    'gi',
  ),
];
const ADULTS = new RegExp(`\\b${N}\\s+(?:adults?|grown[- ]?ups|grownups)\\b`, 'gi');
// "a kid", "two children", "our 3 kids", "my son", "a 6 year old": children; "a baby", "an infant", "a lap child": infants.
const CHILD_WORD =
  '(?<child>kids?|children|child|sons?|daughters?|boys?|girls?|teens?|teenagers?|toddlers?|(?:\\d{1,2}|[a-z]+)[- ]years?[- ]olds?)';
const INFANT_WORD = '(?<infant>infants?|bab(?:y|ies)|newborns?|lap (?:infants?|child(?:ren)?|bab(?:y|ies)))';
const KIDS = new RegExp(
  `\\b(?:(?<n>${COUNT_PATTERN})\\s+|(?<one>a|an)\\s+|(?<own>my|our|the)\\s+(?:(?<n2>${COUNT_PATTERN})\\s+)?)?(?:(?:young|little|small)\\s+)?(?:${INFANT_WORD}|${CHILD_WORD})\\b`,
  'gi',
);
const ME_AND = new RegExp(
  `\\b(?:me|myself|i)\\s*,?\\s+(?:and|with|plus)\\s+(?:my\\s+)?(?:(?<n>${COUNT_PATTERN})\\s+)?(?<who>${COMPANION}s?)\\b|\\bmy\\s+${COMPANION}\\s+and\\s+(?:i|me|myself)\\b`,
  'gi',
);
const COMPANION_ANYWHERE = new RegExp(
  `\\b(?:my|our)\\s+(?:(?<n>${COUNT_PATTERN})\\s+)?(?<who>${COMPANION})(?<plural>s)?\\b`,
  'gi',
);
const ALONE =
  /\b(?:just me|only me|by myself|on my own|travell?ing alone|travell?ing solo|solo trip|i'?m alone|for myself|for one person)\b/gi;
const COUPLE = /\b(?:(?:the )?two of us|(?:a|my) couple|my (?:wife|husband|partner) and i|us two|both of us)\b/gi;
const FIRST_PERSON = /\b(?:i|i'm|i'll|i'd|me|my|we|we're|us|our|myself)\b/i;

/**
 * Reads how many people travel, and whether they were counted as seats (a flight) or guests (a hotel). Children and
 * infants count as travellers: "two adults and a kid" is three, "me and my wife with our baby" is three.
 */
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
  const adults = first(ADULTS);
  const { children, infants } = kids(text, spans);
  let total: number | null = null;
  for (const pattern of TOTALS) total ??= first(pattern);
  const together = total ?? companions(text, spans);
  if (children + infants === 0) {
    return { people: together ?? adults, seats, guests, split: null, spans };
  }
  // With children named, the adults are those counted, else everyone else of a total, else the speaker and companions.
  const grownUps =
    adults ??
    (together !== null && together > children + infants
      ? together - children - infants
      : (companionCount(text) ?? 0) + (FIRST_PERSON.test(text) || companionCount(text) === null ? 1 : 0));
  const people = total ?? Math.max(grownUps, 1) + children + infants;
  return { people, seats, guests, split: { adults: grownUps > 0 ? grownUps : null, children, infants }, spans };
}

function kids(text: string, spans: Span[]): { children: number; infants: number } {
  let children = 0;
  let infants = 0;
  for (const match of matchAll(text, KIDS).filter((found) => !inQuestionAboutOffer(text, spanOf(found)))) {
    const { n, n2, one, own, child, infant } = match.groups ?? {};
    const word = (child ?? infant ?? '').toLowerCase();
    const plural = /(?:s|children|babies)$/.test(word) && !/^(?:boss|class)$/.test(word);
    // "my son" is one; "my kids" with no number are two, the commonest count.
    const count = parseCount(n ?? n2 ?? '') ?? (one ? 1 : own && plural ? 2 : plural ? 2 : 1);
    if (/years?[- ]olds?$/.test(word) && !n && !one && !own) continue;
    spans.push(spanOf(match));
    if (infant) infants += count;
    else children += count;
  }
  return { children, infants };
}

/** Adults travelling along with the speaker ("my wife", "my two colleagues", "my parents"). */
function companionCount(text: string): number | null {
  let count = 0;
  for (const match of matchAll(text, COMPANION_ANYWHERE)) {
    count += parseCount(match.groups?.n ?? '') ?? (match.groups?.plural ? 2 : 1);
  }
  count += matchAll(text, PARENTS).length * 2;
  return count > 0 ? count : null;
}

function companions(text: string, spans: Span[]): number | null {
  for (const match of matchAll(text, ME_AND).filter((found) => !inQuestionAboutOffer(text, spanOf(found)))) {
    spans.push(spanOf(match));
    const counted = parseCount(match.groups?.n ?? '');
    const plural = /s$/.test(match.groups?.who ?? '') && !/boss$/.test(match.groups?.who ?? '');
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

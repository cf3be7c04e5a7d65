import type { Money } from '@tripwise/contracts';
import { parseNumber, WORD_AMOUNT_PATTERN } from './numbers.rules.ts';
import { matchAll, spanOf, textAfter, textBefore, type Span } from './text.rules.ts';

export type MoneyPer = 'total' | 'person' | 'night' | 'day';

export interface MoneyMention extends Span {
  money: Money;
  per: MoneyPer;
  /** "under $400" is a ceiling; "over $100" a floor; a bare "$400" is neither. */
  bound: 'max' | 'min' | null;
}

const SYMBOLS: Record<string, string> = {
  $: 'USD',
  us$: 'USD',
  c$: 'CAD',
  ca$: 'CAD',
  a$: 'AUD',
  au$: 'AUD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
};

const WORDS: readonly (readonly [RegExp, string])[] = [
  [/^(?:canadian dollars?|cad)$/, 'CAD'],
  [/^(?:australian dollars?|aud)$/, 'AUD'],
  [/^(?:us dollars?|dollars?|bucks|usd)$/, 'USD'],
  [/^(?:euros?|eur)$/, 'EUR'],
  [/^(?:pounds?|quid|gbp)$/, 'GBP'],
  [/^(?:yen|jpy)$/, 'JPY'],
  [/^(?:swiss francs?|francs?|chf)$/, 'CHF'],
  [/^(?:rupees?|inr)$/, 'INR'],
  [/^(?:pesos?|mxn)$/, 'MXN'],
];

/** ISO 4217 minor-unit exponents that are not 2. */
const ZERO_DECIMAL = new Set(['JPY', 'KRW']);

const NUMBER = '(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?:\\s?(?<mult>k|thousand|grand)\\b)?';
const CURRENCY_WORD =
  '(?<word>us dollars?|canadian dollars?|australian dollars?|dollars?|bucks|usd|euros?|eur|gbp|pounds?|quid|yen|jpy|cad|aud|swiss francs?|francs?|chf|rupees?|inr|pesos?|mxn)';
const NOT_MONEY_UNIT =
  '(?!\\s*(?:stars?|nights?|days?|people|persons|guests|adults|rooms?|seats?|tickets?|passengers|stops?|bags?|miles?|km|am|pm|[:%/.,]\\d|st|nd|rd|th)\\b)';

const PATTERNS: readonly RegExp[] = [
  new RegExp(`(?<sym>US\\$|CA?\\$|AU?\\$|\\$|€|£|¥|₹)\\s?${NUMBER}`, 'gi'),
  new RegExp(`\\b${NUMBER}\\s?${CURRENCY_WORD}\\b`, 'gi'),
  new RegExp(`\\b(?<words>${WORD_AMOUNT_PATTERN})\\s+${CURRENCY_WORD}\\b`, 'gi'),
  // A bare number after a price word ("budget of 400", "under 300 a night") is in Tripwise's default currency.
  new RegExp(
    `\\b(?:under|below|less than|no more than|max(?:imum)?|at most|up to|budget(?: of| is)?(?: around| about)?)\\s+${NUMBER}\\b${NOT_MONEY_UNIT}`,
    'gi',
  ),
];

const CEILING =
  /(?:under|below|less than|cheaper than|lower than|no more than|not more than|max(?:imum)?(?: of)?|at most|up to|within|budget(?: of| is)?|drops?(?: below| under| to)?|falls?(?: below| under| to)?|goes(?: below| under| down to)|gets(?: below| under)|beneath|tops|no more)(?:\s+(?:around|about|roughly))?\s*$/;
const FLOOR = /(?:over|above|more than|at least|minimum(?: of)?)\s*$/;

/**
 * Finds amounts of money: "$400", "400 bucks", "$1.2k", "two hundred dollars", "€350", "budget of 900", and reads
 * what they are per ("per person", "a night", "a day"; otherwise the total) and whether they are a ceiling
 * ("under", "no more than", "drops below"). Amounts are returned in minor units, the house rule for money.
 */
export function findMoney(text: string): MoneyMention[] {
  const found: MoneyMention[] = [];
  for (const pattern of PATTERNS) {
    for (const match of matchAll(text, pattern)) {
      const span = spanOf(match);
      const money = readMoney(match.groups ?? {});
      if (money === null || found.some((other) => span.start < other.end && other.start < span.end)) {
        continue;
      }
      const before = textBefore(text, span.start, 0, 30).replace(/\s+$/, '');
      const bound =
        /^(?:under|below|less|no more|max|at most|up to|budget)/i.test(match[0]) || CEILING.test(before)
          ? 'max'
          : FLOOR.test(before)
            ? 'min'
            : null;
      found.push({ ...span, money, per: readPer(textAfter(text, span.end), before), bound });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function readMoney(groups: Record<string, string | undefined>): Money | null {
  const currency = groups.sym
    ? (SYMBOLS[groups.sym.toLowerCase()] ?? 'USD')
    : groups.word
      ? (WORDS.find(([pattern]) => pattern.test(groups.word?.toLowerCase() ?? ''))?.[1] ?? 'USD')
      : 'USD';
  const base = parseNumber(groups.num ?? groups.words ?? '');
  if (base === null) {
    return null;
  }
  const value = groups.mult ? base * 1000 : base;
  const amount = Math.round(value * 10 ** (ZERO_DECIMAL.has(currency) ? 0 : 2));
  return amount > 0 ? { amount, currency } : null;
}

const PER_PERSON =
  /^\s*(?:(?:per|a|each|\/)\s*(?:person|head|passenger|traveler|traveller|ticket|seat|adult)\b|each\b|pp\b)/;
const PER_NIGHT = /^\s*(?:(?:per|a|each|\/|for (?:one|a|1))\s*(?:night|nt)\b|nightly\b)/;
const PER_DAY = /^\s*(?:(?:per|a|each|\/)\s*day\b|daily\b)/;

function readPer(after: string, before: string): MoneyPer {
  if (PER_PERSON.test(after)) {
    return 'person';
  }
  if (PER_NIGHT.test(after) || /\b(?:nightly|per night)\b/.test(before)) {
    return 'night';
  }
  if (PER_DAY.test(after) || /\b(?:daily|per day)\b/.test(before)) {
    return 'day';
  }
  return 'total';
}

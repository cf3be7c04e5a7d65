import { AIRLINES } from './airlines.data.ts';
import { matchAll, spanOf, type Span } from './text.rules.ts';

export interface AirlineMention extends Span {
  /** IATA airline code, e.g. `DL`. */
  code: string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Longest names first, so that "Air Canada" wins over a shorter name inside it.
const FULL_NAMES = AIRLINES.flatMap(({ code, names }) => names.map((name) => ({ code, name }))).sort(
  (a, b) => b.name.length - a.name.length,
);
const SHORT_NAMES = AIRLINES.flatMap(({ code, short }) => (short ?? []).map((name) => ({ code, name })));
// "United States", "American Express", "Delta Hotels": the short name is part of something else.
const NOT_THE_AIRLINE =
  /^\s*(?:states|kingdom|arab|express|hotels?|inn|suites|center|centre|time|cuisine|food|style)\b/i;
const PLACE_BEFORE = /\b(?:to|in|from|into|visit|visiting|of|across|around)\s+$/i;
const FLYING_WITH =
  /\b(?:fly|flying|flight|flights|with|on|via|prefer|airline|airlines|carrier|book)\s+(?:a\s+|an\s+)?$/i;

/** Finds the airline the traveller wants: "Delta Air Lines", "with United", "JetBlue", "fly American". */
export function findAirlines(text: string): AirlineMention[] {
  const found: AirlineMention[] = [];
  const overlaps = (span: Span): boolean => found.some((other) => span.start < other.end && other.start < span.end);
  for (const { code, name } of FULL_NAMES) {
    const casing = name.length <= 3 ? 'g' : 'gi';
    const pattern = new RegExp(`\\b${escape(name.length <= 3 ? name.toUpperCase() : name)}\\b`, casing);
    for (const match of matchAll(text, pattern)) {
      const span = spanOf(match);
      if (!overlaps(span)) {
        found.push({ ...span, code });
      }
    }
  }
  for (const { code, name } of SHORT_NAMES) {
    for (const match of matchAll(text, new RegExp(`\\b${name}\\b`, 'gi'))) {
      const span = spanOf(match);
      const written = match[0];
      const capitalised = written[0] === name[0] && written !== written.toUpperCase();
      const before = text.slice(0, span.start);
      const aPlace = PLACE_BEFORE.test(before) || NOT_THE_AIRLINE.test(text.slice(span.end));
      if (!overlaps(span) && (capitalised || FLYING_WITH.test(before)) && !aPlace) {
        found.push({ ...span, code });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

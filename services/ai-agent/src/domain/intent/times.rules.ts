import type { DayPeriod } from '@tripwise/contracts';
import { parseNumber } from './numbers.rules.ts';
import { matchAll, spanOf, type Span } from './text.rules.ts';

export interface TimeMention extends Span {
  /** `HH:MM`, 24 hours. */
  time: string;
}

/** A part of the day said without a clock time: "in the evening", "a morning flight". */
export interface PeriodMention extends Span {
  period: DayPeriod;
}

// "December 5 in the evening" is a day and a part of it, not five in the evening.
const NOT_A_DAY = '(?<!\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s{1,3})(?<!\\/)';
const HOUR = `${NOT_A_DAY}(?<hour>\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const PERIOD_WORD = 'morning|afternoon|evening|night';
const PRE = `(?:(?<pre>${PERIOD_WORD})\\s+(?:at\\s+|around\\s+)?)`;
const AMPM = '(?<ampm>a\\.?m\\.?|p\\.?m\\.?)(?![a-z])';
const POST = `(?:\\s+(?:in the|at|this|in)\\s+(?<post>${PERIOD_WORD}))`;
const SUFFIX = `(?:\\s*${AMPM}|${POST})?`;
/** After a bare "at 5", what shows the number is not a time: "at 5 stars", "at 3 people", "at 2:30" (read elsewhere). */
const NOT_A_TIME =
  "(?!\\s*(?:st|nd|rd|th)\\b|\\s*[:%/.,-]\\d|\\s*\\$|\\s+(?:people|persons|guests|adults|kids|children|rooms?|nights?|days?|weeks?|months?|stars?|seats?|tickets?|passengers|bags?|dollars|bucks|euros|pounds|of|hours?|minutes?|percent|miles?|km|star|am|pm|o'clock|in the)\\b)";

// Tried in order; an earlier pattern wins the text it covers. Each reads "the hour, maybe minutes, maybe a period".
const PATTERNS: readonly RegExp[] = [
  new RegExp(
    `${PRE}?\\b(?<phrase>half past|half after|quarter past|quarter after|quarter to|quarter of|quarter till)\\s+${HOUR}\\b${SUFFIX}`,
    'gi',
  ),
  new RegExp(`${PRE}?\\b(?<hour24>\\d{1,2}):(?<minute>[0-5]\\d)(?!\\d)(?:\\s*hrs)?${SUFFIX}`, 'gi'),
  new RegExp(`${PRE}?\\b${HOUR}\\s*(?:o'clock\\s*)?${AMPM}`, 'gi'),
  new RegExp(`${PRE}?\\b${HOUR}\\s*o'clock${POST}?`, 'gi'),
  new RegExp(`\\b${HOUR}${POST}`, 'gi'),
  new RegExp(`\\b(?<pre>${PERIOD_WORD})\\s+(?:at\\s+|around\\s+|about\\s+)?${HOUR}\\b${NOT_A_TIME}`, 'gi'),
  /\b(?:12\s+|twelve\s+)?(?<named>noon|midday|midnight)\b/gi,
  new RegExp(`\\b(?:at|around|about|by)\\s+(?:around\\s+|about\\s+)?(?<hour>\\d{1,2})\\b${NOT_A_TIME}`, 'gi'),
];

/**
 * Finds times of day: "13:30", "1:30 in the afternoon", "afternoon 1:30", "half past 9 in the morning",
 * "quarter to 1 in the afternoon" (12:45), "three pm", "5 o'clock in the evening", "noon". A bare hour with no
 * period ("at 5") is read as a daytime hour: 1–6 as afternoon, because nobody collects a car at 5 in the morning
 * by default; 7–11 as morning.
 */
export function findTimes(text: string): TimeMention[] {
  const found: TimeMention[] = [];
  for (const pattern of PATTERNS) {
    for (const match of matchAll(text, pattern)) {
      const span = spanOf(match);
      if (found.some((other) => span.start < other.end && other.start < span.end)) {
        continue;
      }
      const time = readTime(match.groups ?? {});
      if (time !== null) {
        found.push({ ...span, time });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const PERIODS: readonly (readonly [DayPeriod, RegExp])[] = [
  ['morning', /\b(?:in the morning|morning|early|a\.?m\.?)\b/i],
  ['afternoon', /\b(?:in the afternoon|afternoon|midday|noon)\b/i],
  ['evening', /\b(?:in the evening|evening|tonight|after work)\b/i],
  ['night', /\b(?:at night|night|overnight|late night|red[- ]?eye)\b/i],
];
const PERIOD_PHRASE =
  /\b(?:in the (?:early |late )?(?:morning|afternoon|evening)|at night|(?:early |late )?(?:morning|afternoon|evening|night|overnight)(?= (?:flights?|departures?|arrivals?|ones?|pick ?up))|(?:early|late) (?:in the day|flights?))\b/gi;

/** Parts of the day said without a clock time ("on December 5 in the evening", "a morning flight"). Times come first. */
export function findPeriods(text: string): PeriodMention[] {
  const found: PeriodMention[] = [];
  for (const match of matchAll(text, PERIOD_PHRASE)) {
    const words = match[0].toLowerCase();
    const period = /early (?:in the day|flights?)/.test(words)
      ? 'morning'
      : /late (?:in the day|flights?)/.test(words)
        ? 'evening'
        : (PERIODS.find(([, pattern]) => pattern.test(words))?.[0] ?? null);
    if (period !== null) found.push({ ...spanOf(match), period });
  }
  return found;
}

/** The part of the day a clock time falls in: morning 05–12, afternoon 12–17, evening 17–21, night 21–05. */
export function periodOf(time: string): DayPeriod {
  const hour = Number(time.slice(0, 2));
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 17) return 'afternoon';
  if (hour >= 17 && hour < 21) return 'evening';
  return 'night';
}

function readTime(groups: Record<string, string | undefined>): string | null {
  if (groups.named !== undefined) {
    return groups.named.toLowerCase() === 'midnight' ? '00:00' : '12:00';
  }
  const hour = parseNumber(groups.hour24 ?? groups.hour ?? '');
  if (hour === null || hour > 23) {
    return null;
  }
  const period = (groups.ampm ?? groups.post ?? groups.pre ?? '').toLowerCase().replace(/\./g, '');
  const leadingZero = /^0\d/.test(groups.hour24 ?? '');
  let minutes = toTwentyFour(hour, period, leadingZero) * 60 + Number(groups.minute ?? 0);
  const phrase = (groups.phrase ?? '').toLowerCase();
  if (phrase.startsWith('half')) {
    minutes += 30;
  } else if (/past|after/.test(phrase)) {
    minutes += 15;
  } else if (phrase !== '') {
    minutes -= 15;
  }
  minutes = (minutes + 24 * 60) % (24 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function toTwentyFour(hour: number, period: string, leadingZero: boolean): number {
  if (hour > 12) {
    return hour;
  }
  switch (period) {
    case 'am':
    case 'morning':
      return hour === 12 ? 0 : hour;
    case 'pm':
    case 'afternoon':
    case 'evening':
      return hour === 12 ? 12 : hour + 12;
    case 'night':
      return hour === 12 ? 0 : hour >= 6 ? hour + 12 : hour;
    default:
      // "05:30" written with a leading zero is a 24-hour time, not a guess.
      return hour >= 1 && hour <= 6 && !leadingZero ? hour + 12 : hour;
  }
}

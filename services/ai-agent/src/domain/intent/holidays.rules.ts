import { addDays, daysInMonth, toIsoDate } from './calendar.rules.ts';
import type { DateMention } from './dates.rules.ts';
import { matchAll, spanOf } from './text.rules.ts';

/*
 * Holidays people travel on, each resolved to its next occurrence from today: "Christmas Eve", "Thanksgiving
 * weekend", "July 4th", "Memorial Day weekend". A holiday's weekend is the days around it people take off.
 */

export const weekdayOf = (isoDate: string): number => new Date(`${isoDate}T00:00:00Z`).getUTCDay();

/** The `n`th `weekday` (0 Sunday) of a month; `n` = -1 for the last one. */
export function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n < 0) {
    const last = toIsoDate(year, month, daysInMonth(year, month));
    return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
  }
  const first = toIsoDate(year, month, 1);
  return addDays(first, ((weekday - weekdayOf(first) + 7) % 7) + 7 * (n - 1));
}

// Easter Sunday (the anonymous Gregorian computus).
function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate(year, month, day);
}

interface Holiday {
  pattern: string;
  /** The holiday's day in a year. */
  day: (year: number) => string;
  /** "<holiday> weekend": its first and last day, from the holiday's day. */
  weekend?: (day: string) => { from: string; to: string };
}

// A Monday holiday's weekend is the Saturday to the Monday; Thanksgiving's the Thursday to the Sunday.
const mondayWeekend = (day: string) => ({ from: addDays(day, -2), to: day });

const HOLIDAYS: readonly Holiday[] = [
  { pattern: "new\\s?year'?s'?\\s+eve", day: (y) => toIsoDate(y, 12, 31) },
  { pattern: "new\\s?year'?s'?(?:\\s+day)?", day: (y) => toIsoDate(y, 1, 1) },
  { pattern: 'christmas\\s+eve|xmas\\s+eve', day: (y) => toIsoDate(y, 12, 24) },
  { pattern: 'boxing\\s+day', day: (y) => toIsoDate(y, 12, 26) },
  {
    pattern: '(?:christmas|xmas)(?:\\s+day)?',
    day: (y) => toIsoDate(y, 12, 25),
    weekend: (day) => ({ from: addDays(day, -1), to: addDays(day, 1) }),
  },
  { pattern: "valentine'?s'?(?:\\s+day)?", day: (y) => toIsoDate(y, 2, 14) },
  { pattern: "(?:st\\.?|saint)\\s+patrick'?s'?(?:\\s+day)?", day: (y) => toIsoDate(y, 3, 17) },
  {
    pattern:
      'independence\\s+day|(?:the\\s+)?fourth\\s+of\\s+july|(?:the\\s+)?4th\\s+of\\s+july|july\\s+(?:4th|fourth)',
    day: (y) => toIsoDate(y, 7, 4),
    weekend: (day) => {
      // The Friday-to-Sunday weekend nearest the 4th, stretched to hold the day itself.
      const offset = (5 - weekdayOf(day) + 7) % 7;
      const friday = offset <= 3 ? addDays(day, offset) : addDays(day, offset - 7);
      const from = friday < day ? friday : day;
      const sunday = addDays(friday, 2);
      return { from, to: sunday > day ? sunday : day };
    },
  },
  { pattern: 'halloween', day: (y) => toIsoDate(y, 10, 31) },
  { pattern: 'cinco\\s+de\\s+mayo', day: (y) => toIsoDate(y, 5, 5) },
  { pattern: 'juneteenth', day: (y) => toIsoDate(y, 6, 19) },
  { pattern: 'veterans\\s?\\s+day', day: (y) => toIsoDate(y, 11, 11) },
  {
    pattern: 'thanksgiving(?:\\s+day)?',
    day: (y) => nthWeekday(y, 11, 4, 4),
    weekend: (day) => ({ from: day, to: addDays(day, 3) }),
  },
  { pattern: 'black\\s+friday', day: (y) => addDays(nthWeekday(y, 11, 4, 4), 1) },
  {
    pattern: 'memorial\\s+day',
    day: (y) => nthWeekday(y, 5, 1, -1),
    weekend: mondayWeekend,
  },
  { pattern: 'labou?r\\s+day', day: (y) => nthWeekday(y, 9, 1, 1), weekend: mondayWeekend },
  {
    pattern: '(?:martin\\s+luther\\s+king(?:\\s+jr\\.?)?|mlk)(?:\\s+jr\\.?)?\\s+day',
    day: (y) => nthWeekday(y, 1, 1, 3),
    weekend: mondayWeekend,
  },
  { pattern: "presidents?'?\\s+day", day: (y) => nthWeekday(y, 2, 1, 3), weekend: mondayWeekend },
  {
    pattern: "columbus\\s+day|indigenous\\s+peoples?'?\\s+day",
    day: (y) => nthWeekday(y, 10, 1, 2),
    weekend: mondayWeekend,
  },
  { pattern: "mother'?s'?\\s+day", day: (y) => nthWeekday(y, 5, 0, 2) },
  { pattern: "father'?s'?\\s+day", day: (y) => nthWeekday(y, 6, 0, 3) },
  { pattern: 'good\\s+friday', day: (y) => addDays(easter(y), -2) },
  {
    pattern: 'easter(?:\\s+sunday)?',
    day: easter,
    weekend: (day) => ({ from: addDays(day, -2), to: addDays(day, 1) }),
  },
];

/** The holiday's next occurrence from today (this year's when it is still ahead or today). */
function nextOccurrence(holiday: Holiday, today: string): string {
  const year = Number(today.slice(0, 4));
  const thisYear = holiday.day(year);
  return thisYear >= today ? thisYear : holiday.day(year + 1);
}

export function findHolidays(text: string, today: string): DateMention[] {
  const found: DateMention[] = [];
  for (const holiday of HOLIDAYS) {
    const pattern = new RegExp(`\\b(?:${holiday.pattern})(?<weekend>\\s+(?:long\\s+)?weekend)?\\b`, 'gi');
    for (const match of matchAll(text, pattern)) {
      const day = nextOccurrence(holiday, today);
      const weekend = match.groups?.weekend && holiday.weekend ? holiday.weekend(day) : null;
      const from = weekend && weekend.from < today ? today : weekend?.from;
      found.push({
        ...spanOf(match),
        date: from ?? day,
        rangeEnd: weekend?.to ?? null,
        weekday: null,
      });
    }
  }
  return found;
}

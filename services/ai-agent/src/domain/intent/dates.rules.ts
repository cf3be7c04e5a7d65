import * as chrono from 'chrono-node';
import { daysInMonth, toIsoDate, todayOf, type WallClock } from './calendar.rules.ts';
import { findDatePhrases } from './date-phrases.rules.ts';
import { COUNT_PATTERN } from './numbers.rules.ts';
import { matchAll, spanOf, type Span } from './text.rules.ts';

export interface DateMention extends Span {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Set when the traveller gave a range in one breath ("March 3 to 10", "from the 9th until 12th of March"). */
  rangeEnd: string | null;
  /**
   * 0 (Sunday) to 6 when the phrase is a bare weekday ("Sunday", "on Sunday", "the following Sunday"). As the last
   * day of a trip it means the first such weekday after the first day, not after today: see `date-roles.rules.ts`.
   */
  weekday: number | null;
  /** A period rather than a day ("in March", "a weekend"): a day said explicitly takes its place. */
  vague?: boolean;
  /** The period a weekend, a month or a part of one stands for. */
  window?: { from: string; to: string };
  /** "tonight": today, for one night. */
  tonight?: boolean;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*';
// "for twelve days" is a length of stay, not "twelve days from now"; "in 3 days" keeps its "in" and stays a date.
const DURATION_ONLY = new RegExp(
  `^(?:(?:for|just|only|the|next|another|about|around|roughly|approximately)\\s+)*(?:a|an|a few|few|several|a couple of|couple of|${COUNT_PATTERN})\\s+(?:days?|nights?|weeks?|months?|years?)$`,
  'i',
);
// "Next week" alone names no day; guessing one would fill a slot the traveller has not decided.
const VAGUE = /^(?:(?:next|this|the following|coming)\s+)?(?:week|month|year)$/i;
// Chrono also reads words that are dates only sometimes: "may" the verb, "sun", "sat", "second".
const TOO_AMBIGUOUS =
  /^(?:may|sun|sat|wed|second|now|march|(?:a|one|just a)\s+(?:second|sec|minute|moment|day)|last\s+day)$/i;
const RELATIVE_DAY = /\b(?:today|tonight|tomorrow|yesterday|weekend|days?|weeks?|fortnight)\b/i;
// A weekday with nothing tying it to this week or the next: "Sunday", "on Sun", "the following Sunday".
const BARE_WEEKDAY =
  /^(?:on\s+)?(?:the\s+)?(?:following\s+)?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*[.,]?$/i;

/**
 * Finds calendar dates and resolves them against the traveller's "today": everything chrono-node knows ("next
 * Friday", "the 3rd of March", "this weekend", "3/5", "in 3 days"), plus the bare ordinals people answer with
 * ("the 12th", "12th of this month"), which chrono leaves alone. Dates are read forward: "the 2nd" said on the
 * 5th is next month's. Times must already be masked out, so that "1:30" is not read as a date.
 *
 * "Next Friday" keeps chrono's reading: the Friday of next (Monday-first) week, so said on a Wednesday it is nine
 * days away, not two. The development set's labels support it: they give "next Friday" (49 mentions) and "Friday
 * next week" (42) the same date, and likewise every other "next <weekday>" and "<weekday> next week", as chrono
 * does on any day. Its "today" is a Friday, where the nearest-weekday reading happens to agree, so the data does not
 * rule that reading out; but that reading would split the two phrases apart on Mondays to Thursdays, which nothing
 * in the labels suggests. "This Friday" and a bare "Friday" are the nearest one.
 */
export function findDates(text: string, clock: WallClock): DateMention[] {
  const mask = (masked: string, mentions: readonly DateMention[]): string =>
    mentions.reduce((out, { start, end }) => out.slice(0, start) + ' '.repeat(end - start) + out.slice(end), masked);
  const phrases = findDatePhrases(text, clock);
  let remaining = mask(text, phrases);
  // "the 3rd of this month" before chrono, which would read "this month till Monday" as a range of its own.
  const ofMonth = ordinalDates(remaining, clock, phrases, true).filter((mention) => !phrases.includes(mention));
  remaining = mask(remaining, ofMonth);
  const fromChrono = chronoDates(remaining, clock);
  remaining = mask(remaining, fromChrono);
  return ordinalDates(remaining, clock, [...phrases, ...ofMonth, ...fromChrono]);
}

function chronoDates(text: string, clock: WallClock): DateMention[] {
  // Chrono reads the reference's local fields, so the traveller's wall clock is handed over as local fields.
  const reference = new Date(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
  const mentions: DateMention[] = [];
  const today = todayOf(clock);
  for (const result of chrono.casual.parse(text, reference, { forwardDate: true })) {
    const phrase = result.text.trim();
    // Nobody books a day gone by: "the last day", "yesterday" name no day of a trip.
    if (isoOf(result.start) < today) continue;
    if (
      DURATION_ONLY.test(phrase) ||
      TOO_AMBIGUOUS.test(phrase) ||
      VAGUE.test(phrase) ||
      !namesADay(result.start, phrase)
    ) {
      continue;
    }
    mentions.push({
      start: result.index,
      end: result.index + result.text.length,
      date: isoOf(result.start),
      rangeEnd: result.end && namesADay(result.end, phrase) ? isoOf(result.end) : null,
      weekday: result.end === null && BARE_WEEKDAY.test(phrase) ? (result.start.get('weekday') ?? null) : null,
    });
  }
  return mentions;
}

function namesADay(components: chrono.ParsedComponents, phrase: string): boolean {
  return components.isCertain('day') || components.isCertain('weekday') || RELATIVE_DAY.test(phrase);
}

function isoOf(components: chrono.ParsedComponents): string {
  return toIsoDate(components.get('year') ?? 0, components.get('month') ?? 1, components.get('day') ?? 1);
}

const ORDINAL = new RegExp(
  `\\b(?:the\\s+)?(?<day>[1-9]|[12]\\d|3[01])\\s?(?:st|nd|rd|th)\\b` +
    `(?:\\s+(?:of\\s+)?(?<which>this|next|the|current|coming)\\s+month\\b)?` +
    `(?!\\s+(?:of\\s+)?${MONTH}\\b|\\s+(?:floor|time|times|person|people|row|choice|option|stop|passenger|one|place|star|class|street|st|avenue|ave|road|rd|boulevard|blvd|lane|station|birthday|anniversary|century|percentile)\\b)`,
  'gi',
);

/**
 * Bare ordinals, read forward from today ("the 2nd" said on the 5th is next month's), but in the month of a date
 * said just before them: "July 4th to the 11th" is July 11th, and "June 28th to the 2nd" is July 2nd.
 */
function ordinalDates(
  text: string,
  clock: WallClock,
  known: readonly DateMention[],
  ofMonthOnly = false,
): DateMention[] {
  const mentions = [...known];
  const today = toIsoDate(clock.year, clock.month, clock.day);
  for (const match of matchAll(text, ORDINAL)) {
    const day = Number(match.groups?.day);
    const which = match.groups?.which?.toLowerCase();
    if (ofMonthOnly && which === undefined) continue;
    const anchor = mentions.filter((mention) => mention.end <= match.index).sort((a, b) => b.end - a.end)[0];
    if (anchor && anchor.weekday !== null && /^[\s,]*$/.test(text.slice(anchor.end, match.index))) {
      // "Sunday the 29th" is one day: the next 29th that falls on a Sunday, else simply the next 29th.
      const date =
        dayOnWeekday(today, day, anchor.weekday) ??
        inMonthOf(day < clock.day ? nextMonth(today) : today, day) ??
        anchor.date;
      mentions.splice(mentions.indexOf(anchor), 1, {
        ...anchor,
        end: match.index + match[0].length,
        date,
        weekday: null,
      });
      continue;
    }
    const anchorDate = anchor?.rangeEnd ?? anchor?.date;
    const endOfRange = /\b(?:to|until|till|til|through|thru)\s*$|-\s*$/i.test(text.slice(0, match.index));
    let date = which === undefined && anchorDate ? inMonthOf(anchorDate, day) : null;
    if (date !== null && anchorDate && endOfRange && date < anchorDate) {
      date = inMonthOf(nextMonth(anchorDate), day);
    }
    if (date === null || date < today) {
      const base = which === 'next' || (which === undefined && day < clock.day) ? nextMonth(today) : today;
      date = inMonthOf(base, day);
    }
    if (date !== null) {
      mentions.push({ ...spanOf(match), date, rangeEnd: null, weekday: null });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** The first `day` of a month, from today on within a year, that falls on `weekday` (0 Sunday to 6 Saturday). */
function dayOnWeekday(today: string, day: number, weekday: number): string | null {
  let month = today;
  for (let step = 0; step < 12; step += 1, month = nextMonth(month)) {
    const date = inMonthOf(month, day);
    if (date !== null && date >= today && new Date(`${date}T00:00:00Z`).getUTCDay() === weekday) {
      return date;
    }
  }
  return null;
}

/** The given day in the month of `isoDate`, or null when that month is too short. */
function inMonthOf(isoDate: string, day: number): string | null {
  const [year = 0, month = 1] = isoDate.split('-').map(Number);
  return day <= daysInMonth(year, month) ? toIsoDate(year, month, day) : null;
}

function nextMonth(isoDate: string): string {
  const [year = 0, month = 1] = isoDate.split('-').map(Number);
  return month === 12 ? toIsoDate(year + 1, 1, 1) : toIsoDate(year, month + 1, 1);
}

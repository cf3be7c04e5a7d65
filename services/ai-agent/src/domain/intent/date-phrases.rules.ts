import { addDays, daysInMonth, toIsoDate, todayOf, type WallClock } from './calendar.rules.ts';
import type { DateMention } from './dates.rules.ts';
import { findHolidays, nthWeekday, weekdayOf } from './holidays.rules.ts';
import { matchAll, spanOf } from './text.rules.ts';

/*
 * Date phrases chrono-node does not read, or reads wrong for travel: holidays (see `holidays.rules.ts`), weekends,
 * months and parts of months,
 * "day after tomorrow", "tonight", and ranges whose month is said once at the end ("from the 23rd to the 30th of
 * December"). Each is resolved forward from today: a holiday is its next occurrence, a month its next one (this
 * month's rest when it is the current month).
 */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_PATTERN =
  '(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

function monthNumber(word: string): number {
  const key = word.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((month) => month.startsWith(key)) + 1;
}

/** The Friday that opens the weekend of `isoDate` (itself when it is a Friday; today when that Friday is past). */
function weekendFrom(saturday: string, today: string): { from: string; to: string } {
  const friday = addDays(saturday, -1);
  return { from: friday < today ? today : friday, to: addDays(saturday, 1) };
}

function thisSaturday(today: string): string {
  const weekday = weekdayOf(today);
  // On a Sunday, "this weekend" is today's, which began yesterday.
  return weekday === 0 ? addDays(today, -1) : addDays(today, 6 - weekday);
}

const ORDINAL_WORDS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, last: -1, final: -1 };
const ORDINAL_OF = '(?<nth>first|1st|second|2nd|third|3rd|fourth|4th|last|final)';

function nthOf(word: string): number {
  return ORDINAL_WORDS[word.toLowerCase()] ?? Number.parseInt(word, 10);
}

/** The month's next occurrence from today: this year's when it is the current month or later. */
function monthStart(month: number, clock: WallClock, year: number | null): { year: number; month: number } {
  if (year !== null) return { year, month };
  return { year: month >= clock.month ? clock.year : clock.year + 1, month };
}

function monthWindow(
  month: number,
  clock: WallClock,
  year: number | null,
  today: string,
): { from: string; to: string } {
  const at = monthStart(month, clock, year);
  const from = toIsoDate(at.year, at.month, 1);
  return { from: from < today ? today : from, to: toIsoDate(at.year, at.month, daysInMonth(at.year, at.month)) };
}

const YEAR = '(?:,?\\s+(?<year>20\\d\\d))?';

const LEAVING_ON =
  /\b(?:leav(?:e|es|ing)|depart(?:s|ing)?|fly(?:ing)?(?: out)?|go(?:ing)?|head(?:ing)?(?: out)?|set(?:ting)? off|check(?:ing)?[- ]?in|pick(?:ing)?[- ]?(?:it )?up)(?:\s+(?:on|this|over|for))?\s*$/i;

function weekends(text: string, clock: WallClock, today: string): DateMention[] {
  const found: DateMention[] = [];
  const saturday = thisSaturday(today);
  const push = (match: RegExpExecArray, range: { from: string; to: string }, anchored: boolean): void => {
    // "Leaving this weekend" is a day to leave on, the Saturday; "a weekend in Paris" is the whole of it.
    if (LEAVING_ON.test(text.slice(Math.max(0, match.index - 24), match.index))) {
      const saturday = addDays(range.to, -1);
      const day = saturday < today ? today : saturday;
      found.push({ ...spanOf(match), date: day, rangeEnd: null, weekday: null, vague: !anchored });
      return;
    }
    found.push({
      ...spanOf(match),
      date: range.from,
      rangeEnd: range.to,
      weekday: null,
      vague: !anchored,
      window: range,
    });
  };
  // "the first weekend of March", "the last weekend in April".
  for (const match of matchAll(
    text,
    new RegExp(`\\b(?:the\\s+)?${ORDINAL_OF}\\s+weekend\\s+(?:of|in)\\s+${MONTH_PATTERN}${YEAR}\\b`, 'gi'),
  )) {
    const { year, month } = monthStart(
      monthNumber(match.groups?.month ?? ''),
      clock,
      match.groups?.year ? Number(match.groups.year) : null,
    );
    const sat = nthWeekday(year, month, 6, nthOf(match.groups?.nth ?? 'first'));
    push(match, weekendFrom(sat, today), true);
  }
  const relative: readonly (readonly [RegExp, number])[] = [
    [/\b(?:the\s+)?weekend\s+after\s+next\b/gi, 14],
    [/\b(?:the\s+)?(?:next|following|coming)\s+weekend\b|\bweekend\s+after\s+this(?:\s+one)?\b/gi, 7],
    [/\b(?:this|this\s+coming|the)\s+weekend\b|\bon\s+the\s+weekend\b/gi, 0],
  ];
  for (const [pattern, days] of relative) {
    for (const match of matchAll(text, pattern)) {
      if (found.some((other) => match.index < other.end && other.start < match.index + match[0].length)) continue;
      // "next weekend" said on a Sunday or Monday is the coming one; said later in the week, the one after.
      const shift = days === 7 && [0, 1].includes(weekdayOf(today)) ? 0 : days;
      // Any day said outright beats a weekend: "on the weekend, this Sunday" leaves on the Sunday.
      push(match, weekendFrom(addDays(saturday, shift), today), false);
    }
  }
  // A weekend with nothing to place it ("a weekend in Miami"): the coming one, unless a month or a day says which.
  for (const match of matchAll(
    text,
    /\b(?:a|one|the|for\s+the|long)\s+weekend\b|\bweekend\s+(?:trip|getaway|away|break)\b|^weekend\b/gi,
  )) {
    if (found.some((other) => match.index < other.end && other.start < match.index + match[0].length)) continue;
    push(match, weekendFrom(saturday, today), false);
  }
  return found;
}

function months(text: string, clock: WallClock, today: string): DateMention[] {
  const found: DateMention[] = [];
  const push = (match: RegExpExecArray, window: { from: string; to: string }): void => {
    if (window.to < today) return;
    const from = window.from < today ? today : window.from;
    found.push({
      ...spanOf(match),
      date: from,
      rangeEnd: null,
      weekday: null,
      vague: true,
      window: { from, to: window.to },
    });
  };
  const yearOf = (match: RegExpExecArray): number | null => (match.groups?.year ? Number(match.groups.year) : null);
  // "the first week of March", "the last week of April".
  for (const match of matchAll(
    text,
    new RegExp(`\\b(?:the\\s+)?${ORDINAL_OF}\\s+week\\s+(?:of|in)\\s+${MONTH_PATTERN}${YEAR}\\b`, 'gi'),
  )) {
    const { year, month } = monthStart(monthNumber(match.groups?.month ?? ''), clock, yearOf(match));
    const nth = nthOf(match.groups?.nth ?? 'first');
    const last = daysInMonth(year, month);
    const fromDay = nth < 0 ? last - 6 : 7 * (nth - 1) + 1;
    push(match, { from: toIsoDate(year, month, fromDay), to: toIsoDate(year, month, Math.min(fromDay + 6, last)) });
  }
  // "early March", "mid-March", "late March", "the end of March", "the beginning of March".
  const parts = new RegExp(
    `\\b(?:(?<part>early|mid|middle of|late|end of|the end of|beginning of|the beginning of|start of|the start of|the middle of)[\\s-]+)${MONTH_PATTERN}${YEAR}\\b`,
    'gi',
  );
  for (const match of matchAll(text, parts)) {
    if (found.some((other) => match.index < other.end && other.start < match.index + match[0].length)) continue;
    const { year, month } = monthStart(monthNumber(match.groups?.month ?? ''), clock, yearOf(match));
    const part = (match.groups?.part ?? '').toLowerCase();
    const last = daysInMonth(year, month);
    const [from, to] = /early|beginning|start/.test(part) ? [1, 10] : /mid|middle/.test(part) ? [11, 20] : [21, last];
    push(match, { from: toIsoDate(year, month, from), to: toIsoDate(year, month, to) });
  }
  // "in March", "during March", "March 2027": a whole month. A month followed by a day ("March 3") is chrono's.
  const whole = new RegExp(
    `\\b(?:(?:in|during|for|throughout|sometime in|some time in|around)\\s+(?:the\\s+month\\s+of\\s+)?)${MONTH_PATTERN}${YEAR}\\b(?!\\s*(?:\\d|the\\s+\\d|first|second|third))|(?<!\\b\\d{1,2}(?:st|nd|rd|th)?\\s{1,3}(?:of\\s+)?)\\b${MONTH_PATTERN}\\s+(?<year>20\\d\\d)\\b`,
    'gi',
  );
  for (const match of matchAll(text, whole)) {
    if (found.some((other) => match.index < other.end && other.start < match.index + match[0].length)) continue;
    const word = match.groups?.month ?? '';
    // "may" the verb: only "in May" or a capitalised "May" names the month.
    if (/^may$/i.test(word) && !/^(?:in|during|throughout)\s/i.test(match[0]) && word !== 'May') continue;
    push(match, monthWindow(monthNumber(word), clock, yearOf(match), today));
  }
  // "next month", "this month" with no day: the month as a period.
  for (const match of matchAll(text, /\b(?:in\s+|during\s+)?(?<which>next|this|the\s+coming)\s+month\b(?!\s*'s)/gi)) {
    if (found.some((other) => match.index < other.end && other.start < match.index + match[0].length)) continue;
    const before = text.slice(Math.max(0, match.index - 16), match.index);
    // "the 3rd of next month" is a day, read with the ordinals.
    if (/\b(?:\d{1,2}(?:st|nd|rd|th)?|first|second|third)\s+(?:of\s+)?$/i.test(before)) continue;
    const next = /next|coming/i.test(match.groups?.which ?? '');
    const month = next ? (clock.month % 12) + 1 : clock.month;
    const year = next && clock.month === 12 ? clock.year + 1 : clock.year;
    push(match, { from: toIsoDate(year, month, 1), to: toIsoDate(year, month, daysInMonth(year, month)) });
  }
  return found;
}

function relativeDays(text: string, today: string): DateMention[] {
  const found: DateMention[] = [];
  for (const match of matchAll(text, /\b(?:the\s+)?day\s+after\s+(?:tomorrow|tmrw|tmr)\b|\bovermorrow\b/gi)) {
    found.push({ ...spanOf(match), date: addDays(today, 2), rangeEnd: null, weekday: null });
  }
  for (const match of matchAll(text, /\btonight\b|\bthis\s+(?:evening|night)\b/gi)) {
    found.push({ ...spanOf(match), date: today, rangeEnd: null, weekday: null, tonight: true });
  }
  return found;
}

// "from the 23rd to the 30th of December", "the 23rd-30th December", "23 to 30 December": the month said once, at the
// end, holds for both days.
function ordinalRanges(text: string, clock: WallClock, today: string): DateMention[] {
  const day = '(?:the\\s+)?(?<DAY>[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?';
  const pattern = new RegExp(
    `\\b(?:from\\s+|between\\s+)?${day.replace('DAY', 'first')}\\s*(?:-|–|to|until|till|thru|through|and)\\s*${day.replace('DAY', 'second')}\\s+(?:of\\s+)?${MONTH_PATTERN}${YEAR}\\b`,
    'gi',
  );
  const found: DateMention[] = [];
  for (const match of matchAll(text, pattern)) {
    const month = monthNumber(match.groups?.month ?? '');
    const first = Number(match.groups?.first);
    const second = Number(match.groups?.second);
    if (first >= second) continue;
    let year = match.groups?.year ? Number(match.groups.year) : clock.year;
    if (!match.groups?.year && toIsoDate(year, month, Math.min(second, daysInMonth(year, month))) < today) year += 1;
    if (second > daysInMonth(year, month)) continue;
    found.push({
      ...spanOf(match),
      date: toIsoDate(year, month, first),
      rangeEnd: toIsoDate(year, month, second),
      weekday: null,
    });
  }
  return found;
}

/**
 * Date phrases read before chrono-node, longest first; overlapping later finds are dropped. Weekends and months are
 * `vague`: a day the traveller says explicitly takes their place (see `date-roles.rules.ts`).
 */
export function findDatePhrases(text: string, clock: WallClock): DateMention[] {
  const today = todayOf(clock);
  const candidates = [
    ...ordinalRanges(text, clock, today),
    ...findHolidays(text, today),
    ...weekends(text, clock, today),
    ...months(text, clock, today),
    ...relativeDays(text, today),
  ];
  const kept: DateMention[] = [];
  for (const mention of candidates.sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (!kept.some((other) => mention.start < other.end && other.start < mention.end)) kept.push(mention);
  }
  return combineWeekendAndMonth(kept, today).sort((a, b) => a.start - b.start);
}

// "a weekend in Miami in March": a weekend with no day of its own, in a month said in the same breath, is that
// month's first weekend.
function combineWeekendAndMonth(mentions: DateMention[], today: string): DateMention[] {
  const loose = mentions.find((mention) => mention.vague && mention.rangeEnd !== null && mention.window);
  const month = mentions.find((mention) => mention.vague && mention.rangeEnd === null && mention.window);
  if (!loose || !month?.window || loose.date >= month.window.from) return mentions;
  let saturday = month.window.from;
  while (weekdayOf(saturday) !== 6) saturday = addDays(saturday, 1);
  const weekend = weekendFrom(saturday, today);
  if (weekend.to > month.window.to) return mentions;
  const combined: DateMention = { ...loose, date: weekend.from, rangeEnd: weekend.to, window: month.window };
  return mentions.filter((mention) => mention !== month).map((mention) => (mention === loose ? combined : mention));
}

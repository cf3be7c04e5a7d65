import { weekdayAfter } from './calendar.rules.ts';
import type { DateMention } from './dates.rules.ts';
import type { DomainName } from './request.shapes.ts';
import { textAfter, textBefore } from './text.rules.ts';

/** Where a date sits in a request: the first day (departure, check-in, pick-up) or the last (return, check-out, drop-off). */
export type DateEnd = 'start' | 'end';

const END_CUES: Record<DomainName, RegExp> = {
  flight:
    /(?:\buntil|\btill|\btil|\bthrough|\bthru|\bto|\breturn(?:s|ing)?(?: flight)?|\bback|\bcom(?:e|ing) (?:back|home)|\bfly(?:ing)? (?:back|home)|\bhead(?:ing)? (?:back|home))(?:\s+(?:on|by|the|around|about|it|is|be|will be|date is|date of|date|of))*\s*$/,
  hotel:
    /(?:\buntil|\btill|\btil|\bthrough|\bthru|\bto|\bcheck(?:ing)?[- ]?out|\bleav(?:e|ing)|\bdepart(?:ing)?|\bcheckout(?: date)?(?: is)?)(?:\s+(?:on|by|the|around|about|it|is|be|will be|date is))*\s*$/,
  car: /(?:\buntil|\buntill|\buntii|\btill|\btil|\bthrough|\bthru|\bup ?to|\bto|\breturn(?:ing)?(?: it| the car| the vehicle| the rental)?|\bdrop(?:ping)?(?: it| the car| the vehicle| them)? off(?: the car| the vehicle)?|\bdrop[- ]?off(?: date)?(?: is)?|\bbring(?:ing)?(?: it| the car| the vehicle)? back|\bturn(?:ing)?(?: it)? (?:back|in)|\bgive(?: it)? back|\bkeep(?: it)?(?: until| till)?|\bhave(?: it)? (?:until|till)|\bneed (?:it|the car|one) (?:until|till))(?:\s+(?:on|by|the|around|about|it|is|be|will be|date is|in))*\s*$/,
};

// The cue names the day before it only when no other day follows it: "a March 7th return (date)", not "Friday,
// returning Tuesday".
const CUE_ENDS = '(?:\\s+(?:date|day|flight|trip))?\\s*(?:$|[,.;!?]|\\b(?:and|with|please|thanks|for)\\b)';
const END_AFTER: Record<DomainName, RegExp> = {
  flight: new RegExp(`^\\s*(?:as (?:the|my) )?(?:return|returning|way back|flight back|flight home)${CUE_ENDS}`),
  hotel: new RegExp(`^\\s*(?:as (?:the|my) )?(?:check[- ]?out|departure)${CUE_ENDS}`),
  car: new RegExp(`^\\s*(?:as (?:the|my) )?(?:drop[- ]?off|return)${CUE_ENDS}`),
};

const START_CUES: Record<DomainName, RegExp> = {
  flight:
    /(?:\bdepart(?:s|ing|ure)?|\bleav(?:e|es|ing)|\bfly(?:ing)?(?: out)?|\bgo(?:ing)?|\bfrom|\bstart(?:ing)?|\boutbound)(?:\s+(?:on|the|date is|is|around|about))*\s*$/,
  hotel:
    /(?:\bcheck(?:ing)?[- ]?in|\barriv(?:e|ing)|\bfrom|\bstart(?:ing)?|\bbeginning)(?:\s+(?:on|the|date is|is|around|about))*\s*$/,
  car: /(?:\bpick(?:ing)?[- ]?(?:it |the car |the vehicle |them )?up|\bpickup(?: date)?(?: is)?|\bfrom|\bstart(?:ing)?|\bbeginning|\bget(?:ting)? (?:it|the car)|\bcollect(?:ing)?(?: it)?)(?:\s+(?:on|the|date is|is|around|about|at))*\s*$/,
};

// A time of day said between the cue and the day: "pick it up at 5 pm on the 9th", "drop it off around noon on the 12th".
const TIME_OF_DAY =
  /\s+(?:at|around|about|by)?\s*(?:\d{1,2}(?::\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.|o["'’]?clock|hours?|h))?|noon|midday|midnight)(?:\s+(?:in the )?(?:morning|afternoon|evening|night))?|\s+(?:in the |at )?(?:morning|afternoon|evening|night)\b/g;
const withoutTimes = (before: string): string => before.replace(TIME_OF_DAY, ' ');
// "the check-in date to be the 3rd", "my return date would be": the cue's noun and verb say no more than "on".
const DATE_IS =
  /\s+(?:date|day)\s+(?:(?:to|will|should|would|must|can|could|needs? to|has to|have to|is going to|shall)\s+be|is|was|of|as)\b/g;
const plainCue = (before: string): string => before.replace(DATE_IS, ' on');

export interface DateRoles {
  start: string | null;
  end: string | null;
  /** "tonight" gave the first day: one night unless said otherwise. */
  tonight?: boolean;
}

const weekdayOf = (isoDate: string): number => new Date(`${isoDate}T00:00:00Z`).getUTCDay();

/**
 * Gives each date its place in the request. Cues decide first ("until the 9th", "check out on", "returning");
 * a range fills both ends; dates with no cue take the end the previous turn left open (`openEnds`, in order),
 * unless that would end the request before it starts (`knownStart`).
 */
export function assignDates(
  text: string,
  mentions: readonly DateMention[],
  domain: DomainName,
  openEnds: readonly DateEnd[],
  knownStart: string | null = null,
): DateRoles {
  // A day said explicitly beats a period: "a weekend in Paris, leaving Friday Dec 11" leaves on the 11th.
  const explicit = mentions.filter((mention) => !mention.vague);
  const weekendDropped = explicit.length > 0 && mentions.some((mention) => mention.vague && mention.rangeEnd !== null);
  const roles = assignDays(text, explicit.length > 0 ? explicit : mentions, domain, openEnds, knownStart);
  // ...and, with no last day of its own, comes back at the end of that weekend.
  if (weekendDropped && roles.start && !roles.end && [4, 5, 6].includes(weekdayOf(roles.start))) {
    roles.end = weekdayAfter(roles.start, 0);
  }
  roles.tonight = mentions.some((mention) => mention.tonight === true && mention.date === roles.start);
  return roles;
}

function assignDays(
  text: string,
  mentions: readonly DateMention[],
  domain: DomainName,
  openEnds: readonly DateEnd[],
  knownStart: string | null,
): DateRoles {
  const roles: DateRoles = { start: null, end: null };
  let endWeekday: number | null = null;
  const setEnd = (mention: DateMention): void => {
    roles.end = mention.date;
    endWeekday = mention.weekday;
  };
  const uncued: DateMention[] = [];
  const endAskedOnly = openEnds.includes('end') && !openEnds.includes('start');
  mentions.forEach((mention, index) => {
    if (mention.rangeEnd !== null) {
      roles.start = mention.date;
      roles.end = mention.rangeEnd;
      endWeekday = null;
      return;
    }
    // Asked for the last day only ("Until when, and what time do you pick it up?"), "I pick it up at 5 pm on the
    // 14th" gives the pick-up its time and the question its day; otherwise the cue reaches past the time to the day.
    const cueText = plainCue(textBefore(text, mention.start, mentions[index - 1]?.end ?? 0));
    const before = endAskedOnly ? cueText : withoutTimes(cueText);
    // "a round trip with a March 7th return date": the cue after the day.
    const after = textAfter(text, mention.end, 24);
    if (
      (END_CUES[domain].test(before) && (index > 0 || !/\bto\s*$/.test(before) || domain === 'car')) ||
      END_AFTER[domain].test(after)
    ) {
      setEnd(mention);
    } else if (START_CUES[domain].test(before)) {
      roles.start = mention.date;
    } else {
      uncued.push(mention);
    }
  });
  const order: DateEnd[] = [...openEnds, 'start', 'end'];
  for (const mention of uncued) {
    let open = order.find((end) => roles[end] === null);
    // A last day before the first one cannot be meant: "the 1st" after a pick-up on the 3rd moves the pick-up.
    // A bare weekday is the exception, as it counts from the first day (below).
    const start = roles.start ?? knownStart;
    if (open === 'end' && start !== null && mention.date < start && mention.weekday === null) {
      open = 'start';
    }
    if (open === 'end') {
      setEnd(mention);
    } else if (open === 'start') {
      roles.start = mention.date;
    }
  }
  return anchorEndWeekday(roles, endWeekday, knownStart);
}

/**
 * "Boston to Denver next Friday, back Sunday": a bare weekday as the last day is the first such day after the first
 * day (the Sunday right after that Friday), not the Sunday nearest today, which may come before the trip starts.
 */
function anchorEndWeekday(roles: DateRoles, weekday: number | null, knownStart: string | null): DateRoles {
  const start = roles.start ?? knownStart;
  return weekday === null || start === null ? roles : { ...roles, end: weekdayAfter(start, weekday) };
}

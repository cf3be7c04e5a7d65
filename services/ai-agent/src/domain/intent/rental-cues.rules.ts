import type { DateMention } from './dates.rules.ts';
import { textBefore } from './text.rules.ts';
import type { TimeMention } from './times.rules.ts';

/*
 * How people talk about a rental car without saying "car". These cues decide the kind of travel only when a message
 * names none and nothing is under way yet (a single message to the CLI or `POST /api/ai/intent`); once a search is
 * in view, "it" and "until" refer to that search instead.
 */

// "I need it from Monday", "I can get it at 1 pm", "I'll be returning it on the 12th": a thing held for a while and
// handed back. A stay is booked or stayed in and a flight taken; neither is needed, collected or given back. "Book
// it" and "reserve it" are left out: they follow any offer.
const HELD_IT = new RegExp(
  `\\b(?:${[
    'needs?|needing|needed',
    'wants?|wanting|wanted',
    'get|gets|getting|got',
    'have|has|having|had',
    'take|takes|taking|took',
    'keep|keeps|keeping|kept',
    'use|uses|using|used',
    'require|requires|requiring',
    'collect(?:s|ing)?',
    'grab(?:s|bing)?',
    'rent(?:s|ing)?|hire|hiring',
    'like',
    'pick(?:s|ing)?|drop(?:s|ping)?',
    'return(?:s|ing)?|bring(?:s|ing)?|give(?:s|ing)?|turn(?:s|ing)?',
  ].join('|')})\\s+it\\b`,
  'i',
);

// "Leaving Boston at 9 am": the time a traveller sets off is a flight's, not a rental's.
const DEPARTING = /\b(?:leav(?:e|es|ing)|depart(?:s|ing|ure)?|take off|taking off)\b/i;

// "Till March 9th", "from the 3rd until Monday next week": a thing kept up to a day. A stay is counted in nights or
// ends with a check-out, and a flight comes back; a day said with "until" and nothing else named ends a rental.
const UNTIL = '(?:until|untill|till|til|up to)';
const UNTIL_BEFORE = new RegExp(`\\b${UNTIL}\\s*(?:the\\s+|on\\s+)?$`, 'i');
const UNTIL_WITHIN = new RegExp(`\\b${UNTIL}\\b`, 'i');

/**
 * Whether a message that names no kind of travel reads as a car rental: it holds "it" for a while, it gives a time
 * of day (when to collect the car; flights are searched by the day and a stay starts at check-in), or it keeps
 * something "until" a day.
 */
export function soundsLikeRental(text: string, dates: readonly DateMention[], times: readonly TimeMention[]): boolean {
  if ((times.length > 0 && !DEPARTING.test(text)) || HELD_IT.test(text)) {
    return true;
  }
  return dates.some(
    (date) =>
      UNTIL_BEFORE.test(textBefore(text, date.start)) ||
      (date.rangeEnd !== null && UNTIL_WITHIN.test(text.slice(date.start, date.end))),
  );
}

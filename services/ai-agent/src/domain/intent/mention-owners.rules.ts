import type { DateMention } from './dates.rules.ts';
import { readTopics } from './domains.rules.ts';
import { namesARoute } from './place-roles.rules.ts';
import type { PlaceMention } from './places.rules.ts';
import type { DomainName } from './request.shapes.ts';
import { textBefore, type Span } from './text.rules.ts';
import type { PeriodMention, TimeMention } from './times.rules.ts';

/** The places, dates and times of one utterance that belong to one of its searches. */
export interface OwnedMentions {
  places: PlaceMention[];
  dates: DateMention[];
  times: TimeMention[];
  periods: PeriodMention[];
}

// Clauses end at punctuation and at "and"/"plus": "Boston to Denver next Friday, back Sunday, and a hotel until
// Saturday" has the hotel's last day in a clause of its own.
const CLAUSE = /[^,;.!?]+?(?=\s+(?:and|plus)\s+|[,;.!?]|$)/g;

// Words right before a date that only one kind of search uses: "coming back Sunday" is the flight's even in a
// clause that also asks for a hotel. Checked in this order, so that "return it" is the car's, not the flight's.
const DATE_CUES: readonly (readonly [DomainName, RegExp])[] = [
  [
    'car',
    /\b(?:pick(?:ing)?[- ]?(?:it |the car |them )?up|drop(?:ping)?[- ]?(?:it |the car |them )?off|(?:return|bring|give|turn)(?:ing)? (?:it|the car)(?: back| in)?)(?:\s+(?:on|the|at|by))*\s*$/,
  ],
  ['hotel', /\b(?:check(?:ing)?[- ]?(?:in|out)|stay(?:ing)?(?: there)?)(?:\s+(?:on|the|from|until|till|date is))*\s*$/],
  [
    'flight',
    /\b(?:back|return(?:s|ing)?|fly(?:ing)?(?: out| back| home)?|depart(?:s|ing)?|departure|com(?:e|ing) home)(?:\s+(?:on|the|date is))*\s*$/,
  ],
];

interface Clause extends Span {
  owner: DomainName | null;
}

function clausesOf(text: string, places: readonly PlaceMention[], domains: readonly DomainName[]): Clause[] {
  return [...text.matchAll(CLAUSE)].map((match) => {
    const span = { start: match.index, end: match.index + match[0].length };
    const topics = readTopics(match[0]);
    const route = namesARoute(
      text,
      places.filter((place) => span.start <= place.start && place.start < span.end),
    );
    const named = domains.filter((domain) => topics[domain] || (domain === 'flight' && route));
    return { ...span, owner: named.length === 1 ? (named[0] ?? null) : null };
  });
}

/**
 * Shares one utterance's mentions among the searches it talks about. A date said with a word only one search uses
 * ("coming back Sunday", "check out Monday") is that search's; any other mention in a clause that names exactly one
 * of them ("4-star hotel in Boulder from Friday to Saturday") is that one's; the rest belong to the leading search
 * (`primary`), which the others then follow (see `request-merge.rules.ts`).
 */
export function shareMentions(
  text: string,
  mentions: OwnedMentions,
  domains: readonly DomainName[],
  primary: DomainName | null,
): Partial<Record<DomainName, OwnedMentions>> {
  const clauses = clausesOf(text, mentions.places, domains);
  const clauseOwner = (mention: Span): DomainName | null =>
    clauses.find((clause) => clause.start <= mention.start && mention.start < clause.end)?.owner ?? primary;
  const cuedOwner = (mention: Span): DomainName | undefined =>
    DATE_CUES.find(
      ([domain, cue]) => domains.includes(domain) && cue.test(textBefore(text, mention.start, 0, 32)),
    )?.[0];
  const shared: Partial<Record<DomainName, OwnedMentions>> = {};
  const slot = (owner: DomainName | null): OwnedMentions | null =>
    owner === null ? null : (shared[owner] ??= { places: [], dates: [], times: [], periods: [] });
  mentions.places.forEach((place) => slot(clauseOwner(place))?.places.push(place));
  mentions.dates.forEach((date) => slot(cuedOwner(date) ?? clauseOwner(date))?.dates.push(date));
  mentions.times.forEach((time) => slot(cuedOwner(time) ?? clauseOwner(time))?.times.push(time));
  mentions.periods.forEach((period) => slot(cuedOwner(period) ?? clauseOwner(period))?.periods.push(period));
  // "I need a flight and a hotel in Paris on June 3rd": when the leading search would be left with no place and no
  // day, the words were not setting the searches apart, so those are the leading search's and the others follow.
  // A time of day stays where it was put: only a rental has one.
  if (primary !== null && shared[primary] === undefined) {
    for (const owned of Object.values(shared)) {
      owned.places = [];
      owned.dates = [];
    }
    shared[primary] = { places: [...mentions.places], dates: [...mentions.dates], times: [], periods: [] };
  }
  return shared;
}

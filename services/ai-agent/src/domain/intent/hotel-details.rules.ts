import type { HotelAmenity } from '@tripwise/contracts';
import { COUNT_PATTERN, countOf, parseCount } from './numbers.rules.ts';
import { inQuestionAboutOffer, matchAll, spanOf, type Span } from './text.rules.ts';

export interface HotelDetails {
  rooms: number | null;
  minStars: number | null;
  /** "for 3 nights", "for a week"; a hotel stay counted in days counts the same nights. */
  nights: number | null;
  /** "for 3 days" said of a car rental: the length of the rental. */
  days: number | null;
  amenities: HotelAmenity[];
  spans: Span[];
}

const N = `(?<n>${COUNT_PATTERN})`;
const ROOMS = new RegExp(countOf('rooms?|suites?', 2), 'gi');
// "2 three-star hotel rooms": a count reaches past the rooms' star rating too.
const ROOMS_PAST_STARS = new RegExp(
  `\\b${N}[\\s-]+(?:[1-5]|one|two|three|four|five)[\\s-]*stars?(?:[\\s-]+(?:hotel|motel|inn))?[\\s-]+(?:rooms?|suites?)\\b`,
  'gi',
);
const STARS = new RegExp(
  `\\b(?:(?<atLeast>at least|minimum(?: of)?|min\\.?|no less than)\\s+(?:a\\s+)?)?${N}(?:\\s*\\+)?[\\s-]*stars?\\b`,
  'gi',
);
// "3 nights", "12 whole nights"; days count the same in a stay ("a 2 day stay", "five days from the 6th"), but "in
// 3 days" is a date and has been read as one already.
const NIGHTS = new RegExp(`\\b${N}(?:\\s+(?:whole|full|more))?[\\s-]+nights?\\b`, 'gi');
const DAYS = new RegExp(`(?<!\\bin\\s)\\b${N}(?:\\s+(?:whole|full|more))?[\\s-]+days?\\b`, 'gi');
const WEEKS = /\b(?:for|during|over|stay(?:ing)?)\s+(?<n>a|one|two|three|1|2|3)\s+weeks?\b/gi;

const AMENITIES: readonly (readonly [HotelAmenity, RegExp])[] = [
  ['wifi', /\b(?:wi-?fi|wireless|internet)\b/i],
  ['breakfast', /\bbreakfast\b/i],
  ['parking', /\b(?:parking|park (?:my|the|our) car|garage)\b/i],
  ['pool', /\b(?:pool|swimming)\b/i],
  ['gym', /\b(?:gym|fitness|work ?out)\b/i],
  ['spa', /\bspa\b/i],
  [
    'pet_friendly',
    /\b(?:(?:pet|dog|cat)s?[- ]friendly|pets? (?:are )?(?:allowed|welcome|ok)|(?:allows?|takes|accepts|welcomes) (?:pets|dogs|cats)|(?:bring|with|take|travell?ing with) (?:my|our|a) (?:dog|cat|pet|puppy)s?)\b/i,
  ],
  ['airport_shuttle', /\b(?:airport shuttle|shuttle)\b/i],
  [
    'near_transit',
    /\b(?:near|close to|next to|walking distance (?:to|from)|by)\s+(?:the\s+|a\s+)?(?:metro|subway|tube|train|transit|station|public transport(?:ation)?|underground|light rail)\b/i,
  ],
  ['free_cancellation', /\b(?:free cancell?ation|fully refundable|cancel for free|refundable)\b/i],
];

/** Hotel wishes: "2 rooms", "4-star" or "at least 3 stars", "for 3 nights", amenities such as "free wifi". */
export function readHotelDetails(text: string): HotelDetails {
  const spans: Span[] = [];
  const first = (pattern: RegExp, max: number): number | null => {
    for (const match of matchAll(text, pattern)) {
      const count = parseCount(match.groups?.n ?? '');
      if (count !== null && count <= max && !inQuestionAboutOffer(text, spanOf(match))) {
        spans.push(spanOf(match));
        return count;
      }
    }
    return null;
  };
  const rooms = first(ROOMS, 20) ?? first(ROOMS_PAST_STARS, 20);
  const minStars = first(STARS, 5);
  const weeks = first(WEEKS, 3);
  const nights = first(NIGHTS, 60) ?? (weeks === null ? null : weeks * 7);
  // "A car for a week": a rental counted in weeks is as many days.
  const days = first(DAYS, 60) ?? (weeks === null ? null : weeks * 7);
  const amenities = AMENITIES.filter(([, pattern]) => wanted(text, pattern)).map(([name]) => name);
  return { rooms, minStars, nights, days, amenities, spans };
}

// Named but not wanted: "no need for breakfast", "don't care about parking", or "does it have wifi?" (a question
// about the hotel on offer, not a condition of the search).
function wanted(text: string, pattern: RegExp): boolean {
  return matchAll(text, pattern).some(
    (match) =>
      !inQuestionAboutOffer(text, spanOf(match)) &&
      !/\b(?:no need for|don'?t need|do not need|without|don'?t care about|not bothered about|no)\s+(?:a\s+|the\s+|any\s+)?(?:free\s+)?$/i.test(
        text.slice(Math.max(0, match.index - 30), match.index),
      ),
  );
}

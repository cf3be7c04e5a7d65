import { gazetteer, placeKey } from './places.gazetteer.ts';

/*
 * Travellers type fast: "hotle", "tommorow", "Febuary", "fligth". Words a keyword away from one of the parser's
 * keywords, by one slip (two in long words), are read as that keyword. Real words a slip away from a keyword
 * ("motel", "hostel", "match", "sometime") and place names are left alone.
 */
const KEYWORDS = [
  'january',
  'february',
  'march',
  'april',
  'august',
  'september',
  'october',
  'november',
  'december',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'tomorrow',
  'tonight',
  'today',
  'weekend',
  'flight',
  'flights',
  'hotel',
  'hotels',
  'rental',
  'reservation',
  'ticket',
  'tickets',
  'night',
  'nights',
  'return',
  'returning',
  'departure',
  'departing',
  'airport',
  'airline',
  'airlines',
  'economy',
  'business',
  'premium',
  'passengers',
  'morning',
  'afternoon',
  'evening',
  'nonstop',
  'something',
  'anything',
  'another',
  'cheaper',
  'children',
  'infant',
];
const KEYWORD_SET = new Set(KEYWORDS);

// Words people mean as typed, which a slip would turn into a keyword.
const REAL_WORDS = new Set(
  'motel motels hostel hostels match marsh mach starch sometime sometimes anytime anyway monthly mouthy fight fights flighty hotter retune rented renter rentals tickle tickled airports airliner airliners another anther evenings mornings nightly tonights todays monday mondays fridays sundays weekends weekender econ busines premiums passenger passengers cheapest cheap cheaply childrens infants departures returns retuning nightmare marches'.split(
    ' ',
  ),
);

/** Spellings too far from the word for one slip, but common. */
const KNOWN_SLIPS: Readonly<Record<string, string>> = {
  tonite: 'tonight',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tmw: 'tomorrow',
  tomm: 'tomorrow',
  thru: 'through',
  nite: 'night',
  nites: 'nights',
  wensday: 'wednesday',
  wendsday: 'wednesday',
  febuary: 'february',
  feburary: 'february',
  thurs: 'thursday',
  tues: 'tuesday',
  weds: 'wednesday',
  elese: 'else',
  nee: 'need',
  esle: 'else',
  starhotel: 'star hotel',
  ahotel: 'a hotel',
  aflight: 'a flight',
};

// Damerau-Levenshtein distance (optimal string alignment), bounded: stops early once over `max`.
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j += 1) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const row = rows[i] as number[];
    const up = rows[i - 1] as number[];
    let best = Infinity;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, ((rows[i - 2] as number[])[j - 2] ?? 0) + 1);
      }
      row[j] = value;
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
  }
  return (rows[a.length] as number[])[b.length] ?? max + 1;
}

function correction(word: string): string | null {
  const lower = word.toLowerCase();
  const known = KNOWN_SLIPS[lower];
  if (known !== undefined) return known;
  if (lower.length < 4 || KEYWORD_SET.has(lower) || REAL_WORDS.has(lower)) return null;
  if (gazetteer().cities.has(placeKey(lower))) return null;
  let best: string | null = null;
  for (const keyword of KEYWORDS) {
    if (keyword[0] !== lower[0] || keyword.length < 5) continue;
    const allowed = lower.length >= 7 && keyword.length >= 8 ? 2 : 1;
    if (distance(lower, keyword, allowed) <= allowed) {
      if (best !== null && best !== keyword) return null;
      best = keyword;
    }
  }
  return best;
}

/** The text with slips in keywords corrected, keeping a capital where the traveller wrote one. */
export function fixTypos(text: string): string {
  return text
    .replace(/\bcheck ing\b/gi, 'checking')
    .replace(/(\d)\s*star(hotels?|rooms?)\b/gi, '$1 star $2')
    .replace(/\b[\p{L}']+\b/gu, (word) => {
      const fixed = correction(word);
      if (fixed === null) return word;
      return /^\p{Lu}/u.test(word) ? fixed[0]?.toUpperCase() + fixed.slice(1) : fixed;
    });
}

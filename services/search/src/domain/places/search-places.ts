import { entriesStartingWith, normalize, placeEntries, type Place } from './place-index.ts';

const ROWS = [new Int16Array(64), new Int16Array(64), new Int16Array(64)];

/** Edit distance (a swapped pair counts as one) if at most `max`, else Infinity; reuses three rows, no garbage. */
function withinEdits(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max || a.length >= 63 || b.length >= 63) return Infinity;
  let [twoBack, previous, current] = ROWS as [Int16Array, Int16Array, Int16Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, twoBack[j - 2]! + 1);
      current[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return Infinity;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[b.length]! <= max ? previous[b.length]! : Infinity;
}

/**
 * How well the query matches a word: 0 when the word starts with it, 1–2 when a typo away from the word's start
 * (a letter missing, extra, wrong or swapped). Short queries must match exactly.
 */
function wordMatch(query: string, word: string): number {
  if (word.startsWith(query)) return 0;
  // Typos are looked for only where the first two letters agree (or are swapped): fast, and rarely wrong.
  if (query.length < 4 || !(word.startsWith(query.slice(0, 2)) || word.startsWith(query[1]! + query[0]!))) {
    return Infinity;
  }
  const max = query.length >= 8 ? 2 : 1;
  let best = Infinity;
  for (let length = query.length - 1; length <= query.length + 1; length++) {
    best = Math.min(best, withinEdits(query, word.slice(0, length), max));
  }
  return best;
}

// The places never change while the service runs, and people type the same beginnings of the same names: each
// answer is kept (up to a bound, then all are let go and kept afresh).
const answers = new Map<string, Place[]>();
const MAX_ANSWERS = 20_000;

/**
 * Type-ahead over airports and metro areas: an exact code first, then places whose words start with what was
 * typed, then places a typo away; ties go to the busier place. Every query word must match some word.
 */
export function searchPlaces(query: string, limit: number): Place[] {
  const key = `${limit}:${query}`;
  let answer = answers.get(key);
  if (!answer) {
    if (answers.size >= MAX_ANSWERS) answers.clear();
    answers.set(key, (answer = rankPlaces(query, limit)));
  }
  return answer;
}

function rankPlaces(query: string, limit: number): Place[] {
  const q = normalize(query);
  const code = query.trim().toUpperCase();
  const terms = q.split(/\s+/).filter(Boolean);
  const scored: { place: Place; score: number }[] = [];
  // Typos rarely hit the first letter: only places with a word starting like the first term are looked at.
  const first = terms[0]?.[0];
  const candidates = first ? entriesStartingWith(first) : placeEntries();
  const exact = placeEntries().find((e) => e.place.code === code);
  for (const entry of exact && !candidates.includes(exact) ? [exact, ...candidates] : candidates) {
    let score = entry.place.code === code ? -1_000 : 0;
    for (const term of terms) {
      const best = Math.min(...entry.words.map((w) => wordMatch(term, w)));
      score += best * 100;
    }
    if (entry.place.code !== code && terms.length > 0 && !Number.isFinite(score)) continue;
    scored.push({ place: entry.place, score: score + entry.rank / 100_000 });
  }
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((s) => s.place);
}

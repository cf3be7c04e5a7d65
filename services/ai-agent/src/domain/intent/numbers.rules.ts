const UNITS: Record<string, number> = {
  zero: 0,
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  two: 2,
  couple: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Regex source for a small count written in digits or words ("3", "three", "twenty-one"). */
export const COUNT_PATTERN =
  '(?:\\d{1,3}|(?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';

/** Regex source for a spelled-out amount such as "two hundred", "fifteen hundred" or "a thousand". */
export const WORD_AMOUNT_PATTERN =
  '(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?(?:\\s+(?:hundred|thousand|grand))+(?:\\s+(?:and\\s+)?(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|ten|five)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)';

/**
 * Reads a number written in digits or English words: "4", "four", "twenty-five", "two hundred and fifty",
 * "fifteen hundred", "a thousand". Returns null when the text is not a number.
 */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().toLowerCase().replace(/,/g, '');
  if (/^\d+(\.\d+)?$/.test(cleaned)) {
    return Number(cleaned);
  }
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of cleaned.split(/[\s-]+/)) {
    if (word === 'and' || word === 'of') {
      continue;
    }
    const unit = UNITS[word] ?? TENS[word];
    if (unit !== undefined) {
      current += unit;
    } else if (word === 'hundred') {
      current = (current || 1) * 100;
    } else if (word === 'thousand' || word === 'grand') {
      total += (current || 1) * 1000;
      current = 0;
    } else {
      return null;
    }
    seen = true;
  }
  return seen ? total + current : null;
}

/** Like `parseNumber`, for counts of people, rooms, nights: a positive whole number or null. */
export function parseCount(text: string): number | null {
  const value = parseNumber(text);
  return value !== null && Number.isInteger(value) && value > 0 ? value : null;
}

// Words that end a count's reach: a count is not carried across another unit, a preposition or another number.
const NOT_BETWEEN =
  '(?:and|or|with|for|in|at|of|on|to|per|from|by|but|then|each|a|an|the|stars?|nights?|days?|weeks?|months?|years?|people|persons|adults|guests|kids|children|rooms?|seats?|tickets?|passengers?|bags?|dollars?|bucks|am|pm|[0-9][0-9,.:]*|' +
  'one(?![- ]way)|two|three|four|five|six|seven|eight|nine|ten)';

/**
 * Regex source for a count and its noun with up to `gap` describing words between them: "four economy one-way
 * tickets", "two smoking rooms", "3 available rooms". The count is the named group `n`.
 */
export function countOf(nouns: string, gap: number): string {
  return `\\b(?<n>${COUNT_PATTERN})(?![- ]way\\b)(?:[\\s-]+(?!${NOT_BETWEEN}\\b)[a-z][a-z'+]*){0,${gap}}[\\s-]+(?:${nouns})\\b`;
}

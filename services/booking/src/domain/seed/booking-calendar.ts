import type { Rng } from '@tripwise/travel-data';

export const DAY_MS = 86_400_000;

/** Bookings by month of the year: January planning, a spring peak, a quieter autumn, a lull before Christmas. */
const MONTH_FACTOR = [1.15, 1.05, 1.1, 1.02, 1.05, 1.0, 0.96, 0.9, 0.88, 0.94, 1.02, 0.85];
/** Sunday … Saturday: travelers book at work early in the week and less at weekends. */
const WEEKDAY_FACTOR = [0.85, 1.12, 1.1, 1.05, 1.0, 0.92, 0.8];
/** By UTC hour: mostly American daytime and evenings. */
const HOUR_FACTOR = [
  1.0, 0.9, 0.7, 0.5, 0.35, 0.2, 0.15, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.75, 0.9, 1.0, 1.05, 1.1, 1.1, 1.05, 1.0, 1.05,
  1.1, 1.1,
];
/** The business grows: the last day of the window sees this many times the bookings of the first. */
const GROWTH = 2.4;

const HOURS = HOUR_FACTOR.map((_, hour) => hour);

function drawIndex(cumulative: readonly number[], r: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * When each booking was made, oldest first: `count` instants over the `days` before `now`, growing over time, with
 * the seasons, the days of the week and the hours of the day.
 */
export function bookingTimes(count: number, days: number, now: Date, rng: Rng): number[] {
  const end = now.getTime();
  const start = end - days * DAY_MS;
  const firstMidnight = Math.floor(start / DAY_MS) * DAY_MS;
  const cumulative: number[] = [];
  let total = 0;
  for (let midnight = firstMidnight; midnight < end; midnight += DAY_MS) {
    const date = new Date(midnight);
    const progress = (midnight - start) / (end - start);
    const covered = (Math.min(end, midnight + DAY_MS) - Math.max(start, midnight)) / DAY_MS;
    total +=
      Math.max(0, covered) * GROWTH ** progress * MONTH_FACTOR[date.getUTCMonth()]! * WEEKDAY_FACTOR[date.getUTCDay()]!;
    cumulative.push(total);
  }
  const times: number[] = [];
  while (times.length < count) {
    const midnight = firstMidnight + drawIndex(cumulative, rng.next() * total) * DAY_MS;
    const at = midnight + rng.weighted(HOURS, HOUR_FACTOR) * 3_600_000 + Math.floor(rng.next() * 3_600_000);
    if (at >= start && at < end) times.push(at);
  }
  return times.sort((a, b) => a - b);
}

/**
 * Who made each booking. Every traveler makes at least one: the first, at a time drawn like any other booking (so
 * sign-ups grow with the business); every other booking goes to someone who had already booked, the more active
 * the likelier.
 */
export function assignTravelers(bookings: number, activity: readonly number[], rng: Rng): Int32Array {
  const travelers = activity.length;
  if (travelers > bookings) throw new RangeError(`${travelers} travelers cannot each make one of ${bookings} bookings`);
  // The first booking of each traveler: booking 0 and travelers − 1 others (a partial Fisher–Yates shuffle).
  const order = Array.from({ length: bookings - 1 }, (_, i) => i + 1);
  for (let i = 0; i < travelers - 1; i++) {
    const j = rng.int(i, order.length - 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const firsts = [0, ...order.slice(0, travelers - 1)].sort((a, b) => a - b);
  const owner = new Int32Array(bookings).fill(-1);
  firsts.forEach((booking, traveler) => (owner[booking] = traveler));
  const cumulative: number[] = [];
  let total = 0;
  for (let booking = 0; booking < bookings; booking++) {
    if (owner[booking]! >= 0) {
      total += activity[owner[booking]!]!;
      cumulative.push(total);
    } else {
      owner[booking] = drawIndex(cumulative, rng.next() * total);
    }
  }
  return owner;
}

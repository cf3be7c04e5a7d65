/** A calendar day and clock reading in some place's time zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Building a formatter costs far more than using one (it loads the zone's rules): one per zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const HOUR_MS = 3_600_000;

/** The zone's offset from UTC at an instant, from the formatter, to the second. */
function offsetFromFormatter(timeZone: string, ms: number): number {
  const values: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) values[part.type] = Number(part.value);
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = values;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC reads years 0–99 as 1900–1999.
  const fixedWall = year >= 0 && year < 100 ? new Date(wall).setUTCFullYear(year) : wall;
  return fixedWall - (ms - (((ms % 1000) + 1000) % 1000));
}

// Formatting is the costly part, and a zone's offset changes a few times a year at most: it is kept per zone and
// UTC hour, for the hours the offset is the same at both ends of (an hour with a change in it is worked out at
// each instant). Bounded: past the limit, all are let go and kept afresh.
const offsets = new Map<string, number>();
const MAX_OFFSETS = 50_000;

function offsetAt(timeZone: string, ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  const key = `${timeZone} ${hour}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const start = offsetFromFormatter(timeZone, hour * HOUR_MS);
  if (start !== offsetFromFormatter(timeZone, (hour + 1) * HOUR_MS - 1_000)) return offsetFromFormatter(timeZone, ms);
  if (offsets.size >= MAX_OFFSETS) offsets.clear();
  offsets.set(key, start);
  return start;
}

/** What the clocks of `timeZone` (an IANA zone) read at an instant. */
export function wallClockIn(timeZone: string, instant: Date | number): WallClock {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const wall = new Date(ms + offsetAt(timeZone, ms));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

import { wallClockIn } from './wall-clock.ts';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** How many minutes the zone's clocks are ahead of UTC at an instant (negative west of Greenwich). */
export function utcOffsetMinutes(timeZone: string, instantMs: number): number {
  const { year, month, day, hour, minute, second } = wallClockIn(timeZone, instantMs);
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second);
  return Math.round((wallMs - Math.floor(instantMs / 1000) * 1000) / MINUTE_MS);
}

/**
 * Turns "this date, this time on the local clock" into an instant, for one zone. Intl is slow, so the offset is
 * looked up once per day; only on the two days a year when it changes is each time worked out on its own.
 */
export function createLocalClock(timeZone: string): (utcMidnightMs: number, minuteOfDay: number) => number {
  const dayOffsets = new Map<number, number | null>();
  return (utcMidnightMs, minuteOfDay) => {
    let offset = dayOffsets.get(utcMidnightMs);
    if (offset === undefined) {
      // Any instant of the local day lies within these bounds, whatever the zone (UTC-12 … UTC+14).
      const before = utcOffsetMinutes(timeZone, utcMidnightMs - 14 * HOUR_MS);
      const after = utcOffsetMinutes(timeZone, utcMidnightMs + 38 * HOUR_MS);
      offset = before === after ? before : null;
      dayOffsets.set(utcMidnightMs, offset);
    }
    const wallMs = utcMidnightMs + minuteOfDay * MINUTE_MS;
    if (offset !== null) return wallMs - offset * MINUTE_MS;
    const guess = wallMs - utcOffsetMinutes(timeZone, wallMs) * MINUTE_MS;
    return wallMs - utcOffsetMinutes(timeZone, guess) * MINUTE_MS;
  };
}

import { describe, expect, test } from 'vitest';
import { wallClockIn } from '../src/time/wall-clock.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

/** What Intl itself says the zone's clocks read: the reference the kept offsets must always agree with. */
function intlClock(timeZone: string, ms: number) {
  const format =
    formats.get(timeZone) ??
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
  formats.set(timeZone, format);
  const parts = format.formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

// Zones with summer time (north and south), half- and three-quarter-hour offsets, and one that changed at 00:01.
const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'America/St_Johns',
  'Pacific/Chatham',
  'UTC',
];

describe('wallClockIn', () => {
  test('When asked around every change of offset in 2026–2027, then it reads what Intl reads, to the second', () => {
    for (const zone of ZONES) {
      // Every 47 minutes and 7 seconds over two years lands in each change's hour and the hours either side.
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 2_827_000) {
        const ours = wallClockIn(zone, ms);
        const theirs = intlClock(zone, ms);
        if (Object.entries(theirs).some(([k, v]) => ours[k as keyof typeof ours] !== v)) {
          expect({ zone, at: new Date(ms).toISOString(), ...ours }).toEqual({
            zone,
            at: new Date(ms).toISOString(),
            ...theirs,
          });
        }
      }
    }
  });

  test('When asked at the instants just before and after New York springs forward and falls back, then the clock jumps', () => {
    const at = (iso: string) => wallClockIn('America/New_York', Date.parse(iso));
    expect(at('2026-03-08T06:59:59Z')).toMatchObject({ hour: 1, minute: 59, second: 59 });
    expect(at('2026-03-08T07:00:00Z')).toMatchObject({ hour: 3, minute: 0, second: 0 });
    expect(at('2026-11-01T05:59:59Z')).toMatchObject({ hour: 1, minute: 59, second: 59 });
    expect(at('2026-11-01T06:00:00Z')).toMatchObject({ hour: 1, minute: 0, second: 0 });
  });

  test('When asked with a Date or with milliseconds, and long ago, then the same, Intl’s answer', () => {
    const ms = Date.parse('2027-06-15T12:34:56.789Z');
    expect(wallClockIn('Asia/Kathmandu', new Date(ms))).toEqual(wallClockIn('Asia/Kathmandu', ms));
    expect(wallClockIn('Asia/Kathmandu', ms)).toEqual({
      year: 2027,
      month: 6,
      day: 15,
      hour: 18,
      minute: 19,
      second: 56,
    });
    // New York kept its local mean time (−4:56:02) until 1883: not a whole number of minutes.
    const old = Date.parse('1880-05-01T12:00:00Z');
    expect(wallClockIn('America/New_York', old)).toEqual(intlClock('America/New_York', old));
  });
});

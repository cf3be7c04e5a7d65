import { describe, expect, test } from 'vitest';
import { airportByCode, wallClockIn } from '../src/index.ts';
import { CALIBRATION_PAIRS, calibrationTable } from '../src/network/calibration.ts';
import { flightsOnDay } from '../src/network/flight-legs.ts';
import { sellsThrough } from '../src/network/hubs.ts';
import { flightTimetable } from '../src/network/timetable.ts';

const FULL = flightTimetable({ airports: 100, frequencyFactor: 1 }, 1);
const DEMO = flightTimetable({ airports: 100, frequencyFactor: 0.3 }, 1);
const localMinute = (at: Date, code: string) => {
  const clock = wallClockIn(airportByCode(code)!.timeZone!, at);
  return clock.hour * 60 + clock.minute;
};

describe('the generated network', () => {
  test('When the calibration pairs are generated, then each is within a factor of two of the published figure', () => {
    const table = calibrationTable();
    expect(table).toHaveLength(CALIBRATION_PAIRS.length);
    for (const row of table) {
      expect(row.generated / row.observed, `${row.a}–${row.b}`).toBeGreaterThan(0.45);
      expect(row.generated / row.observed, `${row.a}–${row.b}`).toBeLessThan(2);
    }
  });

  test('When a busy pair is flown, then several airlines fly it several times a day; a thin pair once or twice', () => {
    const legs = flightsOnDay(FULL, '2027-03-05', 1, '2027-02-01');
    const on = (a: string, b: string) => legs.filter((l) => l.origin === a && l.destination === b);
    expect(new Set(on('JFK', 'LAX').map((l) => l.airline)).size).toBeGreaterThanOrEqual(3);
    expect(on('ATL', 'ORD').length).toBeGreaterThanOrEqual(10);
    expect(on('CLE', 'PIT').length).toBe(0); // 180 km: people drive
    expect(on('CMH', 'SAN').length).toBeLessThanOrEqual(2);
  });

  test('When the demo flies Boston to Denver, then there are at least four nonstops on every day of a week', () => {
    for (const date of [
      '2027-03-01',
      '2027-03-02',
      '2027-03-03',
      '2027-03-04',
      '2027-03-05',
      '2027-03-06',
      '2027-03-07',
    ]) {
      const legs = flightsOnDay(DEMO, date, 1, '2027-02-01');
      expect(legs.filter((l) => l.origin === 'BOS' && l.destination === 'DEN').length, date).toBeGreaterThanOrEqual(4);
    }
  });

  test('When a hub carrier leaves its hub, then its departures come in waves; eastbound transcons include a red-eye', () => {
    const legs = flightsOnDay(FULL, '2027-03-05', 1, '2027-02-01');
    const deltaFromAtlanta = legs.filter((l) => l.airline === 'DL' && l.origin === 'ATL');
    // Each departure is within 25 minutes after a wave (06:30 + k × 80 min).
    for (const leg of deltaFromAtlanta) expect((localMinute(leg.departAt, 'ATL') - 390) % 80).toBeLessThanOrEqual(25);
    const westToEast = legs.filter(
      (l) => ['LAX', 'SFO', 'SEA'].includes(l.origin) && ['JFK', 'BOS', 'EWR'].includes(l.destination),
    );
    expect(westToEast.some((l) => localMinute(l.departAt, l.origin) >= 21 * 60 + 30)).toBe(true);
    const toEurope = legs.filter(
      (l) => ['JFK', 'BOS', 'ORD'].includes(l.origin) && ['LHR', 'CDG', 'FRA'].includes(l.destination),
    );
    expect(toEurope.length).toBeGreaterThan(5);
    for (const leg of toEurope) expect(localMinute(leg.departAt, leg.origin)).toBeGreaterThanOrEqual(16 * 60 + 30);
  });

  test('When long and short routes are compared, then long ones have bigger aircraft', () => {
    const seats = (s: (typeof FULL)[number]) => s.cabins.reduce((sum, c) => sum + c.seats, 0);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(FULL.filter((s) => s.km > 6_000).map(seats))).toBeGreaterThan(
      1.5 * mean(FULL.filter((s) => s.km < 1_000).map(seats)),
    );
  });

  test('When airlines connect, then alliance partners sell one ticket and others do not', () => {
    expect(sellsThrough('UA', 'LH')).toBe(true);
    expect(sellsThrough('AA', 'BA')).toBe(true);
    expect(sellsThrough('DL', 'AF')).toBe(true);
    expect(sellsThrough('UA', 'DL')).toBe(false);
    expect(sellsThrough('WN', 'AA')).toBe(false);
    expect(sellsThrough('WN', 'WN')).toBe(true);
  });
});

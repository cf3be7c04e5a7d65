import { airportByCode } from '@tripwise/travel-data';
import { minimumConnectMinutes, sellsThrough } from '@tripwise/travel-data/network';
import { beforeAll, describe, expect, test } from 'vitest';
import { findItineraries, type Itinerary } from '../src/domain/flights/build-itineraries.ts';
import {
  MAX_LAYOVER_MIN,
  SEPARATE_TICKETS_EXTRA_MIN,
  kmBetween,
  tripLimits,
} from '../src/domain/flights/connection.rules.ts';
import { INVENTORY_SCALES } from '../src/domain/inventory/inventory-scale.ts';
import { arrayLegSource, generatedLegs, type GeneratedLeg } from './given-legs.ts';

// The demo's network (what `npm start` seeds) over a week and the days around it: every weekday's timetable.
const START = '2027-03-01';
const WEEK = ['2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05', '2027-03-06', '2027-03-07', '2027-03-08'];
const US_BUSIEST_30 = [
  'ATL',
  'DFW',
  'DEN',
  'LAX',
  'ORD',
  'JFK',
  'LAS',
  'MCO',
  'MIA',
  'CLT',
  'SEA',
  'PHX',
  'EWR',
  'SFO',
  'IAH',
  'BOS',
  'FLL',
  'MSP',
  'LGA',
  'DTW',
  'PHL',
  'SLC',
  'BWI',
  'DCA',
  'SAN',
  'IAD',
  'TPA',
  'BNA',
  'AUS',
  'MDW',
];
let legs: GeneratedLeg[];
let source: ReturnType<typeof arrayLegSource>;
const country = (code: string) => airportByCode(code)!.country;

beforeAll(() => {
  legs = generatedLegs(INVENTORY_SCALES.demo, START, 10);
  source = arrayLegSource(legs);
});

const trip = (origin: string, destination: string, date: string) =>
  findItineraries(source, { origins: [origin], destinations: [destination], date, cabin: 'economy', passengers: 1 });

describe("the demo network's itineraries", () => {
  test('When any two of the 30 busiest US airports are searched on any weekday, then there are at least 5 itineraries', async () => {
    const short: string[] = [];
    for (const date of WEEK) {
      for (const a of US_BUSIEST_30) {
        for (const b of US_BUSIEST_30) {
          // Closer than 250 km (JFK–LGA, MIA–FLL, DCA–BWI…) no one flies: one metro area, or a train ride.
          if (a === b || kmBetween(a, b) < 250) continue;
          const found = await trip(a, b, date);
          if (found.length < 5) short.push(`${a}-${b} ${date}: ${found.length}`);
        }
      }
    }
    expect(short).toEqual([]);
  }, 120_000);

  test('When Boston to Denver is searched on any weekday, then at least 4 of the itineraries are nonstop', async () => {
    for (const date of WEEK) {
      expect((await trip('BOS', 'DEN', date)).filter((i) => i.stops === 0).length, date).toBeGreaterThanOrEqual(4);
    }
  });
});

/** The rules, written again from their statement in connection.rules.ts, for a brute-force check. */
function sellable(first: GeneratedLeg, next: GeneratedLeg, origin: string, destination: string): boolean {
  const international = [first, next].some((l) => country(l.origin) !== country(l.destination));
  const separate = !sellsThrough(first.airline, next.airline);
  const layover = (next.departMs - first.arriveMs) / 60_000;
  const limits = tripLimits(origin, destination);
  const minimum = minimumConnectMinutes(next.origin, international) + (separate ? SEPARATE_TICKETS_EXTRA_MIN : 0);
  const maximum = limits.international ? MAX_LAYOVER_MIN.international : MAX_LAYOVER_MIN.domestic;
  const km = kmBetween(origin, first.destination) + kmBetween(first.destination, destination);
  const nextDay = new Date(Date.parse(`${first.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return (
    (next.date === first.date || next.date === nextDay) &&
    layover >= minimum &&
    layover <= maximum &&
    km <= limits.maxKm &&
    (next.arriveMs - first.departMs) / 60_000 <= limits.maxMinutes
  );
}

describe('connection rules, brute force over a day', () => {
  test.each([
    ['BOS', 'DEN'],
    ['SEA', 'MIA'],
    ['PHL', 'SAN'],
    ['MSP', 'AUS'],
    ['JFK', 'LHR'],
    ['ORD', 'LAX'],
  ])(
    'When %s to %s is searched, then the one-stop itineraries are exactly the sellable pairs of legs',
    async (a, b) => {
      const date = '2027-03-05';
      const found = await trip(a, b, date);
      const oneStop = found
        .filter((i) => i.legs.length === 2)
        .map((i) => i.id)
        .sort();
      const cityOf = (code: string) => airportByCode(code)!.city;
      const expected = legs
        .filter(
          (f) =>
            f.origin === a &&
            f.date === date &&
            f.destination !== b &&
            cityOf(f.destination) !== cityOf(a) &&
            cityOf(f.destination) !== cityOf(b),
        )
        .flatMap((f) =>
          legs
            .filter((n) => n.origin === f.destination && n.destination === b && sellable(f, n, a, b))
            .map((n) => `${f.id}-${n.id}`),
        )
        .sort();
      expect(oneStop).toEqual(expected);
      expect(oneStop.length).toBeGreaterThan(0);
    },
  );

  test('When itineraries are built, then each is priced as its legs, with their fewest seats, and flags what it crosses', async () => {
    const found: Itinerary[] = [];
    for (const [a, b] of [
      ['BOS', 'SFO'],
      ['ATL', 'SEA'],
      ['LAX', 'BOS'],
      ['JFK', 'SIN'],
      ['CLE', 'MNL'],
    ] as const) {
      found.push(...(await trip(a, b, '2027-03-04')));
    }
    expect(found.some((i) => i.stops === 2)).toBe(true); // Cleveland–Manila: long, abroad, no one-stop
    for (const it of found) {
      expect(it.price).toBe(it.legs.reduce((s, l) => s + l.fare, 0));
      expect(it.seatsLeft).toBe(Math.min(...it.legs.map((l) => l.seatsLeft)));
      expect(it.id).toBe(it.legs.map((l) => l.id).join('-'));
      it.legs.slice(1).forEach((leg, k) => {
        expect(leg.origin).toBe(it.legs[k]!.destination);
        expect(it.layovers[k]!.separateTickets).toBe(!sellsThrough(it.legs[k]!.airline, leg.airline));
        expect(leg.departMs).toBeGreaterThan(it.legs[k]!.arriveMs);
      });
      expect(new Set([it.legs[0]!.origin, ...it.legs.map((l) => l.destination)]).size).toBe(it.legs.length + 1);
    }
  });
});

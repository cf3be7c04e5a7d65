import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { captureLogs } from '@tripwise/platform/testing';
import { seedInventory } from '../src/domain/inventory/seed-inventory.ts';
import { givenASearchService } from './given-search-data.ts';

// Flexible dates and Explore over a generated network (the 30 busiest airports), on both engines.
const scale = { name: 'flexible', days: 40, airports: 30, frequencyFactor: 0.2, hotels: 30, cars: 30 };
type Service = Awaited<ReturnType<typeof givenASearchService>>;
const services: Partial<Record<'on' | 'off', Service>> = {};

beforeAll(async () => {
  for (const cache of ['on', 'off'] as const) {
    services[cache] = await givenASearchService({ cache });
    await seedInventory(services[cache].db, { scale, seed: 2, startDate: '2030-01-25', logger: captureLogs().logger });
  }
}, 120_000);
afterAll(async () => {
  for (const s of Object.values(services)) await s.close();
});

const get = async (cache: 'on' | 'off', path: string) => {
  const res = await services[cache]!.get(path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('GET /api/search/flights/date-grid', () => {
  test('When a round trip is asked, then each cell is the cheapest fitting round trip a search finds for those dates', async () => {
    const grid = await get(
      'on',
      '/api/search/flights/date-grid?origin=ATL&destination=LAX&date=2030-02-14&returnDate=2030-02-18',
    );
    expect(grid.departDates).toHaveLength(7);
    expect(grid.returnDates).toHaveLength(7);
    expect(grid.cells).toHaveLength(46); // 49 pairs less the three returns before their departure
    expect(
      await get(
        'off',
        '/api/search/flights/date-grid?origin=ATL&destination=LAX&date=2030-02-14&returnDate=2030-02-18',
      ),
    ).toEqual(grid);
    for (const cell of grid.cells.filter((_: unknown, i: number) => i % 9 === 0)) {
      const search = await get(
        'on',
        `/api/search/flights?origin=ATL&destination=LAX&date=${cell.departDate}&returnDate=${cell.returnDate}&sort=price&limit=1`,
      );
      expect(cell.price?.amount ?? null).toBe(search.items[0]?.price.amount ?? null);
    }
    const prices = grid.cells.filter((c: any) => c.price).map((c: any) => c.price.amount);
    expect(grid.cheapest.price.amount).toBe(Math.min(...prices));
  });

  test('When the dates are wrong, then it is a 400 naming the field', async () => {
    const res = await services.on!.get(
      '/api/search/flights/date-grid?origin=ATL&destination=LAX&date=2030-02-14&returnDate=2030-02-10',
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('returnDate');
  });
});

describe('GET /api/search/flights/calendar', () => {
  test('When a month is asked, then each day is the cheapest one-way itinerary a search finds that day', async () => {
    const calendar = await get('on', '/api/search/flights/calendar?origin=ATL&destination=DEN&month=2030-02');
    expect(calendar.days).toHaveLength(28);
    expect(await get('off', '/api/search/flights/calendar?origin=ATL&destination=DEN&month=2030-02')).toEqual(calendar);
    for (const day of calendar.days.filter((_: unknown, i: number) => i % 6 === 0)) {
      const search = await get(
        'on',
        `/api/search/flights?origin=ATL&destination=DEN&date=${day.date}&sort=price&limit=1`,
      );
      expect(day.price.amount).toBe(search.items[0].price.amount);
      expect(day.itineraryId).toBe(search.items[0].id);
    }
    const res = await services.on!.get('/api/search/flights/calendar?origin=ATL&destination=DEN&month=2030-13');
    expect(res.status).toBe(400);
  });
});

describe('GET /api/search/explore', () => {
  test('When Seattle explores "warm" in February, then warm destinations come cheapest first, each a trip a search finds', async () => {
    const answer = await get('on', '/api/search/explore?origin=SEA&month=2030-02&theme=warm&tripLength=5');
    expect(answer.items.length).toBeGreaterThan(0);
    expect(await get('off', '/api/search/explore?origin=SEA&month=2030-02&theme=warm&tripLength=5')).toEqual(answer);
    const prices = answer.items.map((i: any) => i.price.amount);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    for (const item of answer.items) {
      expect(item.themes).toContain('warm');
      expect(item.averageHighC).toBeGreaterThanOrEqual(24);
      expect(item.departDate.startsWith('2030-02')).toBe(true);
      const { origin, destination, date, returnDate } = item.search;
      const search = await get(
        'on',
        `/api/search/flights?origin=${origin}&destination=${destination}&date=${date}&returnDate=${returnDate}&sort=price&limit=1`,
      );
      expect(search.items[0].price.amount).toBeLessThanOrEqual(item.price.amount);
    }
    expect(answer.items.map((i: any) => i.destination.code)).not.toContain('DEN');
  });

  test('When a budget is given, then nothing costs more; a theme that is unknown is a 400', async () => {
    const all = await get('on', '/api/search/explore?origin=NYC&month=2030-02');
    const budget = all.items[Math.floor(all.items.length / 2)].price.amount;
    const within = await get('on', `/api/search/explore?origin=NYC&month=2030-02&maxPrice=${budget}`);
    expect(within.items.length).toBeGreaterThan(0);
    for (const item of within.items) expect(item.price.amount).toBeLessThanOrEqual(budget);
    expect((await services.on!.get('/api/search/explore?origin=NYC&theme=desert')).status).toBe(400);
  });
});

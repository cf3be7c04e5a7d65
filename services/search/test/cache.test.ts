import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMetrics } from '@tripwise/platform/metrics';
import { createSearchCache } from '../src/domain/cache/search-cache.ts';
import { DAY, givenASearchService } from './given-search-data.ts';

let service: Awaited<ReturnType<typeof givenASearchService>>;
let flightId: string;
beforeAll(async () => {
  service = await givenASearchService();
  const { rows } = await service.db.query<{ id: number }>(
    `INSERT INTO flights (airline, flight_number, origin, destination, stops, depart_at, arrive_at, depart_date, duration_min, refundable)
     VALUES ('DL', '7', 'ATL', 'SEA', 0, '2030-03-01T14:00Z', '2030-03-01T20:00Z', $1, 360, true) RETURNING id`,
    [DAY],
  );
  flightId = String(rows[0]!.id);
  await service.db.query(
    `INSERT INTO flight_cabins (flight_id, cabin, price_minor, seats_total) VALUES ($1, 'economy', 31000, 4)`,
    [flightId],
  );
});
afterAll(() => service.close());

const search = () => service.get(`/api/search/flights?origin=ATL&destination=SEA&date=${DAY}`);
async function count(metric: string, kind: string, result: 'hit' | 'miss'): Promise<number> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${metric}{`) && l.includes(`kind="${kind}"`) && l.includes(`result="${result}"`));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('the search cache', () => {
  test('When the same car search runs twice, then the second answer is the stored one, the same', async () => {
    const cars = () => service.get(`/api/search/cars?location=DEN&pickupDate=${DAY}&dropoffDate=2030-03-04`);
    const hitsBefore = await count('search_cache_requests_total', 'cars', 'hit');
    const first = await cars();
    const second = await cars();
    expect(second.body).toEqual(first.body);
    expect((await count('search_cache_requests_total', 'cars', 'hit')) - hitsBefore).toBe(1);
  });

  test('When a day is searched again, then the flights held in memory answer it, the same', async () => {
    const first = await search();
    const hitsBefore = await count('search_held_requests_total', 'flights', 'hit');
    const second = await search();
    expect(second.body).toEqual(first.body);
    expect((await count('search_held_requests_total', 'flights', 'hit')) - hitsBefore).toBe(1);
  });

  test('When seats are held, then the next search is recomputed and shows fewer seats left; released, they come back', async () => {
    expect((await search()).body.items[0].seatsLeft).toBe(4);
    const hold = await service.internal('POST', '/internal/holds', {
      holdId: randomUUID(),
      items: [{ kind: 'flight', flightId, cabin: 'economy', seats: 3 }],
    });
    expect((await search()).body.items[0].seatsLeft).toBe(1);
    await service.internal('POST', `/internal/holds/${hold.body.id}/release`);
    expect((await search()).body.items[0].seatsLeft).toBe(4);
  });

  test('When an admin changes a listing, then searches on its day are recomputed', async () => {
    expect((await search()).body.total).toBe(1);
    const admin = await service.token('admin');
    await service.as(admin, 'PATCH', `/api/listings/flights/${flightId}`, { status: 'removed' });
    expect((await search()).body.total).toBe(0);
  });
});

describe('the search result cache turned off', () => {
  test('When the cache is off, then the same search is computed afresh each time', async () => {
    const cache = createSearchCache(service.kv, createMetrics('search_cache_off'), { enabled: false });
    let computed = 0;
    const compute = async () => ({ n: ++computed });
    expect(await cache.cached('cars', ['ZZZ'], { q: 1 }, compute)).toEqual({ n: 1 });
    expect(await cache.cached('cars', ['ZZZ'], { q: 1 }, compute)).toEqual({ n: 2 });
  });
});

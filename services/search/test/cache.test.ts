import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMetrics } from '@tripwise/platform/metrics';
import { createMemoryDetails } from '../src/domain/cache/memory-details.ts';
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
  test('When the same place is searched for cars again, then the cars kept in memory answer it, the same', async () => {
    const cars = () => service.get(`/api/search/cars?location=DEN&pickupDate=${DAY}&dropoffDate=2030-03-04`);
    const first = await cars();
    const hitsBefore = await count('search_memory_requests_total', 'cars', 'hit');
    const second = await cars();
    expect(second.body).toEqual(first.body);
    expect((await count('search_memory_requests_total', 'cars', 'hit')) - hitsBefore).toBe(1);
  });

  test('When a day is searched again, then the flights kept in memory answer it, the same', async () => {
    const first = await search();
    const hitsBefore = await count('search_memory_requests_total', 'flights', 'hit');
    const second = await search();
    expect(second.body).toEqual(first.body);
    // The day and the next (where a connection's later legs may leave): each once.
    expect((await count('search_memory_requests_total', 'flights', 'hit')) - hitsBefore).toBe(2);
  });

  test('When seats are held, then the next search reads the day again and shows fewer seats left; released, they come back', async () => {
    expect((await search()).body.items[0].seatsLeft).toBe(4);
    const missesBefore = await count('search_memory_requests_total', 'flights', 'miss');
    const hold = await service.internal('POST', '/internal/holds', {
      holdId: randomUUID(),
      items: [{ kind: 'flight', flightId, cabin: 'economy', seats: 3 }],
    });
    expect((await search()).body.items[0].seatsLeft).toBe(1);
    expect((await count('search_memory_requests_total', 'flights', 'miss')) - missesBefore).toBe(1);
    await service.internal('POST', `/internal/holds/${hold.body.id}/release`);
    expect((await search()).body.items[0].seatsLeft).toBe(4);
  });

  test('When the last car of a kind is held, then it is gone from searches of those days; released, it is back', async () => {
    const { rows } = await service.db.query<{ id: number }>(
      `INSERT INTO cars (company, location_code, city, car_class, model, year, transmission, seats, units, daily_price_minor, policies)
       VALUES ('Avis', 'SEA', 'Seattle', 'convertible', 'Mustang', 2026, 'automatic', 4, 1, 9900, '{}') RETURNING id`,
    );
    const carId = String(rows[0]!.id);
    const cars = () => service.get(`/api/search/cars?location=SEA&pickupDate=${DAY}&dropoffDate=2030-03-03`);
    expect((await cars()).body.items.map((c: { id: string }) => c.id)).toEqual([carId]);
    const hold = await service.internal('POST', '/internal/holds', {
      holdId: randomUUID(),
      items: [{ kind: 'car', carId, pickupDate: '2030-03-02', dropoffDate: '2030-03-05' }],
    });
    expect(hold.status).toBe(201);
    expect((await cars()).body.total).toBe(0);
    await service.internal('POST', `/internal/holds/${hold.body.id}/release`);
    expect((await cars()).body.items[0]).toMatchObject({ id: carId, unitsLeft: 1 });
  });

  test('When an admin changes a listing, then searches on its day read it again', async () => {
    expect((await search()).body.total).toBe(1);
    const admin = await service.token('admin');
    await service.as(admin, 'PATCH', `/api/listings/flights/${flightId}`, { status: 'removed' });
    expect((await search()).body.total).toBe(0);
  });
});

describe('details pages kept in memory', () => {
  test('When a flight is opened again and nothing changed, then the kept page answers; seats held, it is read again', async () => {
    const { rows } = await service.db.query<{ id: number }>(
      `INSERT INTO flights (airline, flight_number, origin, destination, stops, depart_at, arrive_at, depart_date, duration_min, refundable)
       VALUES ('AS', '11', 'SEA', 'ATL', 0, '2030-03-01T18:00Z', '2030-03-02T00:00Z', $1, 360, false) RETURNING id`,
      [DAY],
    );
    const id = String(rows[0]!.id);
    await service.db.query(
      `INSERT INTO flight_cabins (flight_id, cabin, price_minor, seats_total) VALUES ($1, 'economy', 29000, 9)`,
      [id],
    );
    const details = () => service.get(`/api/search/flights/${id}`);
    await details(); // learns the flight's day
    await details(); // read under the day's version
    const hitsBefore = await count('search_details_requests_total', 'flights', 'hit');
    const kept = await details();
    expect((await count('search_details_requests_total', 'flights', 'hit')) - hitsBefore).toBe(1);
    const seats = (page: { body: { cabins: { cabin: string; seatsLeft: number }[] } }) =>
      page.body.cabins.find((c) => c.cabin === 'economy')!.seatsLeft;
    const hold = await service.internal('POST', '/internal/holds', {
      holdId: randomUUID(),
      items: [{ kind: 'flight', flightId: id, cabin: 'economy', seats: 2 }],
    });
    expect(seats(await details())).toBe(seats(kept) - 2);
    await service.internal('POST', `/internal/holds/${hold.body.id}/release`);
    expect(seats(await details())).toBe(seats(kept));
  });

  test('When a kept page is older than its limit, then it is read again though nothing changed', async () => {
    let clock = 0;
    const inMemory = createMemoryDetails({
      cache: createSearchCache(service.kv),
      metrics: createMetrics('details_age'),
      maxEntries: 10,
      maxAgeMs: 1_000,
      now: () => clock,
    });
    let reads = 0;
    const load = async () => ({ answer: ++reads, scope: 'ZZZ' });
    expect([
      await inMemory.get('cars', '1', load),
      await inMemory.get('cars', '1', load),
      await inMemory.get('cars', '1', load),
    ]).toEqual([1, 2, 2]);
    clock = 1_000;
    expect(await inMemory.get('cars', '1', load)).toBe(3);
  });
});

describe('the search cache turned off', () => {
  test('When the cache is off, then every search is the database’s: nothing is kept in memory', async () => {
    const off = await givenASearchService({ cache: 'off' });
    try {
      const answers = await Promise.all(
        [
          `/api/search/flights?origin=ATL&destination=SEA&date=${DAY}`,
          `/api/search/hotels?city=DEN&checkIn=${DAY}&checkOut=2030-03-03`,
          `/api/search/cars?location=DEN&pickupDate=${DAY}&dropoffDate=2030-03-04`,
        ].map((path) => off.get(path)),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      const metrics = await (await fetch(`${off.url}/metrics`)).text();
      expect(metrics).not.toMatch(/^search_memory_requests_total\{/m);
    } finally {
      await off.close();
    }
  });
});

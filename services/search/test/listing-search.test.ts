import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { givenASearchService } from './given-search-data.ts';

let service: Awaited<ReturnType<typeof givenASearchService>>;
beforeAll(async () => {
  service = await givenASearchService();
});
afterAll(() => service.close());

const car = (model: string, dailyPrice: number, locationCode = 'DEN', city = 'Denver') => ({
  company: 'Hertz',
  locationCode,
  city,
  carClass: 'suv',
  model,
  year: 2029,
  transmission: 'automatic',
  seats: 5,
  units: 3,
  dailyPrice,
  policies: { freeCancellationHours: 24, mileage: 'unlimited', minimumDriverAge: 21, fuelPolicy: 'full_to_full' },
});

async function givenAnOwnerWithCars() {
  const ownerId = randomUUID();
  const owner = await service.token('owner', ownerId);
  const tag = randomUUID().slice(0, 6);
  const ids: string[] = [];
  for (const [model, price, code, city] of [
    [`Škoda Octavia ${tag}`, 4_000, 'ZRH', 'Zürich'],
    [`Toyota RAV4 ${tag}`, 6_500, 'DEN', 'Denver'],
    [`Ford Focus ${tag}`, 3_000, 'DEN', 'Denver'],
  ] as const) {
    ids.push((await service.as(owner, 'POST', '/api/listings/cars', car(model, price, code, city))).body.id);
  }
  return { ownerId, owner, tag, ids };
}

describe('GET /api/listings/:kind', () => {
  test('When an owner sorts by price, then pages follow the order with a total, and only their own listings', async () => {
    const { owner, ids } = await givenAnOwnerWithCars();
    const first = await service.as(owner, 'GET', '/api/listings/cars?sort=price&limit=2');
    expect(first).toMatchObject({ status: 200, body: { total: 3, nextCursor: expect.any(String) } });
    expect(first.body.items.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[0]]);
    const second = await service.as(
      owner,
      'GET',
      `/api/listings/cars?sort=price&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body).toMatchObject({ items: [{ id: ids[1] }], nextCursor: null });
  });

  test('When words, a city or statuses are given, then only matching listings come back (accents ignored)', async () => {
    const { owner, tag, ids } = await givenAnOwnerWithCars();
    const byWords = await service.as(owner, 'GET', `/api/listings/cars?q=skoda%20octavia%20${tag}`);
    expect(byWords.body).toMatchObject({ total: 1, items: [{ id: ids[0] }] });
    const byCity = await service.as(owner, 'GET', '/api/listings/cars?city=zurich');
    expect(byCity.body.items.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    const byCode = await service.as(owner, 'GET', '/api/listings/cars?city=DEN&sort=name');
    expect(byCode.body.items.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    const admin = await service.token('admin');
    await service.as(admin, 'POST', `/api/listings/cars/${ids[1]}/decision`, { action: 'approve' });
    const live = await service.as(owner, 'GET', '/api/listings/cars?status=active&status=paused');
    expect(live.body).toMatchObject({ total: 1, items: [{ id: ids[1], status: 'active' }] });
  });

  test("When an admin filters by owner, then that owner's listings come back; an owner's ownerId is ignored", async () => {
    const { ownerId, ids } = await givenAnOwnerWithCars();
    const admin = await service.token('admin');
    const res = await service.as(admin, 'GET', `/api/listings/cars?ownerId=${ownerId}`);
    expect(res.body).toMatchObject({ total: 3 });
    expect(res.body.items.map((c: { id: string }) => c.id).sort()).toEqual([...ids].sort());
    const other = await service.token('owner', randomUUID());
    expect((await service.as(other, 'GET', `/api/listings/cars?ownerId=${ownerId}`)).body).toMatchObject({ total: 0 });
  });

  test('When the query is invalid, then 400 names the parameter', async () => {
    const owner = await service.token('owner');
    for (const [query, field] of [
      ['status=gone', 'status'],
      ['sort=stars', 'sort'],
      ['ownerId=bob', 'ownerId'],
      ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ]) {
      const res = await service.as(owner, 'GET', `/api/listings/cars?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe(field);
    }
  });
});

describe('GET /api/listings/summary', () => {
  test('When an owner has listings in several statuses, then the counters say how many of each', async () => {
    const { owner, ids } = await givenAnOwnerWithCars();
    const admin = await service.token('admin');
    await service.as(admin, 'POST', `/api/listings/cars/${ids[0]}/decision`, { action: 'approve' });
    await service.as(admin, 'POST', `/api/listings/cars/${ids[1]}/decision`, { action: 'reject', note: 'no' });
    const res = await service.as(owner, 'GET', '/api/listings/summary');
    expect(res).toMatchObject({
      status: 200,
      body: {
        hotels: { pending: 0, active: 0 },
        cars: { pending: 1, active: 1, paused: 0, suspended: 0, rejected: 1 },
        changesWaiting: 0,
      },
    });
    expect(res.body.flights).toBeUndefined();
    expect((await service.as(admin, 'GET', '/api/listings/summary')).body.flights).toBeDefined();
    expect((await service.as(await service.token('traveler'), 'GET', '/api/listings/summary')).status).toBe(403);
  });
});

describe('POST /internal/demo-owner', () => {
  test('When the demo owner is given listings, then they own them once; a second call gives nothing more', async () => {
    const admin = await service.token('admin');
    await service.as(admin, 'POST', '/api/listings/cars', car('Demo Fleet', 5_000, 'SEA', 'Seattle'));
    const ownerId = randomUUID();
    const first = await service.internal('POST', '/internal/demo-owner', { ownerId, hotels: 0, cars: 1 });
    expect(first).toMatchObject({ status: 200, body: { assigned: true, hotels: 0, cars: 1 } });
    const mine = await service.as(await service.token('owner', ownerId), 'GET', '/api/listings/cars');
    expect(mine.body.total).toBe(1);
    const again = await service.internal('POST', '/internal/demo-owner', { ownerId, hotels: 5, cars: 5 });
    expect(again.body).toMatchObject({ assigned: false });
    expect((await service.internal('POST', '/internal/demo-owner', { ownerId }, null)).status).toBe(401);
  });
});

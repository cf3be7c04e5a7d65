import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMetrics } from '@tripwise/platform/metrics';
import { createCityHotelsIndex } from '../src/domain/cache/city-hotels-index.ts';
import { createMemoryMetrics } from '../src/domain/cache/memory-scopes.ts';
import { createSearchCache } from '../src/domain/cache/search-cache.ts';
import { givenASearchService } from './given-search-data.ts';

let service: Awaited<ReturnType<typeof givenASearchService>>;
let hotelId: number;
let roomId: number;

async function addHotel(city: string, name: string, units: number, price: number) {
  const { rows } = await service.db.query<{ id: number }>(
    `INSERT INTO hotels (name, city_code, city, country, address, neighborhood, latitude, longitude, stars, rating_tenths, policies)
     VALUES ($1, $2, 'Somewhere', 'United States', '1 Main St', 'Centre', 40, -100, 4, 80, '{}') RETURNING id`,
    [name, city],
  );
  const hotel = Number(rows[0]!.id);
  const room = await service.db.query<{ id: number }>(
    `INSERT INTO room_types (hotel_id, name, capacity, units, nightly_price_minor) VALUES ($1, 'King', 2, $2, $3) RETURNING id`,
    [hotel, units, price],
  );
  return { hotel, room: Number(room.rows[0]!.id) };
}

beforeAll(async () => {
  service = await givenASearchService({ cache: 'on' });
  ({ hotel: hotelId, room: roomId } = await addHotel('SEA', 'Harbour Inn', 1, 18_000));
});
afterAll(() => service.close());

const search = () => service.get('/api/search/hotels?city=SEA&checkIn=2030-03-01&checkOut=2030-03-03');
async function indexCount(result: 'hit' | 'miss'): Promise<number> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith('search_memory_requests_total{') &&
        l.includes('kind="hotels"') &&
        l.includes(`result="${result}"`),
    );
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('hotel searches in a city kept in memory (the cache on)', () => {
  test('When the same city is searched again, then it is answered from memory with the same hotels and details', async () => {
    const first = await search();
    const hits = await indexCount('hit');
    const second = await service.get('/api/search/hotels?city=SEA&checkIn=2030-03-05&checkOut=2030-03-06&sort=rating');
    expect((await indexCount('hit')) - hits).toBe(1);
    expect(first.body.items).toEqual([
      expect.objectContaining({ id: String(hotelId), name: 'Harbour Inn', address: '1 Main St', roomsLeft: 1 }),
    ]);
    expect(second.body.items[0]).toMatchObject({ name: 'Harbour Inn', nightlyPrice: { amount: 18_000 } });
  });

  test('When the last room is held for some of the nights, then the hotel is gone from those nights only; released, it is back', async () => {
    expect((await search()).body.total).toBe(1);
    const hold = await service.internal('POST', '/internal/holds', {
      holdId: randomUUID(),
      items: [{ kind: 'room', roomTypeId: String(roomId), checkIn: '2030-03-02', checkOut: '2030-03-03', rooms: 1 }],
    });
    expect(hold.status).toBe(201);
    expect((await search()).body.total).toBe(0);
    expect((await service.get('/api/search/hotels?city=SEA&checkIn=2030-03-03&checkOut=2030-03-04')).body.total).toBe(
      1,
    );
    await service.internal('POST', `/internal/holds/${hold.body.id}/release`);
    expect((await search()).body.items[0]).toMatchObject({ id: String(hotelId), roomsLeft: 1 });
  });

  test("When an owner changes the room's price or an admin removes the hotel, then the next search shows it", async () => {
    await search();
    const admin = await service.token('admin');
    const edit = await service.as(admin, 'PATCH', `/api/listings/hotels/${hotelId}`, {
      name: 'Harbour Inn & Suites',
      rooms: [{ id: String(roomId), name: 'King', capacity: 2, units: 1, nightlyPrice: 16_500 }],
    });
    expect(edit.status).toBe(200);
    expect((await search()).body.items[0]).toMatchObject({
      name: 'Harbour Inn & Suites',
      nightlyPrice: { amount: 16_500 },
    });
    await service.as(admin, 'PATCH', `/api/listings/hotels/${hotelId}`, { status: 'removed' });
    expect((await search()).body).toMatchObject({ total: 0, items: [] });
  });
  test('When a hotel is moved to another city, then the city it left drops it and the one it joins shows it', async () => {
    const { hotel } = await addHotel('ABQ', 'Adobe Inn', 2, 12_000);
    const inCity = async (code: string) =>
      (await service.get(`/api/search/hotels?city=${code}&checkIn=2030-03-01&checkOut=2030-03-02`)).body.items.map(
        (h: { id: string }) => h.id,
      );
    expect(await inCity('ABQ')).toEqual([String(hotel)]);
    expect(await inCity('ELP')).toEqual([]);
    const admin = await service.token('admin');
    const moved = await service.as(admin, 'PATCH', `/api/listings/hotels/${hotel}`, { cityCode: 'ELP' });
    expect(moved.status).toBe(200);
    expect(await inCity('ABQ')).toEqual([]);
    expect(await inCity('ELP')).toEqual([String(hotel)]);
  });
});

describe('the city index on its own', () => {
  const indexOver = (maxHotels: number, name: string) => {
    const metrics = createMetrics(name);
    const cache = createSearchCache(service.kv);
    return {
      cache,
      index: createCityHotelsIndex({ db: service.db, cache, metrics: createMemoryMetrics(metrics), maxHotels }),
    };
  };

  test('When another instance changes a city, then this one reads the city again before it answers', async () => {
    const mine = indexOver(100, 'city_index_a');
    const theirs = indexOver(100, 'city_index_b');
    const { room } = await addHotel('PDX', 'Rose Hotel', 3, 20_000);
    const nightly = async () => (await mine.index.get('PDX')).city.roomNightly[0];
    expect(await nightly()).toBe(20_000);
    await service.db.query('UPDATE room_types SET nightly_price_minor = 17000 WHERE id = $1', [room]);
    // Unannounced, the change is not seen (what the version is for); announced by the other instance, it is.
    expect(await nightly()).toBe(20_000);
    await theirs.cache.invalidate('hotels', 'PDX');
    expect(await nightly()).toBe(17_000);
  });

  test('When more hotels are searched than it may hold, then the least recently searched city is let go and read again', async () => {
    await addHotel('BOI', 'Boise One', 1, 10_000);
    await addHotel('BOI', 'Boise Two', 1, 10_000);
    await addHotel('RNO', 'Reno One', 1, 10_000);
    const { index } = indexOver(2, 'city_index_small');
    const boise = await index.get('BOI');
    expect((await index.get('BOI')).city).toBe(boise.city);
    await index.get('RNO');
    expect((await index.get('BOI')).city).not.toBe(boise.city);
  });

  test('When a page names a hotel that is gone from the database, then it has no card and the others keep theirs', async () => {
    const { index } = indexOver(100, 'city_index_cards');
    const { hotel } = await addHotel('SLC', 'Salt Inn', 1, 10_000);
    const city = await index.get('SLC');
    await service.db.query('DELETE FROM hotels WHERE id = $1', [hotel]);
    expect((await city.cards([hotel])).size).toBe(0);
    const { hotel: other } = await addHotel('SLC', 'Lake Inn', 1, 10_000);
    expect((await city.cards([other])).get(other)).toMatchObject({ name: 'Lake Inn' });
  });
});

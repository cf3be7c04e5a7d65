import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { captureLogs } from '@tripwise/platform/testing';
import { createSearchCache } from '../src/domain/cache/search-cache.ts';
import { PRICE_CHANNEL, createPriceMarket, type PriceChangedEvent } from '../src/domain/market/price-market.ts';
import { nextPrice } from '../src/domain/market/price-model.ts';
import { givenASearchService, insertCars, insertFlights, insertHotels, prng } from './given-search-data.ts';

describe('the price model', () => {
  test('When a price takes many steps, then it stays within half and two and a half times its base, in whole dollars', () => {
    const random = prng(7);
    let price = 30_000;
    for (let i = 0; i < 5_000; i++) {
      price = nextPrice({ current: price, base: 30_000, fractionLeft: 0.5 }, random).price;
      expect(price).toBeGreaterThanOrEqual(15_000);
      expect(price).toBeLessThanOrEqual(75_000);
      expect(price % 100).toBe(0);
    }
  });

  test('When a price starts far from its base, then it drifts back toward it', () => {
    const random = prng(8);
    let price = 70_000;
    for (let i = 0; i < 40; i++) price = nextPrice({ current: price, base: 30_000, fractionLeft: 0.5 }, random).price;
    expect(Math.abs(price - 30_000)).toBeLessThan(10_000);
  });

  test('When little is left, then the price is at least 10% above base and says scarcity', () => {
    const random = prng(9);
    for (let i = 0; i < 200; i++) {
      const move = nextPrice({ current: 20_000, base: 20_000, fractionLeft: 0.05 }, random);
      expect(move.reason).toBe('scarcity');
      expect(move.price).toBeGreaterThanOrEqual(22_000);
    }
  });

  test('When there is plenty left, then promotions happen now and then, always below base', () => {
    const random = prng(10);
    const moves = Array.from({ length: 5_000 }, () =>
      nextPrice({ current: 20_000, base: 20_000, fractionLeft: 0.9 }, random),
    );
    const promotions = moves.filter((m) => m.reason === 'promotion');
    expect(promotions.length).toBeGreaterThan(40);
    expect(promotions.length).toBeLessThan(200);
    for (const p of promotions) expect(p.price).toBeLessThan(20_000);
  });
});

let service: Awaited<ReturnType<typeof givenASearchService>>;
beforeAll(async () => {
  service = await givenASearchService();
  await insertFlights(service.db, 30);
  await insertHotels(service.db, 20);
  await insertCars(service.db, 20);
});
afterAll(() => service.close());

function marketOn(seed: number, tickMs = 60_000) {
  return createPriceMarket({
    db: service.db,
    kv: service.kv,
    cache: createSearchCache(service.kv),
    logger: captureLogs('search').logger,
    random: prng(seed),
    sample: { flight: 500, room: 500, car: 500 },
    tickMs,
  });
}
const releaseLock = () => service.kv.del('search:price-market-lock');

describe('the price market', () => {
  test('When the market ticks, then changed prices are stored with their history and base, and published', async () => {
    const before = new Map(
      (
        await service.db.query<{ flight_id: number; cabin: string; price_minor: number }>(
          'SELECT flight_id, cabin, price_minor FROM flight_cabins',
        )
      ).rows.map((r) => [`${r.flight_id}:${r.cabin}`, r.price_minor]),
    );
    const published: PriceChangedEvent[] = [];
    const unsubscribe = await service.kv.subscribe(PRICE_CHANNEL, (message) => published.push(JSON.parse(message)));
    await releaseLock();
    const events = await marketOn(1).tick();
    await expect.poll(() => published.length).toBe(events.length);
    await unsubscribe();

    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set(['flight', 'room', 'car']));
    expect(published).toEqual(events);
    for (const e of events.filter((x) => x.kind === 'flight')) {
      expect(e.oldPrice).toBe(before.get(`${e.listingId}:${e.unit}`));
      const { rows } = await service.db.query<{ price_minor: number; base_price_minor: number }>(
        'SELECT price_minor, base_price_minor FROM flight_cabins WHERE flight_id = $1 AND cabin = $2',
        [e.listingId, e.unit],
      );
      expect(rows[0]).toEqual({ price_minor: e.newPrice, base_price_minor: e.oldPrice });
    }
    const history = await service.db.query<{ n: number }>('SELECT count(*)::int AS n FROM price_history');
    expect(history.rows[0]!.n).toBe(events.length);
    // Every event says where it is: a flight's route and date, a room's hotel and city, a car's place.
    const flightEvent = events.find((e) => e.kind === 'flight')!;
    expect(flightEvent.context).toMatchObject({
      origin: expect.any(String),
      destination: expect.any(String),
      date: expect.any(String),
    });
    expect(events.find((e) => e.kind === 'room')!.context).toMatchObject({ hotelId: expect.any(Number), city: 'DEN' });
  });

  test('When a consumer missed events, then it reads them again from the internal feed, in order, after any id', async () => {
    await releaseLock();
    const events = await marketOn(42).tick();
    const firstId = events[0]!.id;
    const feed = await service.internal('GET', `/internal/price-events?after=${firstId - 1}&limit=1000`);
    expect(feed.status).toBe(200);
    expect(feed.body.items.slice(0, events.length)).toEqual(events);
    const later = await service.internal('GET', `/internal/price-events?after=${events.at(-1)!.id}`);
    expect(later.body.items).toEqual([]);
    const latest = await service.internal('GET', '/internal/price-events?latest=true');
    expect(latest.body.items).toEqual([events.at(-1)]);
    expect((await service.internal('GET', '/internal/price-events', undefined, null)).status).toBe(401);
  });

  test('When a price moves, then the cached search shows the new price and the details show its trend', async () => {
    // The last flight is in every tick's sample (a run of ids from a random start up to the end).
    const [target] = (
      await service.db.query<{ id: number; origin: string; destination: string; depart_date: string }>(
        `SELECT f.id, origin, destination, depart_date FROM flights f JOIN flight_cabins c ON c.flight_id = f.id
         WHERE c.cabin = 'economy' AND c.seats_taken < c.seats_total ORDER BY f.id DESC LIMIT 1`,
      )
    ).rows;
    const path = `/api/search/flights?origin=${target!.origin}&destination=${target!.destination}&date=${target!.depart_date}&limit=100`;
    const priceIn = async () =>
      (await service.get(path)).body.items.find((i: any) => i.id === String(target!.id))?.price.amount;
    const cachedPrice = await priceIn();
    expect(cachedPrice).toBeGreaterThan(0);
    let moved: PriceChangedEvent | undefined;
    for (let seed = 100; !moved && seed < 120; seed++) {
      await releaseLock();
      moved = (await marketOn(seed).tick()).find(
        (e) => e.kind === 'flight' && e.listingId === String(target!.id) && e.unit === 'economy',
      );
    }
    expect(moved).toBeDefined();
    expect(moved!.newPrice).not.toBe(cachedPrice);
    expect(await priceIn()).toBe(moved!.newPrice);

    const details = await service.get(`/api/search/flights/${target!.id}`);
    const economy = details.body.cabins.find((c: any) => c.cabin === 'economy');
    expect(economy.price.amount).toBe(moved!.newPrice);
    expect(economy.priceTrend.points.at(-1).price).toBe(moved!.newPrice);
    expect(economy.priceTrend.avg30).toBeGreaterThan(0);
    expect(economy.priceTrend.avg60).toBe(economy.priceTrend.avg30);
  });

  test("When a room's price moves, then the hotel's details show that room's trend ending at the new price", async () => {
    let moved: PriceChangedEvent | undefined;
    for (let seed = 200; !moved && seed < 220; seed++) {
      await releaseLock();
      moved = (await marketOn(seed).tick()).find((e) => e.kind === 'room');
    }
    expect(moved).toBeDefined();
    const details = await service.get(`/api/search/hotels/${String(moved!.context.hotelId)}`);
    const room = details.body.rooms.find((r: { id: string }) => r.id === moved!.listingId);
    expect(room.nightlyPrice.amount).toBe(moved!.newPrice);
    expect(room.priceTrend.points.at(-1).price).toBe(moved!.newPrice);
  });

  test('When two instances tick at once, then only one moves prices', async () => {
    await releaseLock();
    const [a, b] = await Promise.all([marketOn(2).tick(), marketOn(3).tick()]);
    expect([a.length > 0, b.length > 0].filter(Boolean)).toHaveLength(1);
    // Until the lock lapses, nobody else ticks either.
    expect(await marketOn(4).tick()).toEqual([]);
  });
});

describe('impressions and views', () => {
  const statsOf = async (kind: string, id: string | number) =>
    (
      await service.db.query<{ impressions: number; views: number }>(
        'SELECT impressions, views FROM listing_stats WHERE kind = $1 AND listing_id = $2',
        [kind, id],
      )
    ).rows[0];

  test('When hotels are shown and one is opened, then the counts are written at the next flush', async () => {
    const found = await service.get(`/api/search/hotels?city=DEN&checkIn=2030-03-01&checkOut=2030-03-02&limit=5`);
    expect(found.body.items.length).toBeGreaterThan(0);
    const first = found.body.items[0].id;
    await service.get(`/api/search/hotels?city=DEN&checkIn=2030-03-01&checkOut=2030-03-02&limit=5`);
    await service.get(`/api/search/hotels/${first}`);
    expect(await statsOf('hotel', first)).toBeUndefined();
    await service.search.stats.flush();
    expect(await statsOf('hotel', first)).toEqual({ impressions: 2, views: 1 });
  });

  test('When the write fails, then the counts are kept and written by the next flush', async () => {
    const car = (
      await service.get(`/api/search/cars?location=DEN&pickupDate=2030-03-01&dropoffDate=2030-03-02&limit=1`)
    ).body.items[0].id;
    await service.db.query('ALTER TABLE listing_stats RENAME TO listing_stats_away');
    try {
      await service.search.stats.flush();
    } finally {
      await service.db.query('ALTER TABLE listing_stats_away RENAME TO listing_stats');
    }
    await service.get(`/api/search/cars/${car}`);
    await service.search.stats.flush();
    expect(await statsOf('car', car)).toEqual({ impressions: 1, views: 1 });
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  givenASearchService,
  insertCars,
  insertHotels,
  type CarFixture,
  type HotelFixture,
} from './given-search-data.ts';

let service: Awaited<ReturnType<typeof givenASearchService>>;
let hotels: HotelFixture[];
beforeAll(async () => {
  service = await givenASearchService();
  hotels = await insertHotels(service.db, 60);
});
afterAll(() => service.close());

const NIGHTS = ['2030-03-01', '2030-03-02'];

/** Brute force: the cheapest room type that sleeps the party with enough rooms free on every night. */
function bestRoom(h: HotelFixture, guests: number, rooms: number) {
  const fitting = h.rooms.filter(
    (r) => r.capacity * rooms >= guests && Math.min(...NIGHTS.map((n) => r.units - (r.taken[n] ?? 0))) >= rooms,
  );
  return fitting.length ? Math.min(...fitting.map((r) => r.price)) : undefined;
}

type SearchService = Awaited<ReturnType<typeof givenASearchService>>;

async function pages(path: string, from: SearchService = service): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const res = await from.get(`${path}&limit=6${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

const ids = (items: { id: string | number }[]) => items.map((i) => Number(i.id)).sort((a, b) => a - b);

// With the cache on (what production runs) and off (what the benchmark compares it with): the same answers.
describe.each([
  ['with the cache on', 'on'],
  ['with the cache off', 'off'],
] as const)('GET /api/search/hotels in a city, %s', (_how, cache) => {
  let city: { service: SearchService; hotels: HotelFixture[] };
  beforeAll(async () => {
    const cityService = await givenASearchService({ cache });
    city = { service: cityService, hotels: await insertHotels(cityService.db, 60) };
  });
  afterAll(() => city.service.close());

  test.each([
    ['no filter', '', () => true],
    ['stars', '&stars=4,5', (h: HotelFixture) => h.stars >= 4],
    ['rating', '&minRating=7.5', (h: HotelFixture) => h.ratingTenths >= 75],
    [
      'amenities',
      '&amenities=pool,wifi',
      (h: HotelFixture) => h.amenities.includes('pool') && h.amenities.includes('wifi'),
    ],
    ['neighbourhood', '&neighborhood=rino', (h: HotelFixture) => h.neighborhood === 'RiNo'],
    ['free cancellation', '&freeCancellation=true', (h: HotelFixture) => h.amenities.includes('free_cancellation')],
    [
      'price',
      '&minPrice=15000&maxPrice=30000',
      (h: HotelFixture) => {
        const nightly = bestRoom(h, 2, 1);
        return nightly !== undefined && nightly >= 15_000 && nightly <= 30_000;
      },
    ],
  ])(
    'When filtering by %s, then the pages hold exactly the hotels with rooms free every night that match',
    async (_n, query, filter) => {
      const items = await pages(
        `/api/search/hotels?city=DEN&checkIn=2030-03-01&checkOut=2030-03-03&guests=2&rooms=1${query}`,
        city.service,
      );
      expect(ids(items)).toEqual(ids(city.hotels.filter((h) => bestRoom(h, 2, 1) !== undefined && filter(h))));
    },
  );

  test('When sorted by price, then each hotel shows its cheapest fitting room and the order is ascending', async () => {
    const items = await pages(
      '/api/search/hotels?city=DEN&checkIn=2030-03-01&checkOut=2030-03-03&guests=3&rooms=2&sort=price',
      city.service,
    );
    expect(ids(items)).toEqual(ids(city.hotels.filter((h) => bestRoom(h, 3, 2) !== undefined)));
    for (const item of items) {
      const expectedNightly = bestRoom(
        city.hotels.find((h) => h.id === Number(item.id))!,
        3,
        2,
      )!;
      expect(item.nightlyPrice.amount).toBe(expectedNightly);
      expect(item.totalPrice.amount).toBe(expectedNightly * 2 * 2);
    }
    const prices = items.map((i) => i.nightlyPrice.amount);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  test('When sorted by rating, stars or distance, then in that order, and no hotel repeats across pages', async () => {
    for (const sort of ['rating', 'stars', 'distance']) {
      const items = await pages(
        `/api/search/hotels?city=DEN&checkIn=2030-03-01&checkOut=2030-03-03&sort=${sort}`,
        city.service,
      );
      const keys = items.map((i) => (sort === 'rating' ? -i.rating : sort === 'stars' ? -i.stars : i.distanceKm));
      expect(keys).toEqual([...keys].sort((a, b) => a - b));
      expect(ids(items)).toEqual(ids(city.hotels.filter((h) => bestRoom(h, 2, 1) !== undefined)));
    }
  });

  test('When facets come back, then they count the hotels with rooms free, before filters', async () => {
    const res = await city.service.get('/api/search/hotels?city=DEN&checkIn=2030-03-01&checkOut=2030-03-03&stars=5');
    const available = city.hotels.filter((h) => bestRoom(h, 2, 1) !== undefined);
    expect(res.body.facets.stars.map((s: { stars: number }) => s.stars)).toEqual(
      [...new Set(available.map((h) => h.stars))].sort((a, b) => b - a),
    );
    for (const s of res.body.facets.stars) {
      const these = available.filter((h) => h.stars === s.stars);
      expect(s.count).toBe(these.length);
      expect(s.minNightly).toBe(Math.min(...these.map((h) => bestRoom(h, 2, 1)!)));
    }
    for (const a of res.body.facets.amenities) {
      expect(a.count).toBe(available.filter((h) => h.amenities.includes(a.amenity)).length);
    }
    const counts = res.body.facets.neighborhoods.map((n: { count: number }) => n.count);
    expect(counts).toEqual([...counts].sort((x: number, y: number) => y - x));
    expect(counts.reduce((x: number, y: number) => x + y, 0)).toBe(available.length);
    expect(res.body.facets.nightly).toEqual({
      min: Math.min(...available.map((h) => bestRoom(h, 2, 1)!)),
      max: Math.max(...available.map((h) => bestRoom(h, 2, 1)!)),
    });
  });
});

describe('GET /api/search/hotels', () => {
  test('When searching around a point, then only hotels within the radius come back, nearest first by distance sort', async () => {
    const items = await pages(
      '/api/search/hotels?latitude=39.74&longitude=-104.99&radiusKm=5&checkIn=2030-03-01&checkOut=2030-03-03&sort=distance',
    );
    const distances = items.map((i) => i.distanceKm);
    expect(distances.every((d) => d <= 5)).toBe(true);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  test.each([
    ['city=DEN&checkIn=2030-03-03&checkOut=2030-03-01', 'checkOut', /after the check-in/],
    ['city=DEN&checkIn=2029-03-03&checkOut=2029-03-05', 'checkIn', /or later/],
    ['checkIn=2030-03-01&checkOut=2030-03-03', 'city', /city code/],
    ['city=QQQ&checkIn=2030-03-01&checkOut=2030-03-03', 'city', /unknown/],
    ['city=DEN&checkIn=2030-03-01&checkOut=2030-03-03&amenities=jacuzzi', 'amenities.0', /.+/],
    ['city=DEN&checkIn=2030-03-01&checkOut=2030-03-03&guests=1&rooms=2', 'guests', /one guest per room/],
  ])('When the query is %s, then it is a 400 naming %s', async (query, field, message) => {
    const res = await service.get(`/api/search/hotels?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(message) })]),
    );
  });

  test('When a hotel is opened with dates, then each room type shows how many are free', async () => {
    const h = hotels.find((x) => x.rooms.length > 1)!;
    const res = await service.get(`/api/search/hotels/${h.id}?checkIn=2030-03-01&checkOut=2030-03-03`);
    for (const room of res.body.rooms) {
      const mine = h.rooms.find((r) => r.id === Number(room.id))!;
      expect(room.roomsLeft).toBe(mine.units - Math.max(0, ...NIGHTS.map((n) => mine.taken[n] ?? 0)));
    }
  });
});

// With the cache on (pick-up places kept in memory) and off (the database): the same answers.
describe.each(['on', 'off'] as const)('GET /api/search/cars, with the cache %s', (cache) => {
  const DAYS = ['2030-03-01', '2030-03-02', '2030-03-03'];
  const free = (c: CarFixture) => Math.min(...DAYS.map((d) => c.units - (c.taken[d] ?? 0))) >= 1;
  const RENTAL =
    '/api/search/cars?location=DEN&pickupDate=2030-03-01&pickupTime=10:00&dropoffDate=2030-03-03&dropoffTime=09:00';
  let place: { service: SearchService; cars: CarFixture[] };
  beforeAll(async () => {
    const placeService = await givenASearchService({ cache });
    place = { service: placeService, cars: await insertCars(placeService.db, 60) };
  });
  afterAll(() => place.service.close());

  test.each([
    ['no filter', '', () => true],
    ['car types', '&carTypes=suv,van', (c: CarFixture) => ['suv', 'van'].includes(c.carClass)],
    ['company', '&companies=hertz', (c: CarFixture) => c.company === 'Hertz'],
    ['seats', '&minSeats=5', (c: CarFixture) => c.seats >= 5],
    ['transmission', '&transmission=manual', (c: CarFixture) => c.transmission === 'manual'],
    ['max total', '&maxPrice=30000', (c: CarFixture) => c.price * 2 <= 30_000],
  ])(
    'When filtering by %s, then the pages hold exactly the cars free for the whole rental that match',
    async (_n, query, filter) => {
      const items = await pages(`${RENTAL}${query}`, place.service);
      expect(ids(items)).toEqual(ids(place.cars.filter((c) => free(c) && filter(c))));
      for (const item of items) expect(item.totalPrice.amount).toBe(item.dailyPrice.amount * 2);
    },
  );

  test('When sorted by price, seats or company, then in that order, and no car repeats across pages', async () => {
    for (const sort of ['price', 'seats', 'company'] as const) {
      const items = await pages(`${RENTAL}&sort=${sort}`, place.service);
      const keys = items.map((i) =>
        sort === 'price' ? i.totalPrice.amount : sort === 'seats' ? -i.seats : (i.company as string),
      );
      expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(ids(items)).toEqual(ids(place.cars.filter(free)));
    }
  });

  test('When facets come back, then they count the cars free for the rental, before filters', async () => {
    const res = await place.service.get(`${RENTAL}&carTypes=suv`);
    const available = place.cars.filter(free);
    const total = (c: CarFixture) => c.price * 2;
    for (const [facet, field, key] of [
      ['classes', 'carClass', (c: CarFixture) => c.carClass],
      ['companies', 'company', (c: CarFixture) => c.company],
    ] as const) {
      const expected = [...new Set(available.map(key))].map((value) => {
        const these = available.filter((c) => key(c) === value);
        return { [field]: value, count: these.length, minTotal: Math.min(...these.map(total)) };
      });
      expect(res.body.facets[facet]).toEqual(expect.arrayContaining(expected.map((e) => expect.objectContaining(e))));
      expect(res.body.facets[facet]).toHaveLength(expected.length);
      const minima = res.body.facets[facet].map((f: { minTotal: number }) => f.minTotal);
      expect(minima).toEqual([...minima].sort((a: number, b: number) => a - b));
    }
    expect(res.body.facets.transmissions).toEqual(
      ['automatic', 'manual']
        .map((t) => ({ transmission: t, count: available.filter((c) => c.transmission === t).length }))
        .filter((t) => t.count > 0),
    );
    expect(res.body.facets.total).toEqual({
      min: Math.min(...available.map(total)),
      max: Math.max(...available.map(total)),
    });
  });
});

describe('GET /api/search/cars', () => {
  test('When the drop-off is before the pick-up, then it is a 400 naming dropoffDate', async () => {
    const res = await service.get('/api/search/cars?location=DEN&pickupDate=2030-03-03&dropoffDate=2030-03-01');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'dropoffDate' })]);
  });
});

describe('GET /api/search/places', () => {
  test.each([
    ['bos', 'BOS'],
    ['Denvr', 'DEN'],
    ['new york', 'NYC'],
    ['chicgo', 'CHI'],
    ['LHR', 'LHR'],
  ])('When someone types %s, then %s comes first', async (q, code) => {
    const res = await service.get(`/api/search/places?q=${encodeURIComponent(q)}`);
    expect(res.body.items[0].code).toBe(code);
  });

  test('When the query is empty, then it is a 400 naming q', async () => {
    expect((await service.get('/api/search/places?q=')).body.errors[0].field).toBe('q');
  });
});

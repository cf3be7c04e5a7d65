import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DAY, givenASearchService, insertFlights, type FlightFixture } from './given-search-data.ts';

let service: Awaited<ReturnType<typeof givenASearchService>>;
let flights: FlightFixture[];

const localTime = (d: Date) => new Date(d.getTime() - 5 * 3_600_000).toISOString().slice(11, 16); // UTC-5 in early March

/** The brute-force answer: the same rules as the API, applied to the test's own copy of the data. */
function expected(
  filter: (f: FlightFixture) => boolean,
  passengers = 1,
  cabin = 'economy',
  origins = ['BOS'],
  destinations = ['DEN'],
) {
  return flights.filter(
    (f) =>
      origins.includes(f.origin) &&
      destinations.includes(f.destination) &&
      localDateOf(f) === DAY &&
      f.cabins[cabin] !== undefined &&
      f.cabins[cabin].seats - f.cabins[cabin].taken >= passengers &&
      filter(f),
  );
}
const localDateOf = (f: FlightFixture) => new Date(f.departAt.getTime() - 5 * 3_600_000).toISOString().slice(0, 10);
const price = (f: FlightFixture, cabin = 'economy') => f.cabins[cabin]!.price;

async function allPages(query: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const res = await service.get(`/api/search/flights?${query}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

// With the cache on (days kept in memory, what production runs) and off (the database): the same answers.
describe.each(['on', 'off'] as const)('GET /api/search/flights, with the cache %s', (cache) => {
  beforeAll(async () => {
    service = await givenASearchService({ cache });
    flights = await insertFlights(service.db, 160);
  });
  afterAll(() => service.close());

  test.each([
    ['no filter', '', () => true],
    ['maxPrice', '&maxPrice=30000', (f: FlightFixture) => price(f) <= 30_000],
    ['nonstop', '&maxStops=0', (f: FlightFixture) => f.stops === 0],
    ['airlines', '&airlines=UA,DL', (f: FlightFixture) => ['UA', 'DL'].includes(f.airline)],
    [
      'departure window',
      '&departAfter=06:00&departBefore=12:00',
      (f: FlightFixture) => localTime(f.departAt) >= '06:00' && localTime(f.departAt) <= '12:00',
    ],
    ['max duration', '&maxDurationMin=300', (f: FlightFixture) => f.durationMin <= 300],
    ['refundable', '&refundable=true', (f: FlightFixture) => f.refundable],
  ])(
    'When filtering by %s, then every page together holds exactly the brute-force answer',
    async (_name, query, filter) => {
      const items = await allPages(`origin=BOS&destination=DEN&date=${DAY}&sort=price${query}`);
      expect(items.map((i) => Number(i.id)).sort((a, b) => a - b)).toEqual(
        expected(filter)
          .map((f) => f.id)
          .sort((a, b) => a - b),
      );
    },
  );

  test('When sorted by price, duration or departure, then the order is right and pages never repeat or skip', async () => {
    for (const [sort, key] of [
      ['price', (i: any) => i.price.amount],
      ['duration', (i: any) => i.durationMin],
      ['departure', (i: any) => Date.parse(i.departAt)],
    ] as const) {
      const items = await allPages(`origin=BOS&destination=DEN&date=${DAY}&sort=${sort}`);
      const keys = items.map(key);
      expect(keys).toEqual([...keys].sort((a, b) => a - b));
      expect(new Set(items.map((i) => i.id)).size).toBe(expected(() => true).length);
    }
  });

  test('When a party needs more seats, then flights without that many free in the cabin drop out', async () => {
    const items = await allPages(`origin=BOS&destination=DEN&date=${DAY}&passengers=5&cabin=business`);
    expect(items.map((i) => Number(i.id)).sort()).toEqual(
      expected(() => true, 5, 'business')
        .map((f) => f.id)
        .sort(),
    );
    for (const item of items) expect(item.totalPrice.amount).toBe(item.price.amount * 5);
  });

  test('When a metro code is given, then every airport of the city is searched', async () => {
    const items = await allPages(`origin=NYC&destination=LON&date=${DAY}`);
    expect(items.map((i) => Number(i.id)).sort()).toEqual(
      expected(() => true, 1, 'economy', ['JFK', 'EWR', 'LGA'], ['LHR', 'LGW'])
        .map((f) => f.id)
        .sort(),
    );
  });

  test('When results come back, then facets describe the day before filters', async () => {
    const res = await service.get(`/api/search/flights?origin=BOS&destination=DEN&date=${DAY}&airlines=UA`);
    const all = expected(() => true);
    const airlines = [...new Set(all.map((f) => f.airline))];
    expect(res.body.facets.airlines.map((a: any) => a.code).sort()).toEqual(airlines.sort());
    for (const a of res.body.facets.airlines) {
      const mine = all.filter((f) => f.airline === a.code);
      expect(a).toEqual({ code: a.code, count: mine.length, minPrice: Math.min(...mine.map((f) => price(f))) });
    }
    expect(res.body.facets.price).toEqual({
      min: Math.min(...all.map((f) => price(f))),
      max: Math.max(...all.map((f) => price(f))),
    });
    expect(res.body.total).toBe(all.filter((f) => f.airline === 'UA').length);
  });

  test('When a return date is given, then the answer is round-trip pairs priced together, cheapest first', async () => {
    const res = await service.get(
      `/api/search/flights?origin=BOS&destination=DEN&date=${DAY}&returnDate=2030-03-05&sort=price&limit=5`,
    );
    expect(res.status).toBe(200);
    const prices = res.body.items.map((p: any) => p.price.amount);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    for (const pair of res.body.items) {
      expect(pair.outbound.origin.code).toBe('BOS');
      expect(pair.return.origin.code).toBe('DEN');
      expect(pair.price.amount).toBe(pair.outbound.price.amount + pair.return.price.amount);
    }
  });

  test("When an item is shown, then times are on the airports' local clocks", async () => {
    const res = await service.get(`/api/search/flights?origin=BOS&destination=DEN&date=${DAY}&limit=1&sort=departure`);
    const item = res.body.items[0];
    expect(item.departLocal.slice(0, 10)).toBe(DAY);
    expect(item.departLocal).toBe(new Date(Date.parse(item.departAt) - 5 * 3_600_000).toISOString().slice(0, 16));
    expect(item.arriveLocal).toBe(new Date(Date.parse(item.arriveAt) - 7 * 3_600_000).toISOString().slice(0, 16)); // Denver UTC-7
  });

  test.each([
    ['origin=XXX&destination=DEN&date=2030-03-01', 'origin', /unknown airport/],
    ['origin=BOS&destination=DEN&date=2029-12-01', 'date', /or later/],
    ['origin=BOS&destination=DEN&date=2030-03-05&returnDate=2030-03-01', 'returnDate', /before the departure/],
    ['origin=BOS&destination=BOS&date=2030-03-01', 'destination', /differ/],
    ['origin=BOS&destination=DEN&date=2030-03-01&limit=500', 'limit', /.+/],
    ['origin=BOS&destination=DEN&date=March 1', 'date', /YYYY-MM-DD/],
    ['origin=BOS&destination=DEN&date=2030-03-01&cabin=deluxe', 'cabin', /.+/],
    ['origin=BOS&destination=DEN&date=2030-03-01&cursor=garbage', 'cursor', /previous page/],
    ['origin=BOS&destination=DEN&date=2030-03-01&returnDate=2030-03-05&cursor=garbage', 'cursor', /previous page/],
  ])('When the query is %s, then it is a 400 naming %s', async (query, field, message) => {
    const res = await service.get(`/api/search/flights?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(message) })]),
    );
  });

  test('When a flight is opened, then its details list every cabin with seats and fares; an unknown id is 404', async () => {
    const f = flights[0]!;
    const res = await service.get(`/api/search/flights/${f.id}`);
    expect(res.status).toBe(200);
    expect(res.body.cabins.map((c: any) => c.cabin).sort()).toEqual(Object.keys(f.cabins).sort());
    expect((await service.get('/api/search/flights/999999999')).status).toBe(404);
    expect((await service.get('/api/search/flights/abc')).status).toBe(400);
  });
});

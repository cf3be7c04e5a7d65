import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { latestPriceEvent, priceEventsAfter } from '../src/data/price-market.repository.ts';
import { PRICE_CHANNEL } from '../src/domain/market/price-market.ts';
import { aDenverHotelListing, givenASearchService } from './given-search-data.ts';

let service: Awaited<ReturnType<typeof givenASearchService>>;
beforeAll(async () => {
  service = await givenASearchService();
});
afterAll(() => service.close());

const { description: _unused, ...HOTEL } = aDenverHotelListing('Aspen Lodge', { amenities: ['wifi', 'pool'] });
const CAR = {
  company: 'Hertz',
  locationCode: 'DEN',
  city: 'Denver',
  carClass: 'suv',
  model: 'Toyota RAV4',
  year: 2029,
  transmission: 'automatic',
  seats: 5,
  units: 3,
  dailyPrice: 6_500,
  policies: { freeCancellationHours: 24, mileage: 'unlimited', minimumDriverAge: 21, fuelPolicy: 'full_to_full' },
};

const visibleInSearch = async (id: string) => {
  const res = await service.get('/api/search/hotels?city=DEN&checkIn=2030-03-01&checkOut=2030-03-02&limit=100');
  return res.body.items.some((h: { id: string }) => h.id === id);
};

describe('listings', () => {
  test('When an owner adds a hotel, then it waits for approval, and appears in search once an admin approves it', async () => {
    const owner = await service.token('owner');
    const created = await service.as(owner, 'POST', '/api/listings/hotels', HOTEL);
    expect(created).toMatchObject({
      status: 201,
      body: { status: 'pending', name: 'Aspen Lodge', rooms: [{ name: 'King', nightlyPrice: { amount: 21_000 } }] },
    });
    expect(await visibleInSearch(created.body.id)).toBe(false);
    const approve = await service.as(owner, 'PATCH', `/api/listings/hotels/${created.body.id}`, { status: 'active' });
    expect(approve.status).toBe(403); // an owner cannot approve their own
    const admin = await service.token('admin');
    expect(
      (await service.as(admin, 'PATCH', `/api/listings/hotels/${created.body.id}`, { status: 'active' })).body.status,
    ).toBe('active');
    expect(await visibleInSearch(created.body.id)).toBe(true);
  });

  test('When an owner edits their listing, then the change is saved; rooms are added and updated', async () => {
    const owner = await service.token('owner');
    const { body } = await service.as(owner, 'POST', '/api/listings/hotels', HOTEL);
    const room = body.rooms[0];
    const res = await service.as(owner, 'PATCH', `/api/listings/hotels/${body.id}`, {
      stars: 5,
      rooms: [
        { id: room.id, name: 'King deluxe', capacity: 2, units: 8, nightlyPrice: 25_000 },
        { name: 'Suite', capacity: 4, units: 2, nightlyPrice: 52_000 },
      ],
    });
    expect(res).toMatchObject({
      status: 200,
      body: { stars: 5, rooms: [{ name: 'King deluxe', nightlyPrice: { amount: 25_000 } }, { name: 'Suite' }] },
    });
  });

  test('When an owner cuts a car’s or a room’s price, then the change is a price event, in the feed and published, and the market’s new base', async () => {
    const owner = await service.token('owner');
    const car = (await service.as(owner, 'POST', '/api/listings/cars', CAR)).body;
    const hotel = (await service.as(owner, 'POST', '/api/listings/hotels', HOTEL)).body;
    const admin = await service.token('admin');
    await service.as(admin, 'PATCH', `/api/listings/cars/${car.id}`, { status: 'active' });
    await service.as(admin, 'PATCH', `/api/listings/hotels/${hotel.id}`, { status: 'active' });
    const published: { kind: string; listingId: string; newPrice: number }[] = [];
    const unsubscribe = await service.kv.subscribe(PRICE_CHANNEL, (message) => published.push(JSON.parse(message)));
    const latest = async () => (await latestPriceEvent(service.db))[0]?.id ?? 0;
    const after = Number(await latest());

    await service.as(owner, 'PATCH', `/api/listings/cars/${car.id}`, { dailyPrice: 5_900 });
    await service.as(owner, 'PATCH', `/api/listings/cars/${car.id}`, { units: 2 }); // no price moved: no event
    const room = hotel.rooms[0];
    await service.as(owner, 'PATCH', `/api/listings/hotels/${hotel.id}`, {
      rooms: [{ ...room, nightlyPrice: 19_500 }],
    });

    const events = await priceEventsAfter(service.db, after, 10);
    expect(events).toMatchObject([
      { kind: 'car', listingId: car.id, unit: '', oldPrice: 6_500, newPrice: 5_900, basePrice: 5_900, reason: 'owner' },
      {
        kind: 'room',
        listingId: room.id,
        oldPrice: 21_000,
        newPrice: 19_500,
        reason: 'owner',
        context: { city: 'DEN' },
      },
    ]);
    await expect
      .poll(() => published.map((e) => [e.kind, e.newPrice]))
      .toEqual([
        ['car', 5_900],
        ['room', 19_500],
      ]);
    await unsubscribe();
    const { rows } = await service.db.query<{ base_price_minor: number }>(
      'SELECT base_price_minor FROM cars WHERE id = $1',
      [car.id],
    );
    expect(Number(rows[0]!.base_price_minor)).toBe(5_900);
  });

  test("When someone else's listing is read, edited or removed, then it is 404 as if it did not exist", async () => {
    const alice = await service.token('owner', randomUUID());
    const bob = await service.token('owner', randomUUID());
    const { body } = await service.as(alice, 'POST', '/api/listings/cars', CAR);
    expect((await service.as(bob, 'GET', `/api/listings/cars/${body.id}`)).status).toBe(404);
    expect((await service.as(bob, 'PATCH', `/api/listings/cars/${body.id}`, { units: 0 })).status).toBe(404);
    expect((await service.as(bob, 'DELETE', `/api/listings/cars/${body.id}`)).status).toBe(404);
    const mine = await service.as(bob, 'GET', '/api/listings/cars');
    expect(mine.body.items.map((c: { id: string }) => c.id)).not.toContain(body.id);
    expect((await service.as(alice, 'GET', `/api/listings/cars/${body.id}`)).body.units).toBe(3);
  });

  test('When a traveler, an anonymous caller or a forged token tries, then they are refused', async () => {
    const traveler = await service.token('traveler');
    expect((await service.as(traveler, 'POST', '/api/listings/cars', CAR)).status).toBe(403);
    expect((await service.as(null, 'GET', '/api/listings/hotels')).status).toBe(401);
    expect((await service.as('forged.token.value', 'GET', '/api/listings/hotels')).status).toBe(401);
  });

  test('When an owner tries to manage flights, then it is refused; an admin adds one and it is searchable at once', async () => {
    const flight = {
      airline: 'UA',
      flightNumber: '42',
      origin: 'BOS',
      destination: 'DEN',
      departAt: '2030-03-01T13:00:00Z',
      arriveAt: '2030-03-01T18:30:00Z',
      refundable: true,
      cabins: [{ cabin: 'economy', price: 19_900, seats: 120 }],
    };
    expect((await service.as(await service.token('owner'), 'POST', '/api/listings/flights', flight)).status).toBe(403);
    const created = await service.as(await service.token('admin'), 'POST', '/api/listings/flights', flight);
    expect(created).toMatchObject({ status: 201, body: { status: 'active' } });
    const found = await service.get('/api/search/flights?origin=BOS&destination=DEN&date=2030-03-01&limit=100');
    expect(found.body.items.map((f: { id: string }) => f.id)).toContain(created.body.id);
  });

  test('When a listing is removed, then it leaves search but is still stored', async () => {
    const admin = await service.token('admin');
    const { body } = await service.as(admin, 'POST', '/api/listings/hotels', HOTEL);
    expect(await visibleInSearch(body.id)).toBe(true);
    expect((await service.as(admin, 'DELETE', `/api/listings/hotels/${body.id}`)).status).toBe(204);
    expect(await visibleInSearch(body.id)).toBe(false);
    expect((await service.as(admin, 'GET', `/api/listings/hotels/${body.id}`)).body.status).toBe('removed');
  });

  test.each([
    [{ ...HOTEL, stars: 7 }, 'stars'],
    [{ ...HOTEL, rooms: [] }, 'rooms'],
    [{ ...HOTEL, amenities: ['helipad'] }, 'amenities.0'],
    [{ ...HOTEL, policies: { ...HOTEL.policies, checkInTime: '3pm' } }, 'policies.checkInTime'],
  ])('When a hotel is invalid, then it is a 400 naming %#: %s', async (hotel, field) => {
    const res = await service.as(await service.token('owner'), 'POST', '/api/listings/hotels', hotel);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });
});

describe("a listing's analytics", () => {
  test('When travelers see and open an approved hotel, then its owner reads the counts; nobody else can', async () => {
    const ownerId = randomUUID();
    const owner = await service.token('owner', ownerId);
    const admin = await service.token('admin');
    const created = await service.as(owner, 'POST', '/api/listings/hotels', { ...HOTEL, name: 'Counted Inn' });
    await service.as(admin, 'PATCH', `/api/listings/hotels/${created.body.id}`, { status: 'active' });
    expect(await visibleInSearch(created.body.id)).toBe(true);
    await service.get(`/api/search/hotels/${created.body.id}`);
    await service.search.stats.flush();

    const stats = await service.as(owner, 'GET', `/api/listings/hotels/${created.body.id}/stats`);
    const today = new Date().toISOString().slice(0, 10);
    expect(stats).toMatchObject({
      status: 200,
      body: {
        to: today,
        days: [{ day: today, impressions: 1, views: 1 }],
        totals: { impressions: 1, views: 1, viewRate: 1 },
      },
    });
    expect((await service.as(admin, 'GET', `/api/listings/hotels/${created.body.id}/stats`)).status).toBe(200);
    const otherOwner = await service.token('owner', randomUUID());
    expect((await service.as(otherOwner, 'GET', `/api/listings/hotels/${created.body.id}/stats`)).status).toBe(404);
    const traveler = await service.token('traveler');
    expect((await service.as(traveler, 'GET', `/api/listings/hotels/${created.body.id}/stats`)).status).toBe(403);
    expect((await service.as(null, 'GET', `/api/listings/hotels/${created.body.id}/stats`)).status).toBe(401);
  });

  test('When the range is backwards or over a year, then the answer is a 400 naming `from`', async () => {
    const owner = await service.token('owner');
    const created = await service.as(owner, 'POST', '/api/listings/cars', CAR);
    for (const range of ['from=2030-02-01&to=2030-01-01', 'from=2028-01-01&to=2030-01-01', 'from=yesterday']) {
      const res = await service.as(owner, 'GET', `/api/listings/cars/${created.body.id}/stats?${range}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('from');
    }
  });
});

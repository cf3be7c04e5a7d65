import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { captureLogs } from '@tripwise/platform/testing';
import { sweepExpiredHolds } from '../src/domain/holds/holds.use-case.ts';
import { givenASearchService } from './given-search-data.ts';

let service: Awaited<ReturnType<typeof givenASearchService>>;
beforeAll(async () => {
  service = await givenASearchService();
});
afterAll(() => service.close());

async function aFlightWithSeats(seats: number, flightNumber = '1'): Promise<string> {
  const { rows } = await service.db.query<{ id: number }>(
    `INSERT INTO flights (airline, flight_number, origin, destination, stops, depart_at, arrive_at, depart_date, duration_min, refundable)
     VALUES ('UA', $1, 'BOS', 'DEN', 0, '2030-03-01T15:00Z', '2030-03-01T20:00Z', '2030-03-01', 300, false) RETURNING id`,
    [flightNumber],
  );
  await service.db.query(
    `INSERT INTO flight_cabins (flight_id, cabin, price_minor, seats_total) VALUES ($1, 'economy', 25000, $2)`,
    [rows[0]!.id, seats],
  );
  return String(rows[0]!.id);
}

async function aRoomType(units: number): Promise<string> {
  const hotel = await service.db.query<{ id: number }>(
    `INSERT INTO hotels (name, city_code, city, country, address, neighborhood, latitude, longitude, stars, rating_tenths, policies)
     VALUES ('H', 'DEN', 'Denver', 'US', 'a', 'b', 39.7, -105, 3, 80, '{}') RETURNING id`,
  );
  const { rows } = await service.db.query<{ id: number }>(
    `INSERT INTO room_types (hotel_id, name, capacity, units, nightly_price_minor) VALUES ($1, 'King', 2, $2, 18000) RETURNING id`,
    [hotel.rows[0]!.id, units],
  );
  return String(rows[0]!.id);
}

async function aCar(units: number): Promise<string> {
  const { rows } = await service.db.query<{ id: number }>(
    `INSERT INTO cars (company, location_code, city, car_class, model, year, transmission, seats, units, daily_price_minor, policies)
     VALUES ('Hertz', 'DEN', 'Denver', 'suv', 'RAV4', 2029, 'automatic', 5, $1, 6000, '{}') RETURNING id`,
    [units],
  );
  return String(rows[0]!.id);
}

const hold = (items: unknown[], holdId = randomUUID(), ttlSeconds = 900) =>
  service.internal('POST', '/internal/holds', { holdId, ttlSeconds, items });
const seatsTaken = async (flightId: string) =>
  (await service.db.query<{ n: number }>(`SELECT seats_taken AS n FROM flight_cabins WHERE flight_id = $1`, [flightId]))
    .rows[0]!.n;

describe('holds on inventory (internal)', () => {
  test('When a trip is held, then seats, room nights and car days are all taken, with their current prices', async () => {
    const [flight, room, car] = [await aFlightWithSeats(10), await aRoomType(3), await aCar(2)];
    const res = await hold([
      { kind: 'flight', flightId: flight, cabin: 'economy', seats: 2 },
      { kind: 'room', roomTypeId: room, checkIn: '2030-03-01', checkOut: '2030-03-04', rooms: 1 },
      { kind: 'car', carId: car, pickupDate: '2030-03-01', dropoffDate: '2030-03-04' },
    ]);
    expect(res).toMatchObject({
      status: 201,
      body: {
        status: 'held',
        items: [
          { unitPrice: { amount: 25000 } },
          { unitPrice: { amount: 18000 }, firstDay: '2030-03-01', lastDay: '2030-03-03' },
          { unitPrice: { amount: 6000 } },
        ],
      },
    });
    expect(await seatsTaken(flight)).toBe(2);
    const nights = await service.db.query(
      `SELECT night, taken FROM room_nights WHERE room_type_id = $1 ORDER BY night`,
      [room],
    );
    expect(nights.rows).toEqual([
      { night: '2030-03-01', taken: 1 },
      { night: '2030-03-02', taken: 1 },
      { night: '2030-03-03', taken: 1 },
    ]);
  });

  test('When one item is sold out, then nothing is held and the 409 names that item', async () => {
    const [flight, room] = [await aFlightWithSeats(5), await aRoomType(1)];
    await hold([{ kind: 'room', roomTypeId: room, checkIn: '2030-03-02', checkOut: '2030-03-03', rooms: 1 }]);
    const res = await hold([
      { kind: 'flight', flightId: flight, cabin: 'economy', seats: 2 },
      { kind: 'room', roomTypeId: room, checkIn: '2030-03-01', checkOut: '2030-03-04', rooms: 1 },
    ]);
    expect(res).toMatchObject({ status: 409, body: { type: '/problems/sold-out', errors: [{ field: 'items.1' }] } });
    expect(await seatsTaken(flight)).toBe(0); // the flight's seats were given back with the failed hold
  });

  test('When many holds race for the last seat, then exactly one wins', async () => {
    const flight = await aFlightWithSeats(1);
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => hold([{ kind: 'flight', flightId: flight, cabin: 'economy', seats: 1 }])),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(7);
    expect(await seatsTaken(flight)).toBe(1);
  });

  test('When many holds race for the last room on overlapping nights, then exactly one wins', async () => {
    const room = await aRoomType(1);
    const replies = await Promise.all(
      ['2030-03-01', '2030-03-02', '2030-03-03', '2030-03-02'].map((checkIn, i) =>
        hold([{ kind: 'room', roomTypeId: room, checkIn, checkOut: i === 2 ? '2030-03-05' : '2030-03-04', rooms: 1 }]),
      ),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
  });

  test('When a hold is retried with the same id, then nothing is taken twice', async () => {
    const flight = await aFlightWithSeats(10);
    const id = randomUUID();
    const items = [{ kind: 'flight', flightId: flight, cabin: 'economy', seats: 3 }];
    expect((await hold(items, id)).status).toBe(201);
    expect((await hold(items, id)).body.id).toBe(id);
    expect(await seatsTaken(flight)).toBe(3);
  });

  test('When a hold is confirmed, then it stays; released, its inventory comes back; both are idempotent', async () => {
    const flight = await aFlightWithSeats(10);
    const { body } = await hold([{ kind: 'flight', flightId: flight, cabin: 'economy', seats: 4 }]);
    expect((await service.internal('POST', `/internal/holds/${body.id}/confirm`)).body.status).toBe('confirmed');
    expect((await service.internal('POST', `/internal/holds/${body.id}/confirm`)).status).toBe(200);
    expect((await service.internal('POST', `/internal/holds/${body.id}/release`)).body.status).toBe('released');
    expect((await service.internal('POST', `/internal/holds/${body.id}/release`)).status).toBe(200);
    expect(await seatsTaken(flight)).toBe(0);
  });

  test('When one item of a confirmed trip is released, then only its inventory comes back, once, and releasing the whole hold later does not give it back twice', async () => {
    const [flight, room] = [await aFlightWithSeats(10), await aRoomType(3)];
    const { body } = await hold([
      { kind: 'flight', flightId: flight, cabin: 'economy', seats: 2 },
      { kind: 'room', roomTypeId: room, checkIn: '2030-03-01', checkOut: '2030-03-03', rooms: 1 },
    ]);
    await service.internal('POST', `/internal/holds/${body.id}/confirm`);
    const nightsTaken = async () =>
      (
        await service.db.query<{ n: number }>(
          `SELECT coalesce(sum(taken), 0)::int AS n FROM room_nights WHERE room_type_id = $1`,
          [room],
        )
      ).rows[0]!.n;

    const theRoom = { kind: 'room', listingId: room, firstDay: '2030-03-01' };
    const first = await service.internal('POST', `/internal/holds/${body.id}/release-item`, theRoom);
    const again = await service.internal('POST', `/internal/holds/${body.id}/release-item`, theRoom);

    expect(first).toMatchObject({
      status: 200,
      body: { status: 'confirmed', items: [{ position: 0 }, { position: 1, releasedAt: expect.any(String) }] },
    });
    expect(first.body.items[0].releasedAt).toBeUndefined();
    expect(again.status).toBe(200);
    expect([await seatsTaken(flight), await nightsTaken()]).toEqual([2, 0]);
    await service.internal('POST', `/internal/holds/${body.id}/release`);
    expect([await seatsTaken(flight), await nightsTaken()]).toEqual([0, 0]);
    expect((await service.internal('POST', `/internal/holds/${body.id}/release-item`, theRoom)).status).toBe(200);
    expect((await service.internal('POST', `/internal/holds/${randomUUID()}/release-item`, theRoom)).status).toBe(404);
    expect(
      (await service.internal('POST', `/internal/holds/${body.id}/release-item`, { kind: 'boat' })).body.errors[0]
        .field,
    ).toBe('kind');
  });

  test('When a generated flight already carries its airline code, then the title names it once', async () => {
    const flight = await aFlightWithSeats(1, 'UA 626');
    const res = await service.internal('POST', '/internal/quotes', {
      items: [{ kind: 'flight', flightId: flight, cabin: 'economy', seats: 1 }],
    });
    expect(res.body.items[0].listing.title).toBe('United Airlines UA 626, BOS → DEN');
  });

  test('When a hold runs out, then the sweeper gives its inventory back and it can no longer be confirmed', async () => {
    const car = await aCar(1);
    const { body } = await hold(
      [{ kind: 'car', carId: car, pickupDate: '2030-03-01', dropoffDate: '2030-03-02' }],
      randomUUID(),
      30,
    );
    await service.db.query(`UPDATE holds SET expires_at = now() - interval '1 second' WHERE id = $1`, [body.id]);
    expect(await sweepExpiredHolds(service.db, captureLogs().logger)).toBeGreaterThanOrEqual(1);
    expect((await service.internal('GET', `/internal/holds/${body.id}`)).body.status).toBe('expired');
    expect((await service.internal('POST', `/internal/holds/${body.id}/confirm`)).status).toBe(409);
    expect(
      (await hold([{ kind: 'car', carId: car, pickupDate: '2030-03-01', dropoffDate: '2030-03-02' }])).status,
    ).toBe(201);
  });

  test.each([
    ['no credential', null],
    ['a wrong credential', 'not-the-service-token-0123456789abcdefgh'],
  ])('When called with %s, then it is 401 and nothing is held', async (_name, token) => {
    const flight = await aFlightWithSeats(5);
    const res = await service.internal(
      'POST',
      '/internal/holds',
      { holdId: randomUUID(), items: [{ kind: 'flight', flightId: flight, cabin: 'economy', seats: 1 }] },
      token,
    );
    expect(res.status).toBe(401);
    expect(await seatsTaken(flight)).toBe(0);
  });

  test('When an item is malformed, then it is a 400 naming the field', async () => {
    const res = await hold([
      { kind: 'room', roomTypeId: '1', checkIn: '2030-03-05', checkOut: '2030-03-01', rooms: 1 },
    ]);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'items.0.checkOut' })]);
  });
});

describe('quotes (internal)', () => {
  test('When a trip is quoted, then each item has its price, availability and what a booking keeps, and nothing is taken', async () => {
    const [flight, room, car] = [await aFlightWithSeats(2), await aRoomType(1), await aCar(1)];
    await hold([{ kind: 'room', roomTypeId: room, checkIn: '2030-03-02', checkOut: '2030-03-03', rooms: 1 }]);
    const res = await service.internal('POST', '/internal/quotes', {
      items: [
        { kind: 'flight', flightId: flight, cabin: 'economy', seats: 2 },
        { kind: 'room', roomTypeId: room, checkIn: '2030-03-01', checkOut: '2030-03-04', rooms: 1 },
        { kind: 'car', carId: car, pickupDate: '2030-03-01', dropoffDate: '2030-03-04' },
      ],
    });
    expect(res.status).toBe(200);
    const [f, r, c] = res.body.items;
    expect(f).toMatchObject({
      available: true,
      quantity: 2,
      units: 1,
      unitPrice: { amount: 25_000 },
      listing: {
        kind: 'flight',
        title: 'United Airlines UA1, BOS → DEN',
        provider: { kind: 'airline', id: 'UA', name: 'United Airlines' },
        startDate: '2030-03-01',
        policy: { freeCancellationHours: null, startsAt: '2030-03-01T15:00:00.000Z' },
      },
    });
    // The room's 2 March night is held: the stay of the 1st to the 4th cannot have it.
    expect(r).toMatchObject({ available: false, units: 3, unitPrice: { amount: 18_000 }, listing: { kind: 'room' } });
    expect(r.listing.provider.kind).toBe('property');
    expect(c).toMatchObject({ available: true, units: 3, listing: { provider: { kind: 'car-company', id: 'Hertz' } } });
    expect(await seatsTaken(flight)).toBe(0);
  });

  test('When a rental is returned later in the day than it was picked up, then the extra started day is charged, as search shows it', async () => {
    const car = await aCar(1);
    const res = await service.internal('POST', '/internal/quotes', {
      items: [
        {
          kind: 'car',
          carId: car,
          pickupDate: '2030-03-01',
          pickupTime: '10:00',
          dropoffDate: '2030-03-04',
          dropoffTime: '12:00',
        },
      ],
    });
    expect(res.body.items[0].units).toBe(4);
    const search = await service.get(
      '/api/search/cars?location=DEN&pickupDate=2030-03-01&pickupTime=10:00&dropoffDate=2030-03-04&dropoffTime=12:00',
    );
    const shown = search.body.items.find((c: { id: string }) => c.id === car);
    expect(shown.totalPrice.amount).toBe(res.body.items[0].units * res.body.items[0].unitPrice.amount);
  });

  test('When an item is not listed, then the quote is a 409 naming it; without the credential, a 401', async () => {
    const res = await service.internal('POST', '/internal/quotes', {
      items: [{ kind: 'car', carId: '999999999', pickupDate: '2030-03-01', dropoffDate: '2030-03-02' }],
    });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].field).toBe('items.0');
    const refused = await service.internal('POST', '/internal/quotes', { items: [] }, null);
    expect(refused.status).toBe(401);
  });
});

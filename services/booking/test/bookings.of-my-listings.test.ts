import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  bookingRequest,
  carItem,
  aBookingStackForThisFile,
  hotelItem,
  inDays,
  inventoryIn,
} from './given-a-booking-stack.ts';

const { stack, inventory } = aBookingStackForThisFile();
const ownerId = randomUUID();
const travelerId = randomUUID();
let hotelId: string;
let carId: string;
const booked: { hotelSoon: string; hotelLater: string; car: string } = { hotelSoon: '', hotelLater: '', car: '' };

const guest = (firstName: string) => ({ firstName, lastName: 'Hopper' });

beforeAll(async () => {
  const room = await inventory.roomType({ units: 5, ownerId });
  carId = await inventory.car({ units: 3, ownerId });
  const { rows } = await stack.search.db.query<{ hotel_id: number }>('SELECT hotel_id FROM room_types WHERE id = $1', [
    room,
  ]);
  hotelId = String(rows[0]!.hotel_id);
  const traveler = await stack.token('traveler', travelerId);
  const book = async (item: Record<string, unknown>) => (await stack.book(traveler, bookingRequest([item]))).body.id;
  booked.hotelSoon = await book({ ...hotelItem(room, inDays(10), inDays(12)), leadGuest: guest('Grace') });
  booked.hotelLater = await book({ ...hotelItem(room, inDays(40), inDays(42)), leadGuest: guest('Linus') });
  booked.car = await book(carItem(carId, inDays(20), inDays(22)));
});

const ids = (body: { items: { id: string }[] }) => body.items.map((b) => b.id);

describe('GET /api/bookings/of-my-listings', () => {
  test('When the owner filters by listing, dates and guest, then only those bookings come back, with the total', async () => {
    const owner = await stack.token('owner', ownerId);
    const ofHotel = await stack.call(
      owner,
      'GET',
      `/api/bookings/of-my-listings?listingKind=hotel&listingId=${hotelId}`,
    );
    expect(ofHotel).toMatchObject({ status: 200, body: { total: 2 } });
    expect(ids(ofHotel.body).sort()).toEqual([booked.hotelSoon, booked.hotelLater].sort());
    const overlapping = await stack.call(
      owner,
      'GET',
      `/api/bookings/of-my-listings?from=${inDays(11)}&to=${inDays(21)}`,
    );
    expect(ids(overlapping.body).sort()).toEqual([booked.hotelSoon, booked.car].sort());
    const byGuest = await stack.call(owner, 'GET', '/api/bookings/of-my-listings?q=linus');
    expect(byGuest.body).toMatchObject({ total: 1, items: [{ id: booked.hotelLater }] });
  });

  test('When sorted by start date ascending, then pages follow the stays', async () => {
    const owner = await stack.token('owner', ownerId);
    const first = await stack.call(owner, 'GET', '/api/bookings/of-my-listings?sort=startsOn&order=asc&limit=2');
    expect(ids(first.body)).toEqual([booked.hotelSoon, booked.car]);
    const next = await stack.call(
      owner,
      'GET',
      `/api/bookings/of-my-listings?sort=startsOn&order=asc&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(next.body).toMatchObject({ items: [{ id: booked.hotelLater }], nextCursor: null });
  });

  test("When an admin asks for one traveler's bookings, then the total says how many; an owner's userId is refused", async () => {
    const admin = await stack.token('admin');
    const res = await stack.call(admin, 'GET', `/api/bookings/of-my-listings?userId=${travelerId}`);
    expect(res.body).toMatchObject({ total: 3 });
    const other = await stack.token('owner');
    expect((await stack.call(other, 'GET', `/api/bookings/of-my-listings?userId=${travelerId}`)).body).toMatchObject({
      total: 0,
    });
  });

  test('When the query is invalid, then 400 names the field', async () => {
    const owner = await stack.token('owner', ownerId);
    for (const [query, field] of [
      ['listingId=5', 'listingKind'],
      ['from=2030-02-01&to=2030-01-01', 'from'],
      ['sort=price', 'sort'],
    ]) {
      const res = await stack.call(owner, 'GET', `/api/bookings/of-my-listings?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe(field);
    }
  });
});

describe('GET /api/bookings/of-my-listings/export.csv', () => {
  test('When the owner exports, then every matching booking is a CSV row with the portal’s columns', async () => {
    const owner = await stack.token('owner', ownerId);
    const res = await fetch(
      `${stack.url}/api/bookings/of-my-listings/export.csv?listingKind=hotel&listingId=${hotelId}`,
      {
        headers: { authorization: `Bearer ${owner}` },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'booking id,booked at,status,listing,details,city,from,to,guest,contact email,quantity,units,unit price,amount,currency',
    );
    expect(lines).toHaveLength(3);
    const soon = lines.find((l) => l.startsWith(booked.hotelSoon))!;
    expect(soon).toMatch(new RegExp(`^${booked.hotelSoon},[^,]+,confirmed,Aspen Lodge,`));
    expect(soon).toContain(`,Denver,${inDays(10)},${inDays(12)},Grace Hopper,ada@example.com,1,2,180.00,360.00,USD`);
  });

  test('When a traveler asks for the export, then 403', async () => {
    const traveler = await stack.token('traveler', travelerId);
    const res = await fetch(`${stack.url}/api/bookings/of-my-listings/export.csv`, {
      headers: { authorization: `Bearer ${traveler}` },
    });
    expect(res.status).toBe(403);
  });
});

describe('GET /api/bookings/admin/audit', () => {
  test("When an admin cancels a traveler's booking, then the audit says who, which booking and the refund", async () => {
    const adminId = randomUUID();
    const admin = await stack.token('admin', adminId);
    const inventory = inventoryIn(stack);
    const car = await inventory.car({ units: 1 });
    const traveler = await stack.token('traveler', travelerId);
    const booking = (await stack.book(traveler, bookingRequest([carItem(car, inDays(50), inDays(51))]))).body;
    expect((await stack.call(admin, 'POST', `/api/bookings/${booking.id}/cancel`)).body.status).toBe('cancelled');
    const audit = await stack.call(admin, 'GET', `/api/bookings/admin/audit?actorId=${adminId}`);
    expect(audit).toMatchObject({
      status: 200,
      body: {
        items: [
          {
            event: 'booking.cancelled',
            actor: { id: adminId },
            user: { id: travelerId },
            bookingId: booking.id,
            details: { refund: expect.any(Number) },
          },
        ],
      },
    });
    expect((await stack.call(await stack.token('owner', ownerId), 'GET', '/api/bookings/admin/audit')).status).toBe(
      403,
    );
  });
});

import { describe, expect, test } from 'vitest';
import { bookingRequest, flightItem, aBookingStackForThisFile, inDays } from './given-a-booking-stack.ts';

// A connecting round trip is one product in search (an itinerary of legs) and several flight items in a booking:
// every leg's seat is held in one hold, all or none, through the same saga as any trip.
const { stack } = aBookingStackForThisFile();

const MIN = 60_000;
/** A leg in search: airline, route, departure (UTC) and block minutes; 9 economy seats at a price. */
async function leg(
  airline: string,
  origin: string,
  destination: string,
  departAt: string,
  minutes: number,
  price: number,
) {
  const depart = new Date(departAt);
  const { rows } = await stack.search.db.query<{ id: number }>(
    `INSERT INTO flights (airline, flight_number, origin, destination, stops, depart_at, arrive_at, depart_date, duration_min, refundable)
     VALUES ($1, $2, $3, $4, 0, $5, $6, $7, $8, false) RETURNING id`,
    [
      airline,
      `${airline} ${Math.floor(Math.random() * 9000) + 1000}`,
      origin,
      destination,
      depart,
      new Date(depart.getTime() + minutes * MIN),
      departAt.slice(0, 10),
      minutes,
    ],
  );
  await stack.search.db.query(
    `INSERT INTO flight_cabins (flight_id, cabin, price_minor, seats_total) VALUES ($1, 'economy', $2, 9)`,
    [rows[0]!.id, price],
  );
  return String(rows[0]!.id);
}

/**
 * Boston to Denver through Chicago some 200 days ahead (inside the booking window, past any generated flight), back
 * four days later: the only way there and back in the data.
 */
async function givenAConnectingRoundTrip(day: number) {
  const d = (n: number) => inDays(200 + day + n);
  await leg('UA', 'BOS', 'ORD', `${d(0)}T13:00:00Z`, 165, 12_000);
  await leg('UA', 'ORD', 'DEN', `${d(0)}T17:00:00Z`, 160, 14_000);
  await leg('UA', 'DEN', 'ORD', `${d(4)}T15:00:00Z`, 150, 13_000);
  await leg('UA', 'ORD', 'BOS', `${d(4)}T19:00:00Z`, 140, 11_000);
  const res = await stack.search.get(
    `/api/search/flights?origin=BOS&destination=DEN&date=${d(0)}&returnDate=${d(4)}&passengers=2`,
  );
  expect(res.status).toBe(200);
  const pair = res.body.items[0];
  expect(pair.outbound.stops).toBe(1);
  expect(pair.return.stops).toBe(1);
  expect(pair.price.amount).toBe(12_000 + 14_000 + 13_000 + 11_000);
  const legs: { id: string; price: { amount: number } }[] = [...pair.outbound.legs, ...pair.return.legs];
  return { pair, legs, items: legs.map((l) => flightItem(l.id, 2, l.price.amount)) };
}

describe('POST /api/bookings, a connecting round trip', () => {
  test('When the four legs of a connecting round trip are booked, then every leg holds its seats and the whole is charged', async () => {
    const { pair, legs, items } = await givenAConnectingRoundTrip(4);
    const res = await stack.book(await stack.token(), bookingRequest(items));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'confirmed',
      items: legs.map((l) => ({ listingId: l.id, kind: 'flight' })),
    });
    // The fares before taxes and fees are what search showed for the round trip, for both travelers.
    expect(res.body.price.subtotal.amount).toBe(pair.totalPrice.amount);
    for (const l of legs) expect(await stack.seatsTaken(l.id)).toBe(2);
  });

  test('When one leg sells out after it was shown, then it is a 409 naming it and no other leg keeps a seat', async () => {
    const { legs, items } = await givenAConnectingRoundTrip(11);
    const last = legs[3]!;
    await stack.search.db.query(`UPDATE flight_cabins SET seats_taken = seats_total - 1 WHERE flight_id = $1`, [
      last.id,
    ]);
    const res = await stack.book(await stack.token(), bookingRequest(items));
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'items.3' })]);
    for (const l of legs.slice(0, 3)) expect(await stack.seatsTaken(l.id)).toBe(0);
    expect(await stack.seatsTaken(last.id)).toBe(8);
  });
});

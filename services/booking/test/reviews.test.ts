import { describe, expect, test } from 'vitest';
import { bookingRequest, carItem, aBookingStackForThisFile, hotelItem } from './given-a-booking-stack.ts';

// Reviews live in search; who may write one is the booking service's answer. Both run here, for real.
const { stack, inventory } = aBookingStackForThisFile();

const hotelOf = async (roomTypeId: string) =>
  String(
    (await stack.search.db.query<{ hotel_id: number }>('SELECT hotel_id FROM room_types WHERE id = $1', [roomTypeId]))
      .rows[0]!.hotel_id,
  );
/** As if the stay were over: its dates move into the past. */
const endStay = (bookingId: string) =>
  stack.db.query(
    `UPDATE booking_items SET start_date = current_date - 5, end_date = current_date - 2 WHERE booking_id = $1`,
    [bookingId],
  );
const review = (token: string | null, path: string, body: unknown) =>
  fetch(`${stack.search.url}/api/search/${path}/reviews`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
const GOOD = { rating: 9, title: 'Lovely', text: 'Quiet room, kind staff, great breakfast.' };

describe('POST /api/search/:kind/:id/reviews', () => {
  test('When a guest whose stay has ended reviews the hotel, then it is listed and rolled up into its rating, once', async () => {
    const room = await inventory.roomType({ units: 3 });
    const hotel = await hotelOf(room);
    await stack.search.db.query('UPDATE hotels SET rating_tenths = 80, review_count = 3 WHERE id = $1', [hotel]);
    const guest = await stack.token('traveler');
    const booked = await stack.book(guest, bookingRequest([hotelItem(room)]));
    await endStay(booked.body.id);

    const res = await review(guest, `hotels/${hotel}`, GOOD);

    // (8.0 × 3 + 9) / 4 = 8.25, kept in tenths: 8.3.
    expect(res).toMatchObject({ status: 201, body: { rating: 8.3, reviewCount: 4 } });
    const listed = await stack.search.get(`/api/search/hotels/${hotel}/reviews`);
    expect(listed.body).toMatchObject({
      rating: 8.3,
      reviewCount: 4,
      items: [{ rating: 9, title: 'Lovely', author: 'Ada L.' }],
    });
    const details = await stack.search.get(`/api/search/hotels/${hotel}`);
    expect(details.body).toMatchObject({ rating: 8.3, reviewCount: 4, latestReviews: [{ rating: 9 }] });
    expect(await review(guest, `hotels/${hotel}`, GOOD)).toMatchObject({
      status: 409,
      body: { type: '/problems/already-reviewed' },
    });
  });

  test('When a car with no rating yet gets its first review, then that is its rating', async () => {
    const car = await inventory.car({ units: 1 });
    const driver = await stack.token('traveler');
    const booked = await stack.book(driver, bookingRequest([carItem(car)]));
    await endStay(booked.body.id);
    expect(
      await review(driver, `cars/${car}`, { rating: 7, text: 'Clean car, quick pick-up at the airport.' }),
    ).toMatchObject({
      status: 201,
      body: { rating: 7, reviewCount: 1 },
    });
  });

  test('When someone has not stayed, is still to stay, or cancelled, then they may not review (403)', async () => {
    const room = await inventory.roomType({ units: 3 });
    const hotel = await hotelOf(room);
    expect((await review(await stack.token(), `hotels/${hotel}`, GOOD)).status).toBe(403);
    const upcoming = await stack.token();
    await stack.book(upcoming, bookingRequest([hotelItem(room)]));
    expect((await review(upcoming, `hotels/${hotel}`, GOOD)).status).toBe(403);
    const cancelled = await stack.token();
    const booked = await stack.book(cancelled, bookingRequest([hotelItem(room)]));
    await stack.call(cancelled, 'POST', `/api/bookings/${booked.body.id}/cancel`);
    await endStay(booked.body.id);
    expect((await review(cancelled, `hotels/${hotel}`, GOOD)).status).toBe(403);
  });

  test('When an owner books a night in their own hotel, then they still may not review it (403)', async () => {
    const ownerId = crypto.randomUUID();
    const room = await inventory.roomType({ units: 3, ownerId });
    const hotel = await hotelOf(room);
    const owner = await stack.token('owner', ownerId);
    const booked = await stack.book(owner, bookingRequest([hotelItem(room)]));
    expect(booked.status).toBe(201);
    await endStay(booked.body.id);
    expect(await review(owner, `hotels/${hotel}`, GOOD)).toMatchObject({
      status: 403,
      body: { type: '/problems/own-listing' },
    });
  });

  test('When the review is invalid, the listing unknown or nobody signed in, then 400, 404 and 401', async () => {
    const token = await stack.token();
    const room = await inventory.roomType({ units: 1 });
    const hotel = await hotelOf(room);
    expect((await review(token, `hotels/${hotel}`, { ...GOOD, rating: 11 })).body.errors[0].field).toBe('rating');
    expect((await review(token, `hotels/${hotel}`, { ...GOOD, text: 'ok' })).body.errors[0].field).toBe('text');
    expect((await review(token, 'hotels/999999999', GOOD)).status).toBe(404);
    expect((await review(null, `hotels/${hotel}`, GOOD)).status).toBe(401);
  });

  test("When another service's credential is missing, then booking's past-bookings answer is refused", async () => {
    const res = await fetch(`${stack.url}/internal/past-bookings?userId=${crypto.randomUUID()}&kind=hotel&listingId=1`);
    expect(res.status).toBe(401);
  });
});

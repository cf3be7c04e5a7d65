import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '@tripwise/platform/db';
import type { KvStore } from '@tripwise/platform/kv';
import { openTestDb, openTestKv } from '@tripwise/platform/testing';
import { givenABookingStack, type BookingStack } from '@tripwise/booking/testing';
import { insertCars, insertFlights, insertHotels, NOW } from '@tripwise/search/testing';
import { flightsOf } from '../src/domain/planning/bundle.types.ts';
import { recordEvents, startAgent, type Agent } from './given-an-agent.ts';

// The hand-off: a bundle the concierge found is booked by the real booking service, on the real search inventory,
// with the traveler's own token.
const migrationsDir = fileURLToPath(new URL('../src/data/migrations', import.meta.url));
let stack: BookingStack;
let db: Db;
let kv: KvStore;
let agent: Agent;

beforeAll(async () => {
  stack = await givenABookingStack({}, { searchNow: () => NOW }); // the inventory is on NOW's fixed dates
  await insertFlights(stack.search.db, 40);
  await insertHotels(stack.search.db, 15);
  await insertCars(stack.search.db, 10);
  db = await openTestDb({ migrationsDir });
  kv = await openTestKv();
  agent = await startAgent({
    db,
    kv,
    issuer: stack.issuer,
    searchUrl: stack.search.url,
    bookingUrl: stack.url,
    now: () => NOW,
  });
});
afterAll(async () => {
  await agent.close();
  await kv.close();
  await db.close();
  await stack.close();
});

const nextYear = new Date().getUTCFullYear() + 1;
const DETAILS = {
  confirm: true,
  passengers: [
    { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-12-10' },
    { firstName: 'Charles', lastName: 'Babbage', dateOfBirth: '1985-12-26' },
  ],
  driver: { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-12-10', licenseNumber: 'S1234567' },
  contact: { email: 'ada@example.com', phone: '+1 617 555 0100' },
  payment: {
    card: { number: '4242424242424242', expMonth: 12, expYear: nextYear, cvc: '123', holderName: 'Ada Lovelace' },
    billingAddress: { line1: '1 Main St', city: 'Boston', state: 'MA', postalCode: '02110' },
  },
};

async function planFor(token: string) {
  const socket = await agent.connect(token);
  const recorder = recordEvents(socket);
  const { body } = await agent.call(token, 'POST', '/api/ai/chat', {
    message: 'Boston to Denver March 1 2030, back March 5, 2 people, hotel and a car',
  });
  return (await recorder.until('plan:result', body.jobId)).bundles[0];
}
const book = (token: string, bundleId: string, body: unknown, key = randomUUID()) =>
  fetch(`${agent.url}/api/ai/bundles/${bundleId}/book`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

describe('POST /api/ai/bundles/:id/book', () => {
  test('When the traveler confirms, then the whole bundle is booked as shown, for them, and a retry books nothing twice', async () => {
    const userId = randomUUID();
    const token = await stack.token('traveler', userId);
    const bundle = await planFor(token);
    const key = randomUUID();
    const res = await book(token, bundle.id, DETAILS, key);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'confirmed',
      kind: 'trip',
      price: { subtotal: { amount: bundle.total.amount } },
    });
    expect(res.body.items.map((i: { kind: string }) => i.kind)).toEqual(['flight', 'flight', 'room', 'car']);
    const mine = await stack.call(token, 'GET', '/api/bookings');
    expect(mine.body.items.map((b: { id: string }) => b.id)).toEqual([res.body.id]);
    expect((await book(token, bundle.id, DETAILS, key)).body.id).toBe(res.body.id);
    expect((await stack.call(token, 'GET', '/api/bookings')).body.items).toHaveLength(1);
  });

  test('When the traveler has not confirmed, or the travelers do not match the party, then nothing is booked (400)', async () => {
    const token = await stack.token('traveler', randomUUID());
    const bundle = await planFor(token);
    expect((await book(token, bundle.id, { ...DETAILS, confirm: false })).body.errors[0].field).toBe('confirm');
    expect(
      (await book(token, bundle.id, { ...DETAILS, passengers: DETAILS.passengers.slice(0, 1) })).body.errors[0].field,
    ).toBe('passengers');
    expect((await stack.call(token, 'GET', '/api/bookings')).body.items).toEqual([]);
  });

  test("When someone else's bundle is asked for, then it does not exist for them", async () => {
    const owner = await stack.token('traveler', randomUUID());
    const bundle = await planFor(owner);
    expect((await book(await stack.token('traveler', randomUUID()), bundle.id, DETAILS)).status).toBe(404);
  });

  test('When the card is declined, then the booking service’s 402 comes back as it is', async () => {
    const token = await stack.token('traveler', randomUUID());
    const bundle = await planFor(token);
    const declined = {
      ...DETAILS,
      payment: { ...DETAILS.payment, card: { ...DETAILS.payment.card, number: '4000000000000002' } },
    };
    expect(await book(token, bundle.id, declined)).toMatchObject({
      status: 402,
      body: { type: '/problems/card-declined' },
    });
  });

  test('When cards keep being declined through the concierge, then payments wait (429) on every path to booking', async () => {
    const token = await stack.token('traveler', randomUUID());
    const bundle = await planFor(token);
    const declined = {
      ...DETAILS,
      payment: { ...DETAILS.payment, card: { ...DETAILS.payment.card, number: '4000000000000002' } },
    };
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await book(token, bundle.id, declined)).status);
    expect(statuses).toEqual([402, 402, 402, 402, 402, 429]);
    const again = await fetch(`${agent.url}/api/ai/bundles/${bundle.id}/book`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(DETAILS),
    });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    // The bookings API itself counts the same declines: its first leg, booked directly, waits too.
    const [leg] = flightsOf(bundle.flight);
    const direct = await stack.book(token, {
      items: [
        {
          kind: 'flight',
          flightId: leg!.id,
          cabin: 'economy',
          passengers: DETAILS.passengers,
          expectedUnitPrice: leg!.price.amount,
        },
      ],
      contact: DETAILS.contact,
      payment: DETAILS.payment,
    });
    expect(direct.status).toBe(429);
    const attempts = (await stack.call(token, 'GET', '/api/bookings')).body.items as { status: string }[];
    expect(attempts.map((b) => b.status)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed']); // the declines
  });
});

import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  listen,
  openTestDb,
  startTestIssuer,
  testEnv,
  uniqueSchemaName,
  type TestIssuer,
} from '@tripwise/platform/testing';
import type { Db } from '@tripwise/platform/db';
import { givenASearchService, SERVICE_TOKEN } from '@tripwise/search/testing';
import { createCardSimulator } from '../src/payments/card-simulator/card-simulator.app.ts';
import { bookingRequest, flightItem, migrationsDir } from './given-a-booking-stack.ts';

// The booking service as a real process, killed (SIGKILL) at each point between its steps, then started again:
// every booking must end confirmed and charged exactly once, or failed with its seats back and nothing charged.
// Search and the card processor run in this test process: they live on, as they would when only booking dies.

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const schema = uniqueSchemaName('crash');
let search: Awaited<ReturnType<typeof givenASearchService>>;
let processorDb: Db;
let processor: Awaited<ReturnType<typeof listen>>;
let issuer: TestIssuer;
let dataDir: string;
const secretKey = `sk_test_${randomUUID()}`;

beforeAll(async () => {
  // Search on today's clock: the flights these bookings take leave in a few weeks from now, not from the fixed test day.
  search = await givenASearchService({ now: () => new Date() });
  processorDb = await openTestDb({ migrationsDir });
  processor = await listen(createCardSimulator(processorDb, { secretKey }));
  issuer = await startTestIssuer();
  dataDir = await mkdtemp(join(tmpdir(), 'tripwise-crash-'));
});

afterAll(async () => {
  await processor.close();
  await processorDb.close();
  await issuer.close();
  await search.close();
  await rm(dataDir, { recursive: true, force: true });
  if (testEnv.DATABASE_URL) {
    const client = new pg.Client({ connectionString: testEnv.DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
});

async function startBooking(crashAt?: string): Promise<{ child: ChildProcess; url: string; exited: Promise<unknown> }> {
  const child = fork(entry, [], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'error',
      DATA_DIR: dataDir,
      ...(testEnv.DATABASE_URL ? { DATABASE_URL: testEnv.DATABASE_URL, DATABASE_SCHEMA: schema } : {}),
      SEARCH_URL: search.url,
      PAYMENTS_URL: processor.url,
      PAYMENTS_SECRET_KEY: secretKey,
      INTERNAL_SERVICE_TOKEN: SERVICE_TOKEN,
      AUTH_URL: issuer.url,
      AUTH_JWKS_URL: issuer.jwksUrl,
      TOKEN_ISSUER: issuer.issuer,
      TOKEN_AUDIENCE: issuer.audience,
      BOOKING_LEASE_SECONDS: '1',
      RECOVERY_INTERVAL_MS: '200',
      ...(crashAt ? { FAULT_CRASH_AT: crashAt } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  // Listened for at once: a crash can come before anyone awaits it.
  const exited = once(child, 'exit');
  const [message] = (await once(child, 'message')) as [{ port: number }];
  return { child, url: `http://127.0.0.1:${message.port}`, exited };
}

async function stop(booking: { child: ChildProcess; exited: Promise<unknown> }) {
  booking.child.kill('SIGTERM');
  await booking.exited;
}

async function aFlight(): Promise<string> {
  const departAt = new Date(Date.now() + 30 * 86_400_000);
  const { rows } = await search.db.query<{ id: number }>(
    `INSERT INTO flights (airline, flight_number, origin, destination, stops, depart_at, arrive_at, depart_date, duration_min, refundable)
     VALUES ('DL', '88', 'ATL', 'SEA', 0, $1, $2, $3, 360, true) RETURNING id`,
    [departAt, new Date(departAt.getTime() + 360 * 60_000), departAt.toISOString().slice(0, 10)],
  );
  await search.db.query(
    `INSERT INTO flight_cabins (flight_id, cabin, price_minor, seats_total) VALUES ($1, 'economy', 25000, 4)`,
    [rows[0]!.id],
  );
  return String(rows[0]!.id);
}

const seatsTaken = async (flightId: string) =>
  (await search.db.query<{ n: number }>('SELECT seats_taken AS n FROM flight_cabins WHERE flight_id = $1', [flightId]))
    .rows[0]!.n;
const payments = async (bookingId: string) =>
  (
    await processorDb.query<{ status: string; amount_received: number; amount_refunded: number }>(
      `SELECT status, amount_received, amount_refunded FROM sim_payment_intents WHERE metadata ->> 'booking_id' = $1`,
      [bookingId],
    )
  ).rows;

async function api(url: string, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** The traveler's only booking once recovery has settled it (confirmed, failed or cancelled). */
async function settled(url: string, token: string, until: (status: string) => boolean) {
  let booking: any;
  await expect
    .poll(
      async () => {
        booking = (await api(url, token, 'GET', '/api/bookings')).body.items[0];
        return booking && until(booking.status);
      },
      { timeout: 20_000, interval: 200 },
    )
    .toBe(true);
  return (await api(url, token, 'GET', `/api/bookings/${booking.id}`)).body;
}

describe('bookings across a crash of the booking service', () => {
  test.each([
    ['started', 'failed'],
    ['hold-placed', 'failed'],
    ['held', 'failed'],
    ['payment-authorized', 'failed'],
    ['authorized', 'confirmed'],
    ['hold-confirmed-remote', 'confirmed'],
    ['hold-confirmed', 'confirmed'],
    ['payment-captured', 'confirmed'],
    ['confirmed', 'confirmed'],
  ])(
    'When it dies at "%s", then after a restart the booking is %s, charged once or not at all',
    async (point, expected) => {
      const flight = await aFlight();
      const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
      const doomed = await startBooking(point);
      await expect(
        api(doomed.url, token, 'POST', '/api/bookings', bookingRequest([flightItem(flight)])),
      ).rejects.toThrow();
      await doomed.exited;
      const booking = await startBooking();
      try {
        const final = await settled(booking.url, token, (s) => s !== 'pending');
        expect(final.status).toBe(expected);
        const charges = await payments(final.id);
        if (expected === 'confirmed') {
          expect(await seatsTaken(flight)).toBe(1);
          expect(charges).toEqual([
            { status: 'succeeded', amount_received: final.price.total.amount, amount_refunded: 0 },
          ]);
          expect(final.billing).toHaveLength(1);
        } else {
          expect(await seatsTaken(flight)).toBe(0);
          expect(charges.every((c) => c.status === 'canceled' && c.amount_received === 0)).toBe(true);
          expect(final.billing).toEqual([]);
          expect(final.failure.code).toBe('booking-interrupted');
        }
      } finally {
        await stop(booking);
      }
    },
  );

  test.each(['cancelling', 'hold-released', 'refunded'])(
    'When it dies while cancelling (at "%s"), then after a restart the booking is cancelled and refunded once',
    async (point) => {
      const flight = await aFlight();
      const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
      const healthy = await startBooking();
      const booked = await api(healthy.url, token, 'POST', '/api/bookings', bookingRequest([flightItem(flight)]));
      expect(booked.status).toBe(201);
      await stop(healthy);
      const doomed = await startBooking(point);
      await expect(api(doomed.url, token, 'POST', `/api/bookings/${booked.body.id}/cancel`)).rejects.toThrow();
      await doomed.exited;
      const booking = await startBooking();
      try {
        const final = await settled(booking.url, token, (s) => s === 'cancelled');
        expect(await seatsTaken(flight)).toBe(0);
        // A refundable fare cancelled in its window: all of it back, once.
        expect(await payments(final.id)).toEqual([
          { status: 'succeeded', amount_received: final.price.total.amount, amount_refunded: final.price.total.amount },
        ]);
        expect(final.billing.map((b: { kind: string }) => b.kind)).toEqual(['payment', 'refund']);
      } finally {
        await stop(booking);
      }
    },
  );

  test.each(['item-cancelling', 'item-released', 'item-refunded'])(
    'When it dies while cancelling one flight of two (at "%s"), then after a restart that flight alone is cancelled and refunded once',
    async (point) => {
      const [kept, dropped] = [await aFlight(), await aFlight()];
      const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
      const healthy = await startBooking();
      const trip = bookingRequest([flightItem(kept), flightItem(dropped)]);
      const booked = await api(healthy.url, token, 'POST', '/api/bookings', trip);
      expect(booked.status).toBe(201);
      await stop(healthy);
      const doomed = await startBooking(point);
      await expect(api(doomed.url, token, 'POST', `/api/bookings/${booked.body.id}/items/1/cancel`)).rejects.toThrow();
      await doomed.exited;
      const booking = await startBooking();
      try {
        let final: any;
        await expect
          .poll(
            async () => {
              final = (await api(booking.url, token, 'GET', `/api/bookings/${booked.body.id}`)).body;
              return final.items[1].cancellation?.status;
            },
            { timeout: 20_000, interval: 200 },
          )
          .toBe('cancelled');
        const item = booked.body.items[1];
        const gross = item.subtotal.amount + item.taxes.amount + item.fees.amount;
        expect(final).toMatchObject({
          status: 'confirmed',
          items: [{ cancellation: null }, { cancellation: { refund: { amount: gross } } }],
        });
        expect([await seatsTaken(kept), await seatsTaken(dropped)]).toEqual([1, 0]);
        expect(await payments(final.id)).toEqual([
          { status: 'succeeded', amount_received: final.price.total.amount, amount_refunded: gross },
        ]);
        expect(final.billing.map((b: { kind: string }) => b.kind)).toEqual(['payment', 'refund']);
      } finally {
        await stop(booking);
      }
    },
    // Three starts of the service and two bookings: slower than the others on a busy machine.
    60_000,
  );
});

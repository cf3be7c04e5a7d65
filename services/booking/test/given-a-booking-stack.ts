import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { createTokenVerifier, type Role } from '@tripwise/platform/auth';
import {
  captureLogs,
  listen,
  openTestDb,
  openTestKv,
  startTcpFaultProxy,
  startTestIssuer,
} from '@tripwise/platform/testing';
import { givenASearchService, SERVICE_TOKEN } from '@tripwise/search/testing';
import { createApp, type AppDeps } from '../src/app.ts';
import { expectBookingContract } from './booking-contract.ts';
import { searchClient } from '../src/clients/search.client.ts';
import { createCardSimulator } from '../src/payments/card-simulator/card-simulator.app.ts';
import { cardProcessorClient } from '../src/payments/card-processor.client.ts';

export const migrationsDir = fileURLToPath(new URL('../src/data/migrations', import.meta.url));
const DAY_MS = 86_400_000;
/** A calendar date this many days from today (UTC). */
export const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

/** The service's settings in tests: its defaults (a test may override some). */
export const BOOKING_TEST_CONFIG: AppDeps['config'] = {
  BODY_LIMIT: '100kb',
  TRUST_PROXY_HOPS: 1,
  HOLD_TTL_SECONDS: 600,
  BOOKING_LEASE_SECONDS: 60,
  OUTBOX_POLL_MS: 1_000,
  RECOVERY_INTERVAL_MS: 5_000,
};

export const CARDS = {
  visa: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  insufficientFunds: '4000000000009995',
  failsOnce: '4000000000000507',
  processorDown: '4000000000000515',
};

/**
 * The booking service as it runs: its own database, the real search service (its own database, on a port) for
 * quotes and holds, and the card processor simulation on a port of its own, spoken to over HTTP.
 */
export async function givenABookingStack(
  overrides: Partial<AppDeps['config']> = {},
  options: { searchNow?: () => Date } = {},
) {
  // Search asks booking about past stays (reviews): its address is known once booking listens, below.
  let bookingUrl = 'http://127.0.0.1:9';
  const issuer = await startTestIssuer();
  // Search's clock is today's (this inventory is dated from today), unless the test's data is on fixed dates.
  const search = await givenASearchService({
    bookingUrl: () => bookingUrl,
    issuer,
    now: options.searchNow ?? (() => new Date()),
  });
  const db = await openTestDb({ migrationsDir });
  const kv = await openTestKv();
  const verify = createTokenVerifier({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience });
  const secretKey = `sk_test_${randomUUID()}`;
  const processor = await listen(createCardSimulator(db, { secretKey }));
  // Booking reaches the card processor through a link the tests can cut.
  const processorLink = await startTcpFaultProxy({ host: '127.0.0.1', port: Number(new URL(processor.url).port) });
  const logs = captureLogs('booking');
  const service = createApp({
    config: { ...BOOKING_TEST_CONFIG, ...overrides },
    logger: logs.logger,
    db,
    kv,
    access: { verify, serviceToken: SERVICE_TOKEN },
    search: searchClient({ url: search.url, serviceToken: SERVICE_TOKEN }),
    payments: cardProcessorClient({ url: `http://127.0.0.1:${processorLink.port}`, secretKey }),
  });
  const server = await listen(service.app);
  bookingUrl = server.url;

  const call = async (
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : null;
    expectBookingContract(method, path, res.status, parsed);
    return { status: res.status, body: parsed, headers: res.headers };
  };

  return {
    db,
    kv,
    search,
    service,
    logs,
    url: server.url,
    token: (role: Role = 'traveler', sub: string = randomUUID()) =>
      issuer.sign({ role, sub, amr: role === 'admin' ? ['pwd', 'otp', 'mfa'] : ['pwd'] }),
    issuer,
    /** The network between booking and the card processor: `set('refuse')` cuts it, `set('forward')` heals it. */
    processorLink,
    call,
    book: (token: string, body: unknown, key: string = randomUUID()) =>
      call(token, 'POST', '/api/bookings', body, { 'idempotency-key': key }),
    /** Seats taken in a flight's cabin, as search counts them. */
    seatsTaken: async (flightId: string, cabin = 'economy') =>
      (
        await search.db.query<{ n: number }>(
          'SELECT seats_taken AS n FROM flight_cabins WHERE flight_id = $1 AND cabin = $2',
          [flightId, cabin],
        )
      ).rows[0]!.n,
    /** What the card processor did for a booking. */
    processorPayments: async (bookingId: string) =>
      (
        await db.query<{
          id: string;
          status: string;
          amount: number;
          amount_received: number;
          amount_refunded: number;
        }>(
          `SELECT id, status, amount, amount_received, amount_refunded FROM sim_payment_intents
           WHERE metadata ->> 'booking_id' = $1`,
          [bookingId],
        )
      ).rows,
    close: async () => {
      await server.close();
      await processorLink.close();
      await processor.close();
      await issuer.close();
      await kv.close();
      await db.close();
      await search.close();
    },
  };
}

export type BookingStack = Awaited<ReturnType<typeof givenABookingStack>>;

/**
 * The one way a booking test file gets its stack: started before the file's first test (and before the file's own
 * `beforeAll`, which may arrange data on it) and closed after its last. The stack answers only inside tests and
 * hooks: it is a stand-in for the stack `beforeAll` starts, and reading it before then is a mistake, said loudly.
 */
export function aBookingStackForThisFile(...args: Parameters<typeof givenABookingStack>) {
  let started: BookingStack | undefined;
  beforeAll(async () => {
    started = await givenABookingStack(...args);
  });
  afterAll(() => started?.close());
  const stack = new Proxy({} as BookingStack, {
    get: (_, key) => {
      if (!started) throw new Error(`The stack starts in beforeAll: read stack.${String(key)} in a hook or test`);
      return Reflect.get(started, key);
    },
  });
  return { stack, inventory: inventoryIn(stack) };
}

/** Inventory in search, dated from today so that cancellation windows are real. */
export function inventoryIn(stack: BookingStack) {
  // Read when a listing is made, not now: the file's stack may not have started yet.
  const db = {
    query: <T extends object>(sql: string, params?: readonly unknown[]) => stack.search.db.query<T>(sql, params),
  };
  return {
    async flight(options: { seats: number; price?: number; refundable?: boolean; inDays?: number }): Promise<string> {
      const departAt = new Date(Date.now() + (options.inDays ?? 30) * DAY_MS);
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO flights (airline, flight_number, origin, destination, stops, depart_at, arrive_at, depart_date, duration_min, refundable)
         VALUES ('UA', '512', 'BOS', 'DEN', 0, $1, $2, $3, 300, $4) RETURNING id`,
        [
          departAt,
          new Date(departAt.getTime() + 300 * 60_000),
          departAt.toISOString().slice(0, 10),
          options.refundable ?? false,
        ],
      );
      await db.query(
        `INSERT INTO flight_cabins (flight_id, cabin, price_minor, seats_total) VALUES ($1, 'economy', $2, $3)`,
        [rows[0]!.id, options.price ?? 25_000, options.seats],
      );
      return String(rows[0]!.id);
    },
    async roomType(options: {
      units: number;
      price?: number;
      refundWindowHours?: number;
      ownerId?: string;
    }): Promise<string> {
      const hotel = await db.query<{ id: number }>(
        `INSERT INTO hotels (name, city_code, city, country, address, neighborhood, latitude, longitude, stars, rating_tenths, policies, owner_id)
         VALUES ('Aspen Lodge', 'DEN', 'Denver', 'United States', '1600 Glenarm Pl', 'LoDo', 39.74, -104.99, 4, 86, $1, $2) RETURNING id`,
        [
          JSON.stringify({
            refundWindowHours: options.refundWindowHours ?? 48,
            petsAllowed: false,
            breakfastIncluded: true,
            parking: 'paid',
            checkInTime: '15:00',
            checkOutTime: '11:00',
          }),
          options.ownerId ?? null,
        ],
      );
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO room_types (hotel_id, name, capacity, units, nightly_price_minor) VALUES ($1, 'King', 2, $2, $3) RETURNING id`,
        [hotel.rows[0]!.id, options.units, options.price ?? 18_000],
      );
      return String(rows[0]!.id);
    },
    async car(options: {
      units: number;
      price?: number;
      minimumDriverAge?: number;
      ownerId?: string;
    }): Promise<string> {
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO cars (company, location_code, city, car_class, model, year, transmission, seats, units, daily_price_minor, policies, owner_id)
         VALUES ('Hertz', 'DEN', 'Denver', 'suv', 'Toyota RAV4', 2029, 'automatic', 5, $1, $2, $3, $4) RETURNING id`,
        [
          options.units,
          options.price ?? 6_000,
          JSON.stringify({
            freeCancellationHours: 24,
            mileage: 'unlimited',
            minimumDriverAge: options.minimumDriverAge ?? 21,
            fuelPolicy: 'full_to_full',
          }),
          options.ownerId ?? null,
        ],
      );
      return String(rows[0]!.id);
    },
  };
}

const nextYear = new Date().getUTCFullYear() + 1;

/** A complete, valid booking request around the given items. */
export function bookingRequest(items: unknown[], card: string = CARDS.visa) {
  return {
    items,
    contact: { email: 'ada@example.com', phone: '+1 617 555 0100' },
    payment: {
      card: { number: card, expMonth: 12, expYear: nextYear, cvc: '123', holderName: 'Ada Lovelace' },
      billingAddress: { line1: '1 Main St', city: 'Boston', state: 'MA', postalCode: '02110', country: 'US' },
    },
  };
}

export const passenger = (firstName = 'Ada') => ({ firstName, lastName: 'Lovelace', dateOfBirth: '1990-12-10' });

export const flightItem = (flightId: string, passengers = 1, price = 25_000) => ({
  kind: 'flight',
  flightId,
  cabin: 'economy',
  passengers: Array.from({ length: passengers }, (_, i) => passenger(`Ada${'abcdefghij'[i]}`)),
  expectedUnitPrice: price,
});

export const hotelItem = (roomTypeId: string, checkIn = inDays(30), checkOut = inDays(33), price = 18_000) => ({
  kind: 'hotel',
  roomTypeId,
  checkIn,
  checkOut,
  rooms: 1,
  guests: 2,
  leadGuest: { firstName: 'Ada', lastName: 'Lovelace' },
  expectedNightlyPrice: price,
});

export const carItem = (carId: string, pickupDate = inDays(30), dropoffDate = inDays(33), price = 6_000) => ({
  kind: 'car',
  carId,
  pickupDate,
  dropoffDate,
  driver: { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-12-10', licenseNumber: 'S1234567' },
  expectedDailyPrice: price,
});

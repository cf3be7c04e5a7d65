import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '@tripwise/platform/db';
import { createTokenVerifier, type Role } from '@tripwise/platform/auth';
import {
  captureLogs,
  listen,
  openTestDb,
  openTestKv,
  startTestIssuer,
  type TestIssuer,
} from '@tripwise/platform/testing';
import { createApp } from '../src/app.ts';
import { bookingClient } from '../src/clients/booking.client.ts';
import { createPhotoStore } from '../src/domain/photos/photo-store.ts';

export const migrationsDir = fileURLToPath(new URL('../src/data/migrations', import.meta.url));
/** Tests run on a fixed clock, so "the past" never moves under them. */
export const NOW = new Date('2030-01-10T12:00:00Z');
export const DAY = '2030-03-01';
export const SERVICE_TOKEN = 'test-service-token-0123456789abcdef0123456789';

/** A small deterministic PRNG, so every run builds the same data (and a failure can be replayed). */
export function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}

/**
 * `bookingUrl`: where the booking service listens (read when a review asks) and `issuer`: the one signing its
 * tokens, for tests that run both services.
 */
export async function givenASearchService(
  options: {
    bookingUrl?: () => string;
    issuer?: TestIssuer;
    cache?: 'on' | 'off';
    /** The price market's sample per tick and its dice (seeded, for tests that check what it moved). */
    market?: { sample: number; random: { next: () => number } };
    /** A database of the test's own (seeded already, say); closed by the test, not here. */
    db?: Db;
    /** The service's clock: NOW (the test data's day) unless the test's inventory is dated from today. */
    now?: () => Date;
  } = {},
) {
  const db = options.db ?? (await openTestDb({ migrationsDir }));
  const kv = await openTestKv();
  const issuer = options.issuer ?? (await startTestIssuer());
  const verify = createTokenVerifier({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience });
  const photos = createPhotoStore(mkdtempSync(join(tmpdir(), 'tripwise-search-photos-')));
  const service = createApp({
    photos,
    access: { verify, serviceToken: SERVICE_TOKEN },
    config: {
      BODY_LIMIT: '100kb',
      TRUST_PROXY_HOPS: 1,
      PRICE_TICK_MS: 0,
      PRICE_SAMPLE: options.market?.sample ?? 50,
      STATS_FLUSH_MS: 1_000,
      SEARCH_CACHE: options.cache ?? 'on',
    },
    logger: captureLogs('search').logger,
    db,
    kv,
    pastBooking: bookingClient({
      url: options.bookingUrl ?? (() => 'http://127.0.0.1:9'),
      serviceToken: SERVICE_TOKEN,
    }),
    now: options.now ?? (() => NOW),
    ...(options.market ? { random: options.market.random } : {}),
  });
  const server = await listen(service.app);
  return {
    db,
    kv,
    /** The service itself, for its background work (price ticks, stats flushes), which tests run by hand. */
    search: service,
    url: server.url,
    /** A real access token for a user of this role (and id, to play a given owner). */
    token: (role: Role, sub?: string) =>
      issuer.sign({ role, ...(sub ? { sub } : {}), amr: role === 'admin' ? ['pwd', 'otp', 'mfa'] : ['pwd'] }),
    /** The folder the photos' files are written to. */
    photosDir: photos.dir,
    /** An admin's token from a sign-in without the second factor. */
    adminWithoutSecondFactor: () => issuer.sign({ role: 'admin', amr: ['pwd'] }),
    /** A file upload as the portal sends it: the bytes as the body, with their content type. */
    upload: async (token: string | null, path: string, bytes: Uint8Array, type: string, headers = {}) => {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': type, ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: bytes,
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    /** A call as a browser makes it, with an access token. */
    as: async (token: string | null, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    get: async (path: string) => {
      const res = await fetch(`${server.url}${path}`);
      return { status: res.status, body: (await res.json()) as any };
    },
    /** A call as the booking service makes it: JSON, with the service credential unless told otherwise. */
    internal: async (method: string, path: string, body?: unknown, token: string | null = SERVICE_TOKEN) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as any };
    },
    close: async () => {
      await server.close();
      if (!options.issuer) await issuer.close();
      await kv.close();
      if (!options.db) await db.close();
    },
  };
}

export interface FlightFixture {
  id: number;
  airline: string;
  origin: string;
  destination: string;
  stops: number;
  departAt: Date;
  durationMin: number;
  refundable: boolean;
  cabins: Record<string, { price: number; seats: number; taken: number }>;
}

/** Random flights on a few routes and days, written with plain INSERTs; returned as the test's own truth. */
export async function insertFlights(db: Db, count: number, seed = 1): Promise<FlightFixture[]> {
  const r = prng(seed);
  const routes = [
    ['BOS', 'DEN'],
    ['DEN', 'BOS'],
    ['JFK', 'LHR'],
    ['EWR', 'LHR'],
    ['LGA', 'LGW'],
    ['BOS', 'SFO'],
  ] as const;
  const airlines = ['UA', 'DL', 'AA', 'B6', 'WN'];
  const out: FlightFixture[] = [];
  for (let i = 0; i < count; i++) {
    const [origin, destination] = r.pick(routes);
    const day = r.pick([DAY, '2030-03-02', '2030-03-05']);
    // Boston/New York are UTC-5 in March (before the 2030-03-10 switch): 05:00Z is local midnight.
    const departAt = new Date(Date.parse(`${day}T05:00:00Z`) + r.int(0, 23 * 60 + 59) * 60_000);
    const stops = r.int(0, 1);
    const durationMin = r.int(180, 480) + stops * 90;
    const cabins: FlightFixture['cabins'] = {
      economy: { price: r.int(89, 600) * 100, seats: r.int(0, 150), taken: 0 },
      business: { price: r.int(700, 3000) * 100, seats: r.int(0, 30), taken: 0 },
    };
    cabins.economy!.taken = r.int(0, cabins.economy!.seats);
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO flights (airline, flight_number, origin, destination, via, stops, depart_at, arrive_at, depart_date, duration_min, refundable)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        r.pick(airlines),
        `${r.int(100, 9999)}`,
        origin,
        destination,
        stops ? 'ORD' : null,
        stops,
        departAt,
        new Date(departAt.getTime() + durationMin * 60_000),
        day,
        durationMin,
        r.next() < 0.3,
      ],
    );
    const id = rows[0]!.id;
    for (const [cabin, c] of Object.entries(cabins)) {
      await db.query(
        `INSERT INTO flight_cabins (flight_id, cabin, price_minor, seats_total, seats_taken) VALUES ($1, $2, $3, $4, $5)`,
        [id, cabin, c.price, c.seats, c.taken],
      );
    }
    const stored = await db.query<{ airline: string; refundable: boolean }>(
      'SELECT airline, refundable FROM flights WHERE id = $1',
      [id],
    );
    out.push({
      id,
      airline: stored.rows[0]!.airline,
      origin,
      destination,
      stops,
      departAt,
      durationMin,
      refundable: stored.rows[0]!.refundable,
      cabins,
    });
  }
  return out;
}

export interface HotelFixture {
  id: number;
  cityCode: string;
  neighborhood: string;
  stars: number;
  ratingTenths: number;
  amenities: string[];
  latitude: number;
  longitude: number;
  rooms: { id: number; capacity: number; units: number; price: number; taken: Record<string, number> }[];
}

const AMENITIES = [
  'wifi',
  'breakfast',
  'parking',
  'pool',
  'gym',
  'spa',
  'pet_friendly',
  'airport_shuttle',
  'near_transit',
  'free_cancellation',
];

/** Random hotels in Denver with room types, some nights already taken. */
export async function insertHotels(db: Db, count: number, seed = 2): Promise<HotelFixture[]> {
  const r = prng(seed);
  const out: HotelFixture[] = [];
  for (let i = 0; i < count; i++) {
    const stars = r.int(1, 5);
    const amenities = AMENITIES.filter(() => r.next() < 0.45);
    const h = {
      cityCode: 'DEN',
      neighborhood: r.pick(['LoDo', 'Capitol Hill', 'RiNo', 'Cherry Creek']),
      stars,
      ratingTenths: Math.min(100, stars * 15 + r.int(0, 30)),
      amenities,
      latitude: 39.74 + (r.next() - 0.5) * 0.2,
      longitude: -104.99 + (r.next() - 0.5) * 0.2,
    };
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO hotels (name, city_code, city, country, address, neighborhood, latitude, longitude, stars, rating_tenths, amenities, policies)
       VALUES ($1, 'DEN', 'Denver', 'United States', $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        `Hotel ${i}`,
        `${i} Main St`,
        h.neighborhood,
        h.latitude,
        h.longitude,
        stars,
        h.ratingTenths,
        amenities,
        JSON.stringify({ refundWindowHours: 24 }),
      ],
    );
    const id = rows[0]!.id;
    const rooms: HotelFixture['rooms'] = [];
    for (let k = 0; k < r.int(1, 3); k++) {
      const room = {
        capacity: r.int(1, 4),
        units: r.int(0, 5),
        price: r.int(60, 500) * 100,
        taken: {} as Record<string, number>,
      };
      const inserted = await db.query<{ id: number }>(
        `INSERT INTO room_types (hotel_id, name, capacity, units, nightly_price_minor) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [id, `Room ${k}`, room.capacity, room.units, room.price],
      );
      for (const night of ['2030-03-01', '2030-03-02', '2030-03-03']) {
        if (room.units > 0 && r.next() < 0.4) {
          room.taken[night] = r.int(1, room.units);
          await db.query('INSERT INTO room_nights (room_type_id, night, taken) VALUES ($1, $2, $3)', [
            inserted.rows[0]!.id,
            night,
            room.taken[night],
          ]);
        }
      }
      rooms.push({ id: inserted.rows[0]!.id, ...room });
    }
    out.push({ id, ...h, rooms });
  }
  return out;
}

export interface CarFixture {
  id: number;
  company: string;
  carClass: string;
  transmission: string;
  seats: number;
  units: number;
  price: number;
  taken: Record<string, number>;
}

/** Random rental cars at DEN, some days already taken. */
export async function insertCars(db: Db, count: number, seed = 3): Promise<CarFixture[]> {
  const r = prng(seed);
  const out: CarFixture[] = [];
  for (let i = 0; i < count; i++) {
    const car = {
      company: r.pick(['Hertz', 'Avis', 'Sixt', 'Budget']),
      carClass: r.pick(['economy', 'compact', 'suv', 'van', 'luxury']),
      transmission: r.pick(['automatic', 'manual']),
      seats: r.int(2, 8),
      units: r.int(0, 4),
      price: r.int(25, 200) * 100,
      taken: {} as Record<string, number>,
    };
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO cars (company, location_code, city, car_class, model, year, transmission, seats, units, daily_price_minor, policies)
       VALUES ($1, 'DEN', 'Denver', $2, 'Model', 2029, $3, $4, $5, $6, '{}') RETURNING id`,
      [car.company, car.carClass, car.transmission, car.seats, car.units, car.price],
    );
    for (const day of ['2030-03-01', '2030-03-02', '2030-03-03', '2030-03-04']) {
      if (car.units > 0 && r.next() < 0.3) {
        car.taken[day] = r.int(1, car.units);
        await db.query('INSERT INTO car_days (car_id, day, taken) VALUES ($1, $2, $3)', [
          rows[0]!.id,
          day,
          car.taken[day],
        ]);
      }
    }
    out.push({ id: rows[0]!.id, ...car });
  }
  return out;
}

/** A hotel listing as an owner submits it (POST /api/listings/hotels), in Denver; tests override what they test. */
export function aDenverHotelListing(name: string, overrides: Record<string, unknown> = {}) {
  return {
    name,
    cityCode: 'DEN',
    city: 'Denver',
    country: 'United States',
    address: '1600 Glenarm Pl',
    neighborhood: 'LoDo',
    latitude: 39.745,
    longitude: -104.99,
    stars: 4,
    amenities: ['wifi'],
    policies: {
      refundWindowHours: 48,
      petsAllowed: false,
      breakfastIncluded: true,
      parking: 'paid',
      checkInTime: '15:00',
      checkOutTime: '11:00',
    },
    description: 'Quiet rooms near Union Station.',
    rooms: [{ name: 'King', capacity: 2, units: 10, nightlyPrice: 21_000 }],
    ...overrides,
  };
}

import { z } from 'zod';
import { isoDateSchema } from './common.ts';

/*
 * What search tells the booking seed about its inventory (search's /internal/seed-world routes, behind the services'
 * credential): enough to book real listings in the right proportions, never more than counts and ids.
 */

const code = z.string().regex(/^[A-Z0-9]{3}$/);

export const seedWorldQuerySchema = z.strictObject({
  /** Rooms and cars already taken on days from this one on. */
  takenSince: isoDateSchema,
});

const takenSchema = z.object({ listing_id: z.number().int(), day: isoDateSchema, taken: z.number().int() });

export const seedRoomTypeSchema = z.object({
  id: z.number().int(),
  hotel_id: z.number().int(),
  city_code: code,
  capacity: z.number().int(),
  units: z.number().int(),
  /** Reviews plus a floor: how likely travelers are to pick the hotel. */
  popularity: z.number().int(),
});

export const seedCarSchema = z.object({
  id: z.number().int(),
  location_code: code,
  units: z.number().int(),
  minimum_age: z.number().int(),
});

export const seedWorldSchema = z.object({
  /** The days search has flights for (null: no flights at all). */
  window: z.object({ from: isoDateSchema, to: isoDateSchema }).nullable(),
  /** How many flights each route has in the window. */
  routes: z.array(z.object({ origin: code, destination: code, flights: z.number().int() })),
  rooms: z.array(seedRoomTypeSchema),
  cars: z.array(seedCarSchema),
  roomsTaken: z.array(takenSchema),
  carsTaken: z.array(takenSchema),
});

/** A route on a day, as `ORIGIN|DESTINATION|YYYY-MM-DD` (compact: thousands travel in one request). */
export const routeDayKeySchema = z.string().regex(/^[A-Z0-9]{3}\|[A-Z0-9]{3}\|\d{4}-\d{2}-\d{2}$/);
export const SEED_FLIGHT_KEYS_MAX = 2_000;

export const seedFlightsQuerySchema = z.strictObject({
  keys: z.array(routeDayKeySchema).min(1).max(SEED_FLIGHT_KEYS_MAX),
});

export const flightOnDaySchema = z.object({
  id: z.number().int(),
  origin: code,
  destination: code,
  depart_date: isoDateSchema,
  duration_min: z.number().int(),
  /** Seats left per cabin. */
  cabins: z.record(z.string(), z.number().int()),
});

export const seedFlightsSchema = z.object({ flights: z.array(flightOnDaySchema) });

export type SeedWorldView = z.infer<typeof seedWorldSchema>;
export type SeedRoomType = z.infer<typeof seedRoomTypeSchema>;
export type SeedCar = z.infer<typeof seedCarSchema>;
export type FlightOnDay = z.infer<typeof flightOnDaySchema>;

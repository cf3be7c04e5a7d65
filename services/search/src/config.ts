import { z } from 'zod';
import { loadConfigOrExit, tokenCheckingServiceEnvSchema } from '@tripwise/platform/config';

const schema = tokenCheckingServiceEnvSchema(4002).extend({
  /** The booking service, asked whether a traveler may review a listing. */
  BOOKING_URL: z.url().default('http://127.0.0.1:4003'),
  /** `off` asks the database for every search (benchmarks compare the two). */
  SEARCH_CACHE: z.enum(['on', 'off']).default('on'),
  /** With the cache on, how many hotels (of the cities searched last) are kept in memory to search in. */
  SEARCH_MEMORY_HOTELS: z.coerce.number().int().min(0).default(150_000),
  /** With the cache on, how many flights (of the days searched last) are kept in memory to search in. */
  SEARCH_MEMORY_FLIGHTS: z.coerce.number().int().min(0).default(600_000),
  /** With the cache on, how many cars (of the pick-up places searched last) are kept in memory to search in. */
  SEARCH_MEMORY_CARS: z.coerce.number().int().min(0).default(50_000),
  /** `demo` fills an empty inventory with generated flights, hotels and cars on first start; `none` leaves it. */
  SEED_INVENTORY: z.enum(['demo', 'none']).default('demo'),
  /** How often the demo's flights are rolled forward (missing days ahead added, past ones removed); 0: never. */
  INVENTORY_ROLL_MS: z.coerce.number().int().min(0).default(3_600_000),
  /**
   * Days of flights written before the service answers (on a first start, and after days off); the rest of the
   * window is written right after, in the background. The whole window (60) makes a start wait for all of it.
   */
  FLIGHT_DAYS_BEFORE_SERVING: z.coerce.number().int().min(1).max(366).default(21),
  /** How often the price market moves prices; 0 turns it off. */
  PRICE_TICK_MS: z.coerce.number().int().min(0).default(60_000),
  /** How many flight cabins, rooms and cars (each) one tick reprices. */
  PRICE_SAMPLE: z.coerce.number().int().min(1).max(10_000).default(200),
  /** Where listing photos are stored (a volume shared by every instance in compose). Default: DATA_DIR/search/photos. */
  PHOTOS_DIR: z.string().min(1).optional(),
  /** How often impressions and views are written to the database. */
  STATS_FLUSH_MS: z.coerce.number().int().min(100).default(10_000),
});

export type Config = ReturnType<typeof schema.parse>;
export const config: Config = loadConfigOrExit(schema, process.env);

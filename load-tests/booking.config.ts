import { z } from 'zod';
import { parseConfig } from '@tripwise/platform/config';

/** Booking benchmark settings; DATABASE_URL and REDIS_URL name the servers it makes its own database and prefix on. */
const parsed = parseConfig(
  z.object({
    /** Virtual users, each searching, booking and sometimes cancelling. */
    BENCH_BOOKING_USERS: z.coerce.number().int().positive().max(2000).default(100),
    /** Mean pause between a user's requests in the first phase (drawn from ±50 %); the second phase has none. */
    BENCH_BOOKING_THINK_MS: z.coerce.number().int().min(1).max(60_000).default(1_000),
    /** Unmeasured traffic first: JIT, connection pools, the search cache. */
    BENCH_BOOKING_WARMUP_SECONDS: z.coerce.number().min(0).max(600).default(20),
    /** Each measured phase: with think time, then without. */
    BENCH_BOOKING_PHASE_SECONDS: z.coerce.number().positive().max(1_800).default(180),
    /** Shares of virtual users paying with a declining test card, and cancelling what they booked. */
    BENCH_BOOKING_DECLINE_PERCENT: z.coerce.number().min(0).max(100).default(8),
    BENCH_BOOKING_CANCEL_PERCENT: z.coerce.number().min(0).max(100).default(15),
    /** Share of bookings that are a flight and a hotel stay together (a trip, all or nothing). */
    BENCH_BOOKING_TRIP_PERCENT: z.coerce.number().min(0).max(100).default(10),
    /** The inventory: `small` (30 busy cities, 45 days of flights) or `demo` (what `npm start` seeds: 100, 120 days). */
    BENCH_BOOKING_SCALE: z.enum(['small', 'demo']).default('small'),
    /**
     * Share of the seeded seats, rooms and cars kept on sale: a real site sells what is left after everyone else's
     * bookings, so popular flights, hotels and cars run out within the run and travelers race for the last units.
     */
    BENCH_BOOKING_CAPACITY_PERCENT: z.coerce.number().min(1).max(100).default(10),
    /** How long the stack may take after the load to finish or undo every booking before the audit. */
    BENCH_BOOKING_SETTLE_SECONDS: z.coerce.number().int().min(1).max(900).default(120),
  }),
  process.env,
);

export const bookingBenchEnv = {
  users: parsed.BENCH_BOOKING_USERS,
  thinkMs: parsed.BENCH_BOOKING_THINK_MS,
  warmupMs: parsed.BENCH_BOOKING_WARMUP_SECONDS * 1000,
  phaseMs: parsed.BENCH_BOOKING_PHASE_SECONDS * 1000,
  declineShare: parsed.BENCH_BOOKING_DECLINE_PERCENT / 100,
  cancelShare: parsed.BENCH_BOOKING_CANCEL_PERCENT / 100,
  tripShare: parsed.BENCH_BOOKING_TRIP_PERCENT / 100,
  scale: parsed.BENCH_BOOKING_SCALE,
  capacityShare: parsed.BENCH_BOOKING_CAPACITY_PERCENT / 100,
  settleMs: parsed.BENCH_BOOKING_SETTLE_SECONDS * 1000,
  /** The benchmark makes (and drops) its own database on this server. */
  databaseUrl: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
};

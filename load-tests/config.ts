import { z } from 'zod';
import { parseConfig } from '@tripwise/platform/config';

/** Benchmark settings; everything else in the environment (DATABASE_URL, REDIS_URL) is passed to the stack. */
const parsed = parseConfig(
  z.object({
    BENCH_SECONDS: z.coerce.number().positive().max(120).default(5),
    BENCH_CONCURRENCY: z.coerce.number().int().positive().max(1000).default(50),
    /** Gateway benchmark: how long the profiled gateway is loaded (0: no profile), and whether (b') runs on Redis. */
    BENCH_PROFILE_SECONDS: z.coerce.number().min(0).max(120).default(5),
    BENCH_GATEWAY_REDIS: z.enum(['true', 'false']).default('true'),
    /** Footprint benchmark: the mixed load after start (0: none), how many travelers, and whether to restart first. */
    BENCH_FOOTPRINT_LOAD_SECONDS: z.coerce.number().min(0).max(3_600).default(300),
    BENCH_FOOTPRINT_USERS: z.coerce.number().int().positive().max(500).default(20),
    BENCH_FOOTPRINT_RESTART: z.enum(['true', 'false']).default('true'),
    /** Search benchmark: virtual users, each pausing BENCH_THINK_MS (±50 %) between requests. */
    BENCH_USERS: z.coerce.number().int().positive().max(2000).default(100),
    BENCH_THINK_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
    /** Search benchmark: warm-up before each configuration, then the measured run with pauses, then without. */
    BENCH_WARMUP_SECONDS: z.coerce.number().min(0).max(600).default(30),
    BENCH_PHASE_SECONDS: z.coerce.number().positive().max(1_800).default(180),
    BENCH_SATURATION_SECONDS: z.coerce.number().min(0).max(600).default(60),
    /** Search benchmark: then the same users repeating only a few dozen popular searches (what the cache can do). */
    BENCH_POPULAR_SECONDS: z.coerce.number().min(0).max(600).default(30),
    /** Search benchmark: which data sets, comma-separated: `large` (~1 M flights) and `tenth` (10× less). */
    BENCH_SCALES: z
      .string()
      .default('large,tenth')
      .transform((v) => v.split(',').map((s) => s.trim()))
      .pipe(z.array(z.enum(['large', 'tenth'])).min(1)),
  }),
  process.env,
);

export const benchEnv = {
  durationMs: parsed.BENCH_SECONDS * 1000,
  concurrency: parsed.BENCH_CONCURRENCY,
  inherited: { ...process.env },
};

export const gatewayBenchEnv = {
  profileSeconds: parsed.BENCH_PROFILE_SECONDS,
  redis: parsed.BENCH_GATEWAY_REDIS === 'true',
  /** (b') uses this Redis whatever the rest runs on; the keys are under a prefix of the run's own, deleted after. */
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
};

export const footprintBenchEnv = {
  loadSeconds: parsed.BENCH_FOOTPRINT_LOAD_SECONDS,
  users: parsed.BENCH_FOOTPRINT_USERS,
  restart: parsed.BENCH_FOOTPRINT_RESTART === 'true',
};

export const searchBenchEnv = {
  users: parsed.BENCH_USERS,
  thinkMs: parsed.BENCH_THINK_MS,
  warmupMs: parsed.BENCH_WARMUP_SECONDS * 1000,
  phaseMs: parsed.BENCH_PHASE_SECONDS * 1000,
  saturationMs: parsed.BENCH_SATURATION_SECONDS * 1000,
  popularMs: parsed.BENCH_POPULAR_SECONDS * 1000,
  scales: [...new Set(parsed.BENCH_SCALES)],
  /** The benchmark makes (and drops) its own database on this server. */
  databaseUrl: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
};

import { z } from 'zod';
import { loadConfigOrExit, tokenCheckingServiceEnvSchema } from '@tripwise/platform/config';

const schema = tokenCheckingServiceEnvSchema(4005).extend({
  /** Where listings are, to check that an owner asks about one of their own. */
  SEARCH_URL: z.url().default('http://127.0.0.1:4002'),
  /** Raw events are deleted after this many days (at least 2: the last two days are rolled up again); rollups stay. */
  INSIGHTS_RETENTION_DAYS: z.coerce.number().int().min(2).max(3_650).default(90),
  /** How often buffered events are written to the database (a full buffer is written at once). */
  INSIGHTS_FLUSH_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  /** Events held in memory at most while waiting to be written; beyond it batches are refused with 429. */
  INSIGHTS_BUFFER_MAX_EVENTS: z.coerce.number().int().min(100).default(20_000),
  /** Batches one address may send per minute (a whole office behind one address counts once). */
  INSIGHTS_BATCHES_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Batches one tab (session id) may send per minute. */
  INSIGHTS_BATCHES_PER_SESSION_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** How often today's and yesterday's rollups are recomputed from the raw events. */
  INSIGHTS_ROLLUP_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
  /** How often raw events past the retention window are deleted. */
  INSIGHTS_RETENTION_INTERVAL_MS: z.coerce.number().int().min(100).default(3_600_000),
});

export type Config = ReturnType<typeof schema.parse>;
export const config: Config = loadConfigOrExit(schema, process.env);

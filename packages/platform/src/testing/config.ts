import { z } from 'zod';
import { parseConfig } from '../config/index.ts';

/**
 * What the test helpers read from the environment: with DATABASE_URL / REDIS_URL set, tests run against those
 * servers; without, against the embedded defaults (PGlite in memory, the in-process store).
 */
export const testEnv = parseConfig(
  z.object({
    DATABASE_URL: z.url().optional(),
    REDIS_URL: z.url().optional(),
  }),
  process.env,
);

import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { baseEnvSchema, loadConfigOrExit, storageEnvSchema } from '@tripwise/platform/config';

/** The data folder `npm start` uses, so that `npm run seed` fills the databases the stack then opens. */
const REPO_DATA_DIR = fileURLToPath(new URL('../../../../data', import.meta.url));
const schemaName = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier');

const schema = z.object({
  /** Required for `--scale large`; absent, the embedded PGlite databases in DATA_DIR (booking's and search's). */
  DATABASE_URL: storageEnvSchema.shape.DATABASE_URL,
  DATABASE_SCHEMA: schemaName.default('booking'),
  /** Where search keeps its inventory, in the same database (its DATABASE_SCHEMA). */
  SEARCH_DATABASE_SCHEMA: schemaName.default('search'),
  DATABASE_POOL_MAX: storageEnvSchema.shape.DATABASE_POOL_MAX,
  DATA_DIR: z.string().min(1).default(REPO_DATA_DIR),
  LOG_LEVEL: baseEnvSchema.shape.LOG_LEVEL,
});

export type SeedConfig = z.infer<typeof schema>;
export const seedConfig: SeedConfig = loadConfigOrExit(schema, process.env);

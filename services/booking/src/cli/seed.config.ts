import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadConfigOrExit, storageEnvSchema } from '@tripwise/platform/config';

/** The data folder `npm start` uses: the services' credential is there (unless INTERNAL_SERVICE_TOKEN is set). */
const REPO_DATA_DIR = fileURLToPath(new URL('../../../../data', import.meta.url));

const schema = z.object({
  /** The running booking service (the stack's BOOKING_PORT). */
  BOOKING_URL: z.url().default('http://127.0.0.1:4003'),
  INTERNAL_SERVICE_TOKEN: storageEnvSchema.shape.INTERNAL_SERVICE_TOKEN,
  DATA_DIR: z.string().min(1).default(REPO_DATA_DIR),
});

export type SeedConfig = z.infer<typeof schema>;
export const seedConfig: SeedConfig = loadConfigOrExit(schema, process.env);

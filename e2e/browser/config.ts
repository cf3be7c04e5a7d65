import { z } from 'zod';
import { parseConfig } from '@tripwise/platform/config';

/** Browser-test settings. Chromium comes from Debian's package (`apt-get install -y chromium`). */
export const browserEnv = parseConfig(
  z.object({
    CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
    /** Where screenshots of each test's key steps go (CI keeps them as artifacts). */
    E2E_ARTIFACTS_DIR: z.string().min(1).optional(),
    /** `false` shows the browser window while debugging locally. */
    E2E_HEADLESS: z.enum(['true', 'false']).default('true'),
    /** How long each process may take to start (on PGlite, search writes 60 days of flights first). */
    E2E_STACK_START_MS: z.coerce.number().int().positive().default(90_000),
  }),
  process.env,
);

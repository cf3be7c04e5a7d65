import { z } from 'zod';
import { parseConfig } from '@tripwise/platform/config';

/** Lighthouse benchmark settings (`npm run bench:web`); the only place it reads the environment. */
const parsed = parseConfig(
  z.object({
    /** Debian's Chromium (`apt-get install -y chromium`); Lighthouse drives it over the DevTools protocol. */
    CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
    /** A stack already running (e.g. `npm start`'s http://localhost:8080); unset, the benchmark starts its own. */
    BENCH_WEB_URL: z.url().optional(),
    /** The port of the stack it starts (0: a free one), on its own data folder (a temporary one, removed after). */
    BENCH_WEB_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
    /** Which form factors, comma-separated. */
    BENCH_WEB_PRESETS: z
      .string()
      .default('mobile,desktop')
      .transform((v) => v.split(',').map((s) => s.trim()))
      .pipe(z.array(z.enum(['mobile', 'desktop'])).min(1)),
    /** Lighthouse runs per page and preset; the median run (by performance score) is reported. */
    BENCH_WEB_RUNS: z.coerce.number().int().min(1).max(9).default(1),
    /** How long the stack it starts may take (on the embedded database, search seeds its flights first). */
    BENCH_WEB_START_MS: z.coerce.number().int().positive().default(300_000),
  }),
  process.env,
);

export const webBenchEnv = {
  chromiumPath: parsed.CHROMIUM_PATH,
  url: parsed.BENCH_WEB_URL,
  port: parsed.BENCH_WEB_PORT,
  presets: parsed.BENCH_WEB_PRESETS,
  runs: parsed.BENCH_WEB_RUNS,
  startTimeoutMs: parsed.BENCH_WEB_START_MS,
  /** Handed to the stack's processes, which find nothing else of this environment. */
  path: process.env.PATH,
};

import { join } from 'node:path';
import { z } from 'zod';
import { baseEnvSchema, parseConfig, portSchema } from '@tripwise/platform/config';
import { REPO_ROOT } from './processes.ts';

/** What `npm start` reads: the gateway's PORT, each service's port, and where embedded data lives. */
export function loadStackConfig(env: NodeJS.ProcessEnv) {
  return parseConfig(
    z.object({
      PORT: portSchema(8080),
      AUTH_PORT: portSchema(4001),
      SEARCH_PORT: portSchema(4002),
      BOOKING_PORT: portSchema(4003),
      AI_AGENT_PORT: portSchema(4004),
      DATA_DIR: z.string().min(1).default(join(REPO_ROOT, 'data')),
      LOG_LEVEL: baseEnvSchema.shape.LOG_LEVEL,
      /** `pretty` for people at a terminal, `json` to keep the services' lines as they are. */
      LOG_FORMAT: z.enum(['pretty', 'json']).default('pretty'),
      DATABASE_URL: z.url().optional(),
      REDIS_URL: z.url().optional(),
    }),
    env,
  );
}

/** `npm start`'s settings, and the environment every process inherits (storage URLs, SENTRY_DSN, …). */
export const stackConfig = loadStackConfig(process.env);
export const inheritedEnv: NodeJS.ProcessEnv = { ...process.env };

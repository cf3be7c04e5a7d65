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
      INSIGHTS_PORT: portSchema(4005),
      /** The gateway's /metrics, on 127.0.0.1 only: never on its public PORT. */
      GATEWAY_METRICS_PORT: portSchema(9464),
      /** `npm run edge`: nginx's HTTPS and HTTP ports, and the gateway's behind it. */
      EDGE_HTTPS_PORT: portSchema(8443),
      EDGE_HTTP_PORT: portSchema(8080),
      EDGE_GATEWAY_PORT: portSchema(8090),
      /** Where browsers reach the product (mail links, the allowed origin); default: localhost on the port in use. */
      PUBLIC_URL: z.url().optional(),
      /** Browser origins allowed to call the API and open sockets; default: PUBLIC_URL's and localhost's. */
      CORS_ORIGINS: z.string().min(1).optional(),
      DATA_DIR: z.string().min(1).default(join(REPO_ROOT, 'data')),
      LOG_LEVEL: baseEnvSchema.shape.LOG_LEVEL,
      /** `pretty` for people at a terminal, `json` to keep the services' lines as they are. */
      LOG_FORMAT: z.enum(['pretty', 'json']).default('pretty'),
      DATABASE_URL: z.url().optional(),
      REDIS_URL: z.url().optional(),
      /** The services' credential (else the one in DATA_DIR/internal), for the demo data import. */
      INTERNAL_SERVICE_TOKEN: z.string().min(32).optional(),
      /** `false`: no demo booking history and no demo listings for the demo owner on start. */
      SEED_DEMO_HISTORY: z.enum(['true', 'false']).default('true'),
    }),
    env,
  );
}

/**
 * PUBLIC_URL and CORS_ORIGINS for a stack whose browsers arrive at `publicUrl` (unless set): mail links lead there,
 * and the gateway and the agent accept sockets and API calls from there, from localhost on the same port, and from
 * the Vite dev servers. Deriving them from the port in use keeps `PORT=9000 npm start` working end to end.
 */
export function publicAddresses(
  config: { PUBLIC_URL?: string | undefined; CORS_ORIGINS?: string | undefined },
  publicUrl: string,
): { PUBLIC_URL: string; CORS_ORIGINS: string } {
  const url = config.PUBLIC_URL ?? publicUrl;
  const port = new URL(url).port;
  const local = port ? [`http://localhost:${port}`, `http://127.0.0.1:${port}`] : [];
  const dev = ['http://localhost:5173', 'http://localhost:5174'];
  const origins = config.CORS_ORIGINS ?? [...new Set([new URL(url).origin, ...local, ...dev])].join(',');
  return { PUBLIC_URL: url, CORS_ORIGINS: origins };
}

/** `npm start`'s settings, and the environment every process inherits (storage URLs, SENTRY_DSN, …). */
export const stackConfig = loadStackConfig(process.env);
export const inheritedEnv: NodeJS.ProcessEnv = { ...process.env };

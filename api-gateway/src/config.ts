import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  baseEnvSchema,
  allowedOriginsSchema,
  envBoolean,
  loadConfigOrExit,
  portSchema,
  storageEnvSchema,
  tokenVerificationEnvSchema,
} from '@tripwise/platform/config';

const frontendDist = (name: string) => fileURLToPath(new URL(`../../frontend/${name}/dist`, import.meta.url));
const perMinute = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const urlListSchema = z
  .string()
  .transform((list) => list.split(',').map((url) => url.trim()))
  .pipe(z.array(z.url()).min(1));

const schema = baseEnvSchema
  .extend(
    storageEnvSchema.pick({ REDIS_URL: true, REDIS_PREFIX: true, DATA_DIR: true, INTERNAL_SERVICE_TOKEN: true }).shape,
  )
  .extend(tokenVerificationEnvSchema.shape)
  .extend({
    PORT: portSchema(8080),
    /** Prometheus scrapes the gateway here (METRICS_HOST, default HOST), never on its public PORT. */
    METRICS_PORT: portSchema(9464),
    /** In the embedded mode browsers connect directly; behind nginx, set 1. */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    /** Each service's address; several, comma-separated, for several instances (taken in turn). */
    SEARCH_URL: urlListSchema.default(['http://127.0.0.1:4002']),
    BOOKING_URL: urlListSchema.default(['http://127.0.0.1:4003']),
    AI_AGENT_URL: urlListSchema.default(['http://127.0.0.1:4004']),
    INSIGHTS_URL: urlListSchema.default(['http://127.0.0.1:4005']),
    /** How long a deny-list answer is reused: a revoked session is refused within this. */
    DENY_LIST_CACHE_MS: z.coerce.number().int().min(0).max(30_000).default(2_000),
    /** Origins allowed to call the API with credentials (comma-separated, exact). */
    CORS_ORIGINS: allowedOriginsSchema,
    /** Longest wait for an upstream's answer before a 504; the AI agent's own is AI_TIMEOUT_MS. */
    UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    AI_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
    BREAKER_FAILURE_THRESHOLD: z.coerce.number().int().positive().default(5),
    BREAKER_OPEN_MS: z.coerce.number().int().positive().default(5_000),
    /** The limits' window; auth attempts count over 15 of them. Shorter only in tests. */
    RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(100).default(60_000),
    RATE_LIMIT_READS_PER_MINUTE: perMinute(600),
    RATE_LIMIT_WRITES_PER_MINUTE: perMinute(120),
    RATE_LIMIT_AUTH_PER_15_MINUTES: perMinute(20),
    RATE_LIMIT_AI_MESSAGES_PER_MINUTE: perMinute(20),
    RATE_LIMIT_BOOKING_WRITES_PER_MINUTE: perMinute(10),
    RATE_LIMIT_WS_CONNECTIONS_PER_MINUTE: perMinute(20),
    /** How often the status page (/status) looks at every service. */
    STATUS_CHECK_MS: z.coerce.number().int().min(1_000).default(15_000),
    /** Serve the built SPAs (embedded mode); behind nginx, nginx serves them. */
    SERVE_FRONTENDS: envBoolean(true),
    /**
     * The outbox folder auth writes mail to when it has no SMTP relay: shown at /dev/mail to this machine's browser
     * (npm start sets it; never in production).
     */
    DEV_MAIL_OUTBOX_DIR: z.string().min(1).optional(),
    WEB_CLIENT_DIST: z.string().min(1).default(frontendDist('web-client')),
    ADMIN_PORTAL_DIST: z.string().min(1).default(frontendDist('admin-portal')),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.DEV_MAIL_OUTBOX_DIR === undefined, {
    path: ['DEV_MAIL_OUTBOX_DIR'],
    message: 'the mail viewer is for development only: unset it in production',
  });

export type Config = z.infer<typeof schema>;
export const config: Config = loadConfigOrExit(schema, process.env);

import { z } from 'zod';

const PORT_MESSAGE = 'expected a port number from 0 to 65535';
function portNumber() {
  return z.coerce
    .number({ error: PORT_MESSAGE })
    .int({ error: PORT_MESSAGE })
    .min(0, { error: PORT_MESSAGE })
    .max(65535, { error: PORT_MESSAGE });
}

/** Variables every Tripwise process understands. Services extend this with their own. */
export const baseEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: portNumber(),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'http', 'debug']).default('info'),
  SENTRY_DSN: z.url().optional(),
  /** The release Sentry files errors under: the commit deployed (the deploy workflow sets it). */
  SENTRY_RELEASE: z.string().min(1).max(200).optional(),
  /** OTLP/HTTP collector (e.g. http://otel-collector:4318): spans are exported to `<it>/v1/traces` when set. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'a size such as 100kb or 1mb')
    .default('100kb'),
  /**
   * Proxies in front of this process whose X-Forwarded-For entry is believed. A service trusts one, the gateway,
   * which always replaces the header with the client it saw; the gateway itself trusts 0, or 1 behind nginx.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(1),
  /**
   * When set, /metrics is (also) served on this port, on METRICS_HOST: a port only the operator's network reaches.
   * The gateway serves it there alone, never on its public PORT; a service's PORT is private already.
   */
  METRICS_PORT: portNumber().optional(),
  /** Where the metrics port listens; default: HOST. */
  METRICS_HOST: z.string().min(1).optional(),
});

/** The storage variables of a service that owns a database and uses the key-value store. */
export const storageEnvSchema = z.object({
  /** Absent: embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.url().optional(),
  /** The Postgres schema this service owns; defaults to the service name. */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  /**
   * The longest a statement may run, and (plus a margin) the longest the client waits for its answer: a cut or
   * overloaded database fails a request with a 503 well before the gateway's own timeout, never hangs it.
   */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** The longest a request waits for a pooled connection (or a new one) before it is told to retry. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(3_000),
  /** Absent: in-process key-value store. */
  REDIS_URL: z.url().optional(),
  REDIS_PREFIX: z.string().min(1).default('tw:'),
  /** The longest one Redis command may take: rate limits, deny lists and caches then decide, rather than wait. */
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(50).default(500),
  DATA_DIR: z.string().min(1).default('data'),
  /** Embedded PGlite's buffer cache (Postgres's shared_buffers), held in each service's memory. */
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^\d+(kB|MB|GB)$/, 'a size such as 16MB')
    .default('16MB'),
  /** The credential services show each other on /internal routes; default: generated into DATA_DIR/internal. */
  INTERNAL_SERVICE_TOKEN: z.string().min(32, 'at least 32 characters').optional(),
});

export type BaseEnv = z.infer<typeof baseEnvSchema>;
export type StorageEnv = z.infer<typeof storageEnvSchema>;

/** A TCP port with the service's default (0 picks a free one, for tests). */
export const portSchema = (defaultPort: number) => portNumber().default(defaultPort);

/** `true` or `false` (z.coerce.boolean would read the string "false" as true). */
export const envBoolean = (defaultValue: boolean) =>
  z
    .enum(['true', 'false'])
    .default(defaultValue ? 'true' : 'false')
    .transform((value) => value === 'true');

/** What a process needs to check access tokens itself: where auth publishes its keys, and what a token must say. */
export const tokenVerificationEnvSchema = z.object({
  AUTH_URL: z.url().default('http://127.0.0.1:4001'),
  /** Default: AUTH_URL + /api/auth/.well-known/jwks.json. */
  AUTH_JWKS_URL: z.url().optional(),
  TOKEN_ISSUER: z.url().default('http://localhost:8080/api/auth'),
  TOKEN_AUDIENCE: z.string().min(1).default('tripwise'),
});

export type TokenVerificationEnv = z.infer<typeof tokenVerificationEnvSchema>;

/** What every service's config starts from: the base variables, its storage and its port. Auth, which issues the
 * access tokens, extends this one; every other service checks tokens and extends `tokenCheckingServiceEnvSchema`. */
export const serviceEnvSchema = (defaultPort: number) =>
  baseEnvSchema.extend(storageEnvSchema.shape).extend({ PORT: portSchema(defaultPort) });

/** A service's variables when it checks access tokens itself: where auth publishes its keys, what a token says. */
export const tokenCheckingServiceEnvSchema = (defaultPort: number) =>
  serviceEnvSchema(defaultPort).extend(tokenVerificationEnvSchema.shape);

/**
 * Browser origins allowed to call the API or open a socket: comma-separated, exact (`scheme://host[:port]`). The
 * default covers the embedded stack, the TLS edge and the Vite dev servers.
 */
export const allowedOriginsSchema = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url().regex(/^https?:\/\/[^/]+$/, 'an origin: scheme://host[:port], no path')))
  .default(['http://localhost:8080', 'https://localhost:8443', 'http://localhost:5173', 'http://localhost:5174']);

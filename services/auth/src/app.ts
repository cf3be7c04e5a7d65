import { createTokenVerifier, isSessionDenied } from '@tripwise/platform/auth';
import type { Db } from '@tripwise/platform/db';
import { createService, type ErrorReporter, type Service } from '@tripwise/platform/http';
import type { KvStore } from '@tripwise/platform/kv';
import type { Logger } from '@tripwise/platform/logger';
import { createMetrics, registerProcessMetrics } from '@tripwise/platform/metrics';
import { createLocalJWKSet } from 'jose';
import { AUTH_METRICS } from './auth.metrics.ts';
import type { Config } from './config.ts';
import type { AuthDeps } from './domain/auth-deps.ts';
import { createSessionStore } from './domain/sessions/session.store.ts';
import type { KeyManager } from './keys/key-manager.ts';
import type { MailWorker } from './mail/mail-worker.ts';
import { accountRoutes } from './routes/account.routes.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { keyRoutes } from './routes/keys.routes.ts';
import { internalUserRoutes } from './routes/internal-users.routes.ts';
import { sessionRoutes, type RoutePolicies } from './routes/session.routes.ts';
import { twoFactorRoutes } from './routes/two-factor.routes.ts';
import type { DataKey } from './secrets/data-key.ts';

export const SERVICE_NAME = 'auth';

export type AuthAppConfig = Pick<
  Config,
  | 'BODY_LIMIT'
  | 'TRUST_PROXY_HOPS'
  | 'COOKIE_SECURE'
  | 'TOKEN_ISSUER'
  | 'TOKEN_AUDIENCE'
  | 'ACCESS_TOKEN_TTL_SECONDS'
  | 'REFRESH_GRACE_SECONDS'
  | 'PUBLIC_URL'
  | 'LOGINS_PER_IP_PER_5_MINUTES'
  | 'REGISTRATIONS_PER_IP_PER_HOUR'
  | 'EMAIL_REQUESTS_PER_IP_PER_15_MINUTES'
  | 'EMAIL_LINK_USES_PER_IP_PER_15_MINUTES'
>;

export interface AuthAppDeps {
  config: AuthAppConfig;
  logger: Logger;
  db: Db;
  kv: KvStore;
  keys: KeyManager;
  dataKey: DataKey;
  /** Sends queued mail; a request that queues some wakes it, and a background task drains it too. */
  mail: Pick<MailWorker, 'drain' | 'pollMs'>;
  /** The credential other services show on internal routes (the deny-list check). */
  serviceToken: string;
  errorReporter?: ErrorReporter | undefined;
  now?: () => number;
  /** Tells search an owner's account was deleted (see clients/search.client.ts). */
  ownerDeleted?: ((ownerId: string) => Promise<void>) | undefined;
}

const CLOCK_SKEW_MS = 60_000;

/** The use cases' dependencies, from the service's infrastructure. */
export function authDeps(deps: AuthAppDeps): AuthDeps {
  const { config } = deps;
  const now = deps.now ?? Date.now;
  return {
    db: deps.db,
    kv: deps.kv,
    keys: deps.keys,
    dataKey: deps.dataKey,
    logger: deps.logger,
    mailQueued: () => {
      deps.mail.drain().catch((err: unknown) => deps.logger.error('sending queued mail failed', { err }));
    },
    publicUrl: config.PUBLIC_URL,
    ownerDeleted: deps.ownerDeleted,
    ipLimits: {
      loginsPer5Minutes: config.LOGINS_PER_IP_PER_5_MINUTES,
      registrationsPerHour: config.REGISTRATIONS_PER_IP_PER_HOUR,
      emailRequestsPer15Minutes: config.EMAIL_REQUESTS_PER_IP_PER_15_MINUTES,
      emailLinkUsesPer15Minutes: config.EMAIL_LINK_USES_PER_IP_PER_15_MINUTES,
    },
    now,
    accessToken: {
      issuer: config.TOKEN_ISSUER,
      audience: config.TOKEN_AUDIENCE,
      ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    },
    sessions: createSessionStore({
      kv: deps.kv,
      dataKey: deps.dataKey,
      graceMs: config.REFRESH_GRACE_SECONDS * 1000,
      denyMs: config.ACCESS_TOKEN_TTL_SECONDS * 1000 + CLOCK_SKEW_MS,
      now,
    }),
  };
}

export function createApp(deps: AuthAppDeps): Service {
  const auth = authDeps(deps);
  // Our own tokens are checked against our own keys (no HTTP round trip), then against the deny list.
  const verify = createTokenVerifier({
    keys: (header, token) => createLocalJWKSet({ keys: deps.keys.publicJwks() })(header, token),
    issuer: deps.config.TOKEN_ISSUER,
    audience: deps.config.TOKEN_AUDIENCE,
  });
  const isDenied = (sid: string) => isSessionDenied(deps.kv, sid);
  const policies: RoutePolicies = { cookieSecure: deps.config.COOKIE_SECURE };
  const routes = [sessionRoutes, accountRoutes, twoFactorRoutes, adminRoutes].map((make) => make(auth, policies));
  const metrics = createMetrics(SERVICE_NAME);
  registerProcessMetrics(metrics.registry, AUTH_METRICS);
  return createService({
    name: SERVICE_NAME,
    logger: deps.logger,
    metrics,
    bodyLimit: deps.config.BODY_LIMIT,
    trustProxyHops: deps.config.TRUST_PROXY_HOPS,
    publicPrefixes: ['/api/auth'],
    readiness: { database: () => deps.db.ping(), kv: () => deps.kv.ping() },
    ...(deps.errorReporter ? { errorReporter: deps.errorReporter } : {}),
    access: { verify, isDenied, serviceToken: deps.serviceToken },
    openApi: { path: '/api/auth/openapi.json', title: 'Tripwise auth' },
    mounts: [
      { prefix: '', router: keyRoutes(auth) },
      { prefix: '', router: internalUserRoutes(auth) },
      ...routes.map((router) => ({ prefix: '/api/auth', router })),
    ],
    backgroundTasks: [
      { name: 'signing-key-refresh', everyMs: deps.keys.refreshEveryMs, run: deps.keys.refresh },
      { name: 'mail-send', everyMs: deps.mail.pollMs, run: deps.mail.drain },
    ],
  });
}

import type { RequestHandler } from 'express';
import { requireAuth, requireServiceToken, type TokenVerifier } from '@tripwise/platform/auth';
import { AppError } from '@tripwise/platform/errors';
import type { Db } from '@tripwise/platform/db';
import { createService, openApiDocument, type ErrorReporter, type Service } from '@tripwise/platform/http';
import type { KvStore } from '@tripwise/platform/kv';
import type { Logger } from '@tripwise/platform/logger';
import { createMetrics } from '@tripwise/platform/metrics';
import type { SearchClient } from './clients/search.client.ts';
import type { Config } from './config.ts';
import type { Checkpoint, SagaDeps } from './domain/booking-saga.ts';
import { createOutboxPublisher } from './domain/outbox-publisher.ts';
import { recoverAbandonedBookings } from './domain/recover-bookings.ts';
import type { CardProcessor } from './payments/card-processor.ts';
import { analyticsRoutes } from './routes/analytics.routes.ts';
import { billingRoutes } from './routes/billing.routes.ts';
import { bookingRoutes } from './routes/bookings.routes.ts';
import { internalRoutes } from './routes/internal.routes.ts';

export const SERVICE_NAME = 'booking';

export interface AppDeps {
  config: Pick<Config, 'BODY_LIMIT' | 'TRUST_PROXY_HOPS' | 'HOLD_TTL_SECONDS' | 'BOOKING_LEASE_SECONDS'>;
  logger: Logger;
  db: Db;
  kv: KvStore;
  errorReporter?: ErrorReporter | undefined;
  verify: TokenVerifier;
  /** The credential other services show on /internal routes. */
  serviceToken: string;
  search: SearchClient;
  payments: CardProcessor;
  /** Called at each point between saga steps (tests kill the process at one of them). */
  checkpoint?: (name: Checkpoint) => void;
}

export interface BookingService extends Service {
  /** Publishes outbox events now; index.ts also calls it every OUTBOX_POLL_MS. */
  publishEvents: () => Promise<void>;
  /** Finishes or undoes bookings whose worker died; index.ts calls it every RECOVERY_INTERVAL_MS. */
  recoverBookings: () => Promise<number>;
}

/** Admins see the whole marketplace's figures only when signed in with their second factor. */
const adminsWithSecondFactor: RequestHandler = (req, _res, next) => {
  if (req.identity?.role === 'admin' && !req.identity.amr.includes('mfa')) {
    throw new AppError('mfa-required', 403, 'Forbidden', { detail: 'Sign in with your second factor to see this.' });
  }
  next();
};

export function createApp(deps: AppDeps): BookingService {
  const { db } = deps;
  const metrics = createMetrics(SERVICE_NAME);
  const outbox = createOutboxPublisher(db, deps.kv, deps.logger);
  const saga: SagaDeps = {
    db,
    search: deps.search,
    payments: deps.payments,
    logger: deps.logger,
    holdTtlSeconds: deps.config.HOLD_TTL_SECONDS,
    leaseSeconds: deps.config.BOOKING_LEASE_SECONDS,
    checkpoint: deps.checkpoint ?? (() => undefined),
    eventsWritten: () => void outbox.publishPending(),
  };
  const bookings = bookingRoutes(saga, requireAuth(deps.verify));
  const billing = billingRoutes(db, requireAuth(deps.verify, { roles: ['admin'], requireMfa: true }));
  const analytics = analyticsRoutes(db, [
    requireAuth(deps.verify, { roles: ['owner', 'admin'] }),
    adminsWithSecondFactor,
  ]);
  const internal = internalRoutes(db, requireServiceToken(deps.serviceToken));
  const openApi = openApiDocument({
    title: 'Tripwise booking',
    version: '1',
    mounts: [
      { prefix: '/api/bookings', router: bookings },
      { prefix: '/api/billing', router: billing },
      { prefix: '/api/analytics', router: analytics },
      { prefix: '/internal', router: internal },
    ],
  });
  const service = createService({
    name: SERVICE_NAME,
    logger: deps.logger,
    metrics,
    bodyLimit: deps.config.BODY_LIMIT,
    trustProxyHops: deps.config.TRUST_PROXY_HOPS,
    publicPrefixes: ['/api/bookings', '/api/billing', '/api/analytics'],
    readiness: { database: () => db.ping(), kv: () => deps.kv.ping() },
    ...(deps.errorReporter ? { errorReporter: deps.errorReporter } : {}),
    routes: (app) => {
      app.get('/api/bookings/openapi.json', (_req, res) => {
        res.json(openApi);
      });
      app.use('/api/bookings', bookings.router);
      app.use('/api/billing', billing.router);
      app.use('/api/analytics', analytics.router);
      app.use('/internal', internal.router);
    },
  });
  return { ...service, publishEvents: outbox.publishPending, recoverBookings: () => recoverAbandonedBookings(saga) };
}

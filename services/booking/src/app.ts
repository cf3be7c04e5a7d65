import type { Db } from '@tripwise/platform/db';
import { createService, type AccessPolicy, type ErrorReporter, type Service } from '@tripwise/platform/http';
import type { KvStore } from '@tripwise/platform/kv';
import type { Logger } from '@tripwise/platform/logger';
import { createMetrics, registerProcessMetrics } from '@tripwise/platform/metrics';
import { BOOKING_METRICS } from './booking.metrics.ts';
import type { SearchClient, SeedWorldReads } from './clients/search.client.ts';
import type { Config } from './config.ts';
import type { Checkpoint, SagaDeps } from './domain/booking-saga.ts';
import { createOutboxPublisher } from './domain/outbox-publisher.ts';
import { DEFAULT_PAYMENT_LIMITS, paymentAttempts } from './domain/payment-attempts.ts';
import { recoverAbandonedBookings } from './domain/recover-bookings.ts';
import type { CardProcessor } from './payments/card-processor.ts';
import { analyticsRoutes } from './routes/analytics.routes.ts';
import { billingRoutes } from './routes/billing.routes.ts';
import { bookingRoutes } from './routes/bookings.routes.ts';
import { internalRoutes } from './routes/internal.routes.ts';
import { seedHistoryRoutes } from './routes/seed-history.routes.ts';

export const SERVICE_NAME = 'booking';

export interface AppDeps {
  config: Pick<
    Config,
    | 'BODY_LIMIT'
    | 'TRUST_PROXY_HOPS'
    | 'HOLD_TTL_SECONDS'
    | 'BOOKING_LEASE_SECONDS'
    | 'OUTBOX_POLL_MS'
    | 'RECOVERY_INTERVAL_MS'
  > &
    Partial<Pick<Config, 'PAYMENT_ATTEMPTS_PER_15_MINUTES' | 'CARD_DECLINES_PER_HOUR'>>;
  logger: Logger;
  db: Db;
  kv: KvStore;
  errorReporter?: ErrorReporter | undefined;
  /** Token checks and the service credential that guard every route by its declared access. */
  access: AccessPolicy;
  search: SearchClient & SeedWorldReads;
  payments: CardProcessor;
  /** Called at each point between saga steps (tests kill the process at one of them). */
  checkpoint?: (name: Checkpoint) => void;
}

export interface BookingService extends Service {
  /** Publishes outbox events now (also a background task, every OUTBOX_POLL_MS). */
  publishEvents: () => Promise<void>;
  /** Finishes or undoes bookings whose worker died (also a background task, every RECOVERY_INTERVAL_MS). */
  recoverBookings: () => Promise<number>;
}

export function createApp(deps: AppDeps): BookingService {
  const { db } = deps;
  const metrics = createMetrics(SERVICE_NAME);
  registerProcessMetrics(metrics.registry, BOOKING_METRICS);
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
    paymentAttempts: paymentAttempts(deps.kv, {
      attemptsPer15Minutes: deps.config.PAYMENT_ATTEMPTS_PER_15_MINUTES ?? DEFAULT_PAYMENT_LIMITS.attemptsPer15Minutes,
      declinesPerHour: deps.config.CARD_DECLINES_PER_HOUR ?? DEFAULT_PAYMENT_LIMITS.declinesPerHour,
    }),
  };
  const recoverBookings = () => recoverAbandonedBookings(saga);
  const service = createService({
    name: SERVICE_NAME,
    logger: deps.logger,
    metrics,
    bodyLimit: deps.config.BODY_LIMIT,
    trustProxyHops: deps.config.TRUST_PROXY_HOPS,
    publicPrefixes: ['/api/bookings', '/api/billing', '/api/analytics'],
    readiness: { database: () => db.ping(), kv: () => deps.kv.ping() },
    ...(deps.errorReporter ? { errorReporter: deps.errorReporter } : {}),
    access: deps.access,
    openApi: { path: '/api/bookings/openapi.json', title: 'Tripwise booking' },
    mounts: [
      { prefix: '/api/bookings', router: bookingRoutes(saga) },
      { prefix: '/api/billing', router: billingRoutes(db) },
      { prefix: '/api/analytics', router: analyticsRoutes(db) },
      { prefix: '/internal', router: internalRoutes(db) },
      { prefix: '/internal', router: seedHistoryRoutes(db, deps.search, deps.logger) },
    ],
    backgroundTasks: [
      { name: 'outbox-publish', everyMs: deps.config.OUTBOX_POLL_MS, run: outbox.publishPending },
      {
        name: 'booking-recovery',
        everyMs: deps.config.RECOVERY_INTERVAL_MS,
        run: recoverBookings,
        runAtStart: true,
      },
    ],
  });
  return { ...service, publishEvents: outbox.publishPending, recoverBookings };
}

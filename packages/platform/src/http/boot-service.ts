import { cachingDenyCheck, httpDenyCheck, isSessionDenied, verifierFromConfig } from '../auth/index.ts';
import { loadServiceToken, type BaseEnv, type StorageEnv, type TokenVerificationEnv } from '../config/index.ts';
import type { Db } from '../db/index.ts';
import { openKvStore, type KvStore } from '../kv/index.ts';
import { createLogger, type Logger } from '../logger/index.ts';
import { runBackgroundTasks, type RunningTasks } from './background-tasks.ts';
import type { Service } from './create-service.ts';
import { openStorage } from './open-storage.ts';
import type { AccessPolicy } from './route-access.ts';
import { initTracing } from '../tracing/index.ts';
import { initSentry, type ErrorReporter } from './sentry.ts';
import { startService, type Closer, type RunningService } from './start-service.ts';

/** How long a deny-list answer is reused by a service: a revoked session is refused within this. */
const DENY_CHECK_CACHE_MS = 2_000;

export interface BootContext<C extends BaseEnv = BaseEnv> {
  config: C;
  logger: Logger;
  errorReporter: ErrorReporter | undefined;
  /** Registers a resource to release on shutdown (or if start-up fails after it was opened). */
  onClose: (closer: Closer) => void;
  /** Registers what must end first when shutdown begins (open WebSockets), so the drain does not wait on it. */
  onDrain: (drainer: Closer) => void;
  /** The key-value store alone (a process without a database: the gateway); closed on shutdown. */
  kvStore(this: void): Promise<KvStore>;
  /** The service's own database, migrated, and the key-value store; both closed on shutdown. */
  storage(this: void, migrationsDir: string): Promise<{ db: Db; kv: KvStore }>;
  /** The credential services show each other on internal routes. */
  serviceToken(this: void): Promise<string>;
  /**
   * The token checks every service makes itself (defence in depth behind the gateway): signatures against auth's
   * keys, and auth's deny list — shared in Redis, or asked of auth over HTTP in the embedded mode.
   */
  accessPolicy(this: void, kv: KvStore, options?: { denyCacheMs?: number }): Promise<AccessPolicy>;
}

export interface BootOptions<C extends BaseEnv, S extends Service> {
  name: string;
  config: C;
  /** The composition root: open what the service needs and build its app. */
  build(context: BootContext<C>): Promise<S> | S;
}

// A process's config schema says what it has; these check at boot that what it asks the context for is in it.
function storageEnv(config: BaseEnv): StorageEnv {
  const env = config as Partial<StorageEnv>;
  if (!env.DATA_DIR || !env.REDIS_PREFIX) throw new Error('this process has no storage settings in its config');
  return env as StorageEnv;
}
function tokenEnv(config: BaseEnv): StorageEnv & TokenVerificationEnv {
  const env = config as Partial<TokenVerificationEnv>;
  if (!env.AUTH_URL) throw new Error('this process has no token verification settings in its config');
  return { ...storageEnv(config), ...(env as TokenVerificationEnv) };
}

/**
 * A service's whole start-up: logger, Sentry (if configured), its dependencies, then listen with graceful
 * shutdown, with the service's background tasks running. Resources close in reverse order of opening; background
 * tasks stop when shutdown begins. If anything
 * fails on the way, what was opened is closed, one line says why, and the process exits non-zero.
 */
export async function bootService<C extends BaseEnv, S extends Service>(
  options: BootOptions<C, S>,
): Promise<RunningService & { service: S }> {
  const { config, name } = options;
  const logger = createLogger({ service: name, level: config.LOG_LEVEL });
  const closers: Closer[] = [];
  const drainers: Closer[] = [];
  let tasks: RunningTasks | undefined;
  let token: Promise<string> | undefined;
  const serviceToken = () => (token ??= loadServiceToken(storageEnv(config)));
  try {
    const errorReporter = await initSentry({
      dsn: config.SENTRY_DSN,
      service: name,
      environment: config.NODE_ENV,
      release: config.SENTRY_RELEASE,
      logger,
    });
    if (errorReporter) closers.push(() => errorReporter.flush(2_000));
    const tracing = await initTracing({
      endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
      service: name,
      environment: config.NODE_ENV,
    });
    if (tracing) {
      logger.info('tracing enabled: spans exported over OTLP/HTTP');
      closers.push(() => tracing.shutdown());
    }
    const context: BootContext<C> = {
      config,
      logger,
      errorReporter,
      onClose: (closer) => closers.push(closer),
      onDrain: (drainer) => drainers.push(drainer),
      kvStore: async () => {
        const kv = await openKvStore(storageEnv(config), logger);
        closers.push(() => kv.close());
        return kv;
      },
      storage: (migrationsDir) => openStorage(name, storageEnv(config), migrationsDir, context),
      serviceToken,
      accessPolicy: async (kv, options = {}) => {
        const env = tokenEnv(config);
        const token = await serviceToken();
        const denyCheck = env.REDIS_URL
          ? (sid: string) => isSessionDenied(kv, sid)
          : httpDenyCheck(env.AUTH_URL, token);
        return {
          verify: verifierFromConfig(env),
          isDenied: cachingDenyCheck(denyCheck, options.denyCacheMs ?? DENY_CHECK_CACHE_MS),
          serviceToken: token,
        };
      },
    };
    const service = await options.build(context);
    // Periodic work stops as soon as shutdown begins, before the database and store it uses are closed.
    const running = runBackgroundTasks(service.backgroundTasks, { logger, registry: service.metrics.registry });
    tasks = running;
    drainers.push(() => running.stop());
    const started = await startService(service, {
      port: config.PORT,
      host: config.HOST,
      shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
      ...(config.METRICS_PORT !== undefined
        ? { metrics: { port: config.METRICS_PORT, host: config.METRICS_HOST ?? config.HOST } }
        : {}),
      closers: [...closers].reverse(),
      drainers,
      ...(errorReporter ? { errorReporter } : {}),
    });
    service.attach?.(started.server);
    return { ...started, service };
  } catch (err) {
    logger.error('start-up failed', { err });
    await tasks?.stop();
    for (const close of closers.reverse()) await close().catch(() => undefined);
    process.exit(1);
  }
}

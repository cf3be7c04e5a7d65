import type { Server } from 'node:http';
import type { BaseEnv } from '../config/index.ts';
import { createLogger, type Logger } from '../logger/index.ts';
import type { Service } from './create-service.ts';
import { initSentry, type ErrorReporter } from './sentry.ts';
import { startService, type Closer, type RunningService } from './start-service.ts';

export interface BootContext {
  logger: Logger;
  errorReporter: ErrorReporter | undefined;
  /** Registers a resource to release on shutdown (or if start-up fails after it was opened). */
  onClose: (closer: Closer) => void;
  /** Registers what must end first when shutdown begins (open WebSockets), so the drain does not wait on it. */
  onDrain: (drainer: Closer) => void;
}

export interface BootOptions {
  name: string;
  config: BaseEnv;
  /** The composition root: open what the service needs and build its app. */
  build(context: BootContext): Promise<Service> | Service;
  /** Called with the HTTP server once it listens (to attach WebSocket handling). */
  onListening?: (server: Server) => void;
}

/**
 * A service's whole start-up: logger, Sentry (if configured), its dependencies, then listen with graceful
 * shutdown. Resources close in reverse order of opening. If anything fails on the way, what was opened is
 * closed, one line says why, and the process exits non-zero.
 */
export async function bootService(options: BootOptions): Promise<RunningService> {
  const { config, name } = options;
  const logger = createLogger({ service: name, level: config.LOG_LEVEL });
  const closers: Closer[] = [];
  const drainers: Closer[] = [];
  try {
    const errorReporter = await initSentry({
      dsn: config.SENTRY_DSN,
      service: name,
      environment: config.NODE_ENV,
      logger,
    });
    if (errorReporter) closers.push(() => errorReporter.flush(2_000));
    const service = await options.build({
      logger,
      errorReporter,
      onClose: (closer) => closers.push(closer),
      onDrain: (drainer) => drainers.push(drainer),
    });
    const running = await startService(service, {
      port: config.PORT,
      host: config.HOST,
      shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
      closers: [...closers].reverse(),
      drainers,
    });
    options.onListening?.(running.server);
    return running;
  } catch (err) {
    logger.error('start-up failed', { err });
    for (const close of closers.reverse()) await close().catch(() => undefined);
    process.exit(1);
  }
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Service } from './create-service.ts';
import type { ErrorReporter } from './sentry.ts';

export type Closer = () => Promise<void>;

export interface StartOptions {
  port: number;
  host: string;
  shutdownTimeoutMs: number;
  /** Run in order after the server has drained: database pools, key-value stores, Sentry. */
  closers?: Closer[];
  /** Run as soon as shutdown begins, to end long-lived connections (WebSockets) the drain would wait on. */
  drainers?: Closer[];
  /** Serve /metrics on a port of its own (the operator's network), not on the service's. */
  metrics?: { port: number; host: string };
  /** Told of unhandled rejections and uncaught exceptions (Sentry), once each. */
  errorReporter?: ErrorReporter;
  /** Install SIGTERM/SIGINT and crash handlers; false in tests that start several services in one process. */
  handleSignals?: boolean;
}

export interface RunningService {
  server: Server;
  port: number;
  /** The metrics port, when /metrics has one of its own. */
  metricsPort?: number | undefined;
  /** Stop accepting, drain in-flight requests (up to the timeout), then run the closers. */
  stop(): Promise<void>;
}

/** Message sent to a parent process (the stack runner) once the service listens, so port 0 can be used. */
export interface ListeningMessage {
  type: 'listening';
  service: string;
  port: number;
  metricsPort?: number | undefined;
}

export async function startService(service: Service, options: StartOptions): Promise<RunningService> {
  const { logger } = service;
  const server = service.app.listen(options.port, options.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  // Above the idle timeout of any pooling client in front (nginx, the gateway), or they meet closed sockets.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const port = (server.address() as AddressInfo).port;
  const metricsServer = options.metrics ? await listenForMetrics(service, options.metrics) : undefined;
  const metricsPort = metricsServer && (metricsServer.address() as AddressInfo).port;
  logger.info('listening', { host: options.host, port, ...(metricsPort ? { metricsPort } : {}) });
  if (process.send) {
    process.send({ type: 'listening', service: service.name, port, metricsPort } satisfies ListeningMessage);
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= drainAndClose(service, server, options).finally(() => metricsServer?.close());
    return stopping;
  };
  if (options.handleSignals !== false) installProcessHandlers(service, stop, options.errorReporter);
  return { server, port, metricsPort, stop };
}

/** A second, bare HTTP server with only GET /metrics: the one an operator's Prometheus scrapes. */
async function listenForMetrics(service: Service, at: { port: number; host: string }): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/metrics') {
      service.metrics.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': service.metrics.registry.contentType });
          res.end(text);
        },
        () => {
          res.writeHead(500).end();
        },
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Only /metrics is served here.\n');
  });
  server.listen(at.port, at.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return server;
}

async function drainAndClose(service: Service, server: Server, options: StartOptions): Promise<void> {
  const { logger } = service;
  logger.info('shutting down: draining requests');
  service.beginShutdown();
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  await Promise.all(
    (options.drainers ?? []).map((drain) => drain().catch((err: unknown) => logger.warn('drain failed', { err }))),
  );
  // Keep-alive sockets that finish their request become idle; close them as they do.
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.shutdownTimeoutMs);
  });
  if ((await Promise.race([drained, timedOut])) === 'timeout') {
    logger.warn('shutdown timeout: closing remaining connections', { timeoutMs: options.shutdownTimeoutMs });
    server.closeAllConnections();
    await drained;
  }
  clearInterval(idleSweep);
  clearTimeout(timer);
  for (const close of options.closers ?? []) {
    try {
      await close();
    } catch (err) {
      logger.warn('closing a resource failed', { err });
    }
  }
  logger.info('stopped');
}

function installProcessHandlers(service: Service, stop: () => Promise<void>, reporter?: ErrorReporter): void {
  const { logger } = service;
  const exitAfterStop = (code: number) => {
    stop().then(
      () => process.exit(code),
      (err: unknown) => {
        logger.error('shutdown failed', { err });
        process.exit(1);
      },
    );
  };
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.warn('second signal: exiting now', { signal });
      process.exit(1);
    }
    signalled = true;
    logger.info('signal received', { signal });
    exitAfterStop(0);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  if (process.connected) {
    // Started by the stack runner over IPC: if the runner dies, nobody would ever stop us.
    process.once('disconnect', () => {
      if (signalled) return;
      signalled = true;
      logger.info('parent process gone: shutting down');
      exitAfterStop(0);
    });
  }
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled promise rejection', { err: reason });
    reporter?.report(reason);
  });
  process.on('uncaughtException', (err) => {
    // State may be corrupt: stop serving, release what we hold, and let the supervisor restart us.
    logger.error('uncaught exception: shutting down', { err });
    reporter?.report(err);
    exitAfterStop(1);
  });
}

import type { ErrorEvent } from '@sentry/node';
import type { Logger } from '../logger/index.ts';
import { currentRequestContext, redact } from '../logger/index.ts';

export interface ErrorReporter {
  report: (err: unknown) => void;
  /** Waits for queued events to be sent, e.g. before the process exits. */
  flush: (timeoutMs: number) => Promise<void>;
}

// The process's own handlers (start-service.ts) report unhandled rejections and uncaught exceptions once, then
// decide whether to exit; Sentry's would report them a second time (and may exit on their own).
const OWN_HANDLERS = new Set(['OnUnhandledRejection', 'OnUncaughtException']);

/** Bodies, cookies and query strings may hold names, e-mails and cards: an event keeps the method, path and headers. */
function withoutPersonalData(event: ErrorEvent): ErrorEvent {
  if (event.request) {
    delete event.request.data;
    delete event.request.cookies;
    delete event.request.query_string;
    if (event.request.url) event.request.url = event.request.url.split('?')[0];
  }
  if (event.user) event.user = event.user.id === undefined ? {} : { id: event.user.id };
  return event;
}

/**
 * Starts Sentry only when a DSN is configured; the SDK is not even loaded otherwise. Each event carries the release
 * (the commit deployed), the environment, the service, and the request's id, trace id and user id (an opaque id:
 * no e-mail, no address, no cookies, no bodies), and is scrubbed with the same redaction as the logs before it
 * leaves the process.
 */
export async function initSentry(options: {
  dsn: string | undefined;
  service: string;
  environment: string;
  release?: string | undefined;
  logger: Logger;
}): Promise<ErrorReporter | undefined> {
  if (!options.dsn) return undefined;
  const Sentry = await import('@sentry/node');
  Sentry.init({
    dsn: options.dsn,
    environment: options.environment,
    ...(options.release ? { release: options.release } : {}),
    serverName: options.service,
    // No user details, cookies, bodies or query strings: only what an event needs to be found and fixed.
    dataCollection: { userInfo: false, cookies: false, httpBodies: [], urlQueryParams: false },
    tracesSampleRate: 0,
    integrations: (defaults) => defaults.filter((integration) => !OWN_HANDLERS.has(integration.name)),
    beforeSend: (event) => redact(withoutPersonalData(event)) as typeof event,
  });
  Sentry.setTag('service', options.service);
  options.logger.info('sentry enabled');
  return {
    report: (err) => {
      const context = currentRequestContext();
      Sentry.withScope((scope) => {
        if (context) {
          scope.setTag('request_id', context.requestId);
          if (context.traceId) scope.setTag('trace_id', context.traceId);
          if (context.userId) {
            scope.setTag('user_id', context.userId);
            scope.setUser({ id: context.userId });
          }
        }
        Sentry.captureException(err);
      });
    },
    flush: async (timeoutMs) => {
      await Sentry.flush(timeoutMs);
    },
  };
}

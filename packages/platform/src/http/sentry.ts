import type { Logger } from '../logger/index.ts';
import { redact } from '../logger/index.ts';

export interface ErrorReporter {
  report: (err: unknown) => void;
  /** Waits for queued events to be sent, e.g. before the process exits. */
  flush: (timeoutMs: number) => Promise<void>;
}

/**
 * Starts Sentry only when a DSN is configured; the SDK is not even loaded otherwise. Events are scrubbed with
 * the same redaction as the logs before they leave the process.
 */
export async function initSentry(options: {
  dsn: string | undefined;
  service: string;
  environment: string;
  logger: Logger;
}): Promise<ErrorReporter | undefined> {
  if (!options.dsn) return undefined;
  const Sentry = await import('@sentry/node');
  Sentry.init({
    dsn: options.dsn,
    environment: options.environment,
    serverName: options.service,
    tracesSampleRate: 0,
    beforeSend: (event) => redact(event) as typeof event,
  });
  Sentry.setTag('service', options.service);
  options.logger.info('sentry enabled');
  return {
    report: (err) => {
      Sentry.captureException(err);
    },
    flush: async (timeoutMs) => {
      await Sentry.flush(timeoutMs);
    },
  };
}

import type { ErrorEvent } from '@sentry/browser';
import { session } from './session.ts';

/** What the gateway tells a browser about error reporting (GET /client-config.json). */
interface ClientConfig {
  sentry: { dsn: string; environment: string; release?: string; tunnel?: string } | null;
}

let started: Promise<boolean> | undefined;

/** Query strings and bodies may hold search terms, names and e-mails: an event keeps the page's path only. */
function withoutPersonalData(event: ErrorEvent): ErrorEvent {
  if (event.request?.url) event.request.url = event.request.url.split('?')[0];
  if (event.request) delete event.request.query_string;
  if (event.user) event.user = event.user.id === undefined ? {} : { id: event.user.id };
  return event;
}

/**
 * Reports the app's uncaught errors and unhandled rejections to Sentry when the deployment has a DSN (the gateway
 * says so at /client-config.json); otherwise the SDK is not even downloaded. Each event carries the app, the release
 * and environment, and the signed-in user's id (nothing else about them). Resolves true when reporting is on.
 */
export function startErrorReporting(app: 'web-client' | 'admin-portal'): Promise<boolean> {
  started ??= (async () => {
    const res = await fetch('/client-config.json', { headers: { accept: 'application/json' } }).catch(() => undefined);
    const config = res?.ok ? ((await res.json()) as ClientConfig) : undefined;
    if (!config?.sentry) return false;
    const Sentry = await import('@sentry/browser');
    Sentry.init({
      dsn: config.sentry.dsn,
      environment: config.sentry.environment,
      ...(config.sentry.release ? { release: config.sentry.release } : {}),
      // Through our own origin (the gateway passes them on): the CSP allows nothing else.
      ...(config.sentry.tunnel ? { tunnel: config.sentry.tunnel } : {}),
      dataCollection: { userInfo: false, cookies: false, httpBodies: [], urlQueryParams: false },
      beforeSend: withoutPersonalData,
    });
    Sentry.setTag('app', app);
    const tagUser = () => {
      const { state } = session;
      Sentry.setUser(state.status === 'signed-in' ? { id: state.user.id } : null);
    };
    tagUser();
    session.subscribe(tagUser);
    return true;
  })();
  return started;
}

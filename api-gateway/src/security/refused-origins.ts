import type { Logger } from '@tripwise/platform/logger';

const REPEAT_AFTER_MS = 60_000;

/**
 * Says, once a minute per origin, that a browser origin was refused: a WebSocket or an API call from a page the
 * allow-list does not name is the first thing to break when the product is started on another port or host.
 */
export function refusedOriginLogger(logger: Logger, allowed: readonly string[]) {
  const lastSaid = new Map<string, number>();
  return (origin: string, what: 'websocket' | 'cors') => {
    const now = Date.now();
    if ((lastSaid.get(origin) ?? -Infinity) > now - REPEAT_AFTER_MS) return;
    if (lastSaid.size > 1_000) lastSaid.clear();
    lastSaid.set(origin, now);
    logger.warn('a browser origin that CORS_ORIGINS does not list was refused; add it there if it is yours', {
      origin,
      refused: what,
      allowed,
    });
  };
}

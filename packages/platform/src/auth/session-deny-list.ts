import type { KvStore } from '../kv/index.ts';

/**
 * The deny list of sessions whose access tokens must be refused before they expire (logout-all, reuse detected,
 * account disabled). The auth service writes it; the gateway and services read it, in the shared Redis.
 */
export function sessionDenyKey(sessionId: string): string {
  return `auth:deny:${sessionId}`;
}

export async function isSessionDenied(kv: KvStore, sessionId: string): Promise<boolean> {
  return (await kv.get(sessionDenyKey(sessionId))) !== null;
}

export type DenyCheck = (sessionId: string) => Promise<boolean>;

/**
 * Remembers deny-list answers for a couple of seconds: a revoked session is refused within that time, and a busy
 * session costs one lookup per interval instead of one per request. A failed lookup is remembered too (for at
 * most a second), so an outage of the deny list is not hammered by every request.
 */
export function cachingDenyCheck(check: DenyCheck, ttlMs: number, now: () => number = Date.now): DenyCheck {
  const cache = new Map<string, { denied: boolean; until: number } | { error: unknown; until: number }>();
  // One lookup at a time per session: the requests that find the answer expired together wait for the same one,
  // instead of each asking (a busy session's 50 requests in flight would otherwise make 50 lookups).
  const inFlight = new Map<string, Promise<boolean>>();
  const lookUp = async (sessionId: string) => {
    try {
      const denied = await check(sessionId);
      cache.set(sessionId, { denied, until: now() + ttlMs });
      return denied;
    } catch (error) {
      cache.set(sessionId, { error, until: now() + Math.min(ttlMs, 1_000) });
      throw error;
    }
  };
  return async (sessionId) => {
    const hit = cache.get(sessionId);
    if (hit && hit.until > now()) {
      if ('error' in hit) throw hit.error;
      return hit.denied;
    }
    const pending = inFlight.get(sessionId);
    if (pending) return pending;
    if (cache.size > 50_000) cache.clear();
    const lookup = lookUp(sessionId).finally(() => inFlight.delete(sessionId));
    inFlight.set(sessionId, lookup);
    return lookup;
  };
}

/**
 * Asks the auth service (embedded mode, where the caller does not share Redis with it), showing the service
 * credential: the route is internal.
 */
export function httpDenyCheck(authUrl: string, serviceToken: string, timeoutMs = 2_000): DenyCheck {
  return async (sessionId) => {
    const res = await fetch(`${authUrl}/internal/sessions/${encodeURIComponent(sessionId)}/denied`, {
      headers: { authorization: `Bearer ${serviceToken}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new Error(`deny-list check answered ${res.status}`);
    return ((await res.json()) as { denied: boolean }).denied;
  };
}

/** The services behind the gateway. */
export const UPSTREAMS = ['auth', 'search', 'booking', 'ai-agent', 'insights'] as const;
export type Upstream = (typeof UPSTREAMS)[number];

export interface UpstreamRoute {
  /** Public path prefix, forwarded unchanged. */
  prefix: string;
  upstream: Upstream;
  /** Planning a trip takes longer than a lookup. */
  slow?: boolean;
}

/** Which service answers which public prefix: the one place this is written down (ARCHITECTURE.md §1). */
export const UPSTREAM_ROUTES: readonly UpstreamRoute[] = [
  { prefix: '/api/auth', upstream: 'auth' },
  { prefix: '/api/search', upstream: 'search' },
  { prefix: '/api/listings', upstream: 'search' },
  { prefix: '/api/bookings', upstream: 'booking' },
  { prefix: '/api/billing', upstream: 'booking' },
  { prefix: '/api/analytics', upstream: 'booking' },
  { prefix: '/api/ai', upstream: 'ai-agent', slow: true },
  { prefix: '/socket.io', upstream: 'ai-agent' },
  { prefix: '/api/insights', upstream: 'insights' },
];

/** True when `path` is the prefix itself or lies below it (so /api/authx does not match /api/auth). */
export function matchesPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** The route a request path belongs to, if any (prefixes do not overlap). */
export function upstreamRouteOf(path: string): UpstreamRoute | undefined {
  for (const route of UPSTREAM_ROUTES) if (matchesPrefix(path, route.prefix)) return route;
  return undefined;
}

/**
 * The whole path of a request, also inside a router mounted on a prefix (where `req.path` is relative), spelled as
 * the services' Express routers match it: without regard to case and to a trailing slash. Policies and limits read
 * this, so `/api/auth/LOGIN/` is counted and guarded as the `/api/auth/login` it reaches.
 */
export function fullPath(req: { baseUrl: string; path: string }): string {
  const path = (req.baseUrl + req.path).toLowerCase();
  return path.length > 1 ? path.replace(/\/+$/, '') || '/' : path;
}

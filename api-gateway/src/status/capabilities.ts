import type { Upstream } from '../routes/upstream-table.ts';

export type CapabilityStatus = 'operational' | 'degraded' | 'down';

/** What a traveler can do, and the services it takes: the first one does the work, the others help. */
export interface Capability {
  id: string;
  name: string;
  needs: readonly [Upstream, ...Upstream[]];
}

export const CAPABILITIES: readonly Capability[] = [
  { id: 'sign-in', name: 'Sign-in', needs: ['auth'] },
  { id: 'search', name: 'Search', needs: ['search'] },
  { id: 'booking', name: 'Booking', needs: ['booking', 'search'] },
  { id: 'ai-planning', name: 'AI trip planning', needs: ['ai-agent', 'search'] },
  { id: 'live-updates', name: 'Live updates', needs: ['ai-agent'] },
];

/** What the gateway saw of one service since the last look. */
export interface UpstreamHealth {
  /** Its /ready answered 200 (and its circuit is not open). */
  ready: boolean;
  requests: number;
  /** Requests the service failed (5xx) or the gateway answered for it (unreachable, timeout, circuit open). */
  failures: number;
}

// Below this many requests a ratio says little; at or above these ratios of failures the capability suffers.
const MIN_REQUESTS = 5;
const DEGRADED_RATIO = 0.05;
const DOWN_RATIO = 0.5;

function failureRatio(health: UpstreamHealth): number {
  return health.requests >= MIN_REQUESTS ? health.failures / health.requests : 0;
}

/**
 * A capability is down when the service doing its work is not ready or fails half its requests; degraded when that
 * service fails more than 5% of them, or a service it leans on is down or failing.
 */
export function statusOf(capability: Capability, health: Record<Upstream, UpstreamHealth>): CapabilityStatus {
  const [primary, ...helpers] = capability.needs;
  const own = health[primary];
  if (!own.ready || failureRatio(own) >= DOWN_RATIO) return 'down';
  if (failureRatio(own) >= DEGRADED_RATIO) return 'degraded';
  const helped = helpers.every((name) => health[name].ready && failureRatio(health[name]) < DEGRADED_RATIO);
  return helped ? 'operational' : 'degraded';
}

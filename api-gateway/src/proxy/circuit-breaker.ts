export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Consecutive failures that open the breaker. */
  failureThreshold: number;
  /** How long it stays open before letting one trial request through. */
  openMs: number;
  now?: () => number;
  onStateChange?: (state: BreakerState) => void;
}

/**
 * One per upstream. Closed: requests flow. After `failureThreshold` failures in a row it opens and requests are
 * refused at once (a fast 503 instead of piling onto a dead service). After `openMs` one trial goes through
 * (half-open): success closes it, failure opens it again. So it recovers on its own when the service is back.
 */
export function circuitBreaker(options: BreakerOptions) {
  const now = options.now ?? Date.now;
  let state: BreakerState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let trialInFlight = false;
  const set = (next: BreakerState) => {
    if (next !== state) options.onStateChange?.(next);
    state = next;
  };

  return {
    get state(): BreakerState {
      if (state === 'open' && now() - openedAt >= options.openMs) set('half-open');
      return state;
    },
    /** Whether a request may go now; when half-open, only one trial at a time. */
    tryAcquire(): boolean {
      const current = this.state;
      if (current === 'closed') return true;
      if (current === 'half-open' && !trialInFlight) {
        trialInFlight = true;
        return true;
      }
      return false;
    },
    /** Milliseconds until a trial request will be allowed. */
    retryAfterMs(): number {
      return Math.max(0, options.openMs - (now() - openedAt));
    },
    /** Frees a trial that ended without an outcome (the client went away). */
    release(): void {
      trialInFlight = false;
    },
    success(): void {
      failures = 0;
      trialInFlight = false;
      set('closed');
    },
    failure(): void {
      trialInFlight = false;
      failures += 1;
      if (state === 'half-open' || failures >= options.failureThreshold) {
        openedAt = now();
        set('open');
      }
    },
  };
}

export type CircuitBreaker = ReturnType<typeof circuitBreaker>;

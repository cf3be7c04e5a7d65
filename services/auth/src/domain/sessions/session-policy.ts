import type { Role } from '@tripwise/platform/auth';

export interface SessionLifetime {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in however much it is used. */
  absoluteMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Admins hold the keys to the marketplace, so their sessions are the shortest (OWASP: idle 15–30 min, 4–8 h). */
export const SESSION_LIFETIMES: Record<Role, SessionLifetime> = {
  traveler: { idleMs: 14 * DAY, absoluteMs: 30 * DAY },
  owner: { idleMs: 3 * DAY, absoluteMs: 14 * DAY },
  admin: { idleMs: 30 * MINUTE, absoluteMs: 8 * HOUR },
};

/** A revoked session leaves a tombstone this long, so a late replay of its token is still seen as reuse. */
export const TOMBSTONE_MS = Math.max(...Object.values(SESSION_LIFETIMES).map((l) => l.absoluteMs));

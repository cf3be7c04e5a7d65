import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sessionDenyKey } from '@tripwise/platform/auth';
import type { KvStore } from '@tripwise/platform/kv';
import type { DataKey } from '../../secrets/data-key.ts';
import {
  createFamilyScript,
  revokeScript,
  rotateScript,
  type Family,
  type RotateStatus,
} from './refresh-token.scripts.ts';
import { deviceLabel } from './device-label.ts';
import { SESSION_LIFETIMES, TOMBSTONE_MS } from './session-policy.ts';
import type { Role } from '@tripwise/platform/auth';

export interface NewSession {
  uid: string;
  role: Role;
  amr: string[];
  authTime: number;
  ip: string | null;
  userAgent: string | null;
}

export interface SessionView {
  sessionId: string;
  /** "Chrome on macOS", read from the user agent. */
  device: string;
  createdAt: number;
  lastUsedAt: number;
  expiresAt: number;
  ip: string | null;
  userAgent: string | null;
  amr: string[];
}

export type RotateResult =
  | { status: 'rotated' | 'grace'; refreshToken: string; family: Family }
  | { status: 'reuse' | 'revoked'; family: Family }
  | { status: 'unknown' };

/** Signed-in sessions per user (browsers, phones, apps): generous for a person, bounded for a script. */
export const MAX_SESSIONS = 20;

const familyKey = (fid: string) => `auth:rtf:${fid}`;
const userSessionsKey = (uid: string) => `auth:user-sessions:${uid}`;
const REFRESH_TOKEN = /^([A-Za-z0-9_-]{22})\.[A-Za-z0-9_-]{43}$/;

/** Opaque: 128-bit family id (never shown elsewhere) and 256 random bits. Only its hash is stored. */
function newRefreshToken(fid: string): { token: string; hash: string } {
  const token = `${fid}.${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface SessionStoreOptions {
  kv: KvStore;
  dataKey: DataKey;
  graceMs: number;
  /** How long a denied session id stays denied: the longest access-token lifetime plus clock skew. */
  denyMs: number;
  now?: () => number;
}

/** Sessions and their rotating refresh tokens, in Redis (or the in-process store); every change is one script. */
export function createSessionStore(options: SessionStoreOptions) {
  const { kv, dataKey } = options;
  const now = options.now ?? Date.now;

  const deny = (sid: string) => kv.set(sessionDenyKey(sid), '1', { ttlMs: options.denyMs });

  const revokeFamily = async (uid: string, fid: string, reason: string) => {
    const raw = await kv.eval(revokeScript, [familyKey(fid), userSessionsKey(uid)], [reason, now(), TOMBSTONE_MS, fid]);
    const result = JSON.parse(String(raw)) as { status: string; family?: Family };
    if (result.status === 'revoked-now' && result.family) await deny(result.family.sid);
    return result.status === 'revoked-now' ? result.family : undefined;
  };

  /** Families of a user that are still usable, with their ids; vanished ones are pruned from the index. */
  const activeFamilies = async (uid: string): Promise<{ fid: string; family: Family }[]> => {
    const fids = await kv.smembers(userSessionsKey(uid));
    const found = await Promise.all(fids.map(async (fid) => ({ fid, raw: await kv.get(familyKey(fid)) })));
    const gone = found.filter((f) => f.raw === null).map((f) => f.fid);
    if (gone.length > 0) await kv.srem(userSessionsKey(uid), ...gone);
    return found
      .filter((f) => f.raw !== null)
      .map((f) => ({ fid: f.fid, family: JSON.parse(f.raw!) as Family }))
      .filter((f) => f.family.revoked === null);
  };

  /**
   * A user keeps at most MAX_SESSIONS signed-in sessions: signing in once more ends the least recently used (never
   * refuses the sign-in, which would let a script that knows the password lock the owner out).
   */
  const endLeastRecentlyUsedBeyondCap = async (uid: string) => {
    const families = await activeFamilies(uid);
    const excess = families.sort((a, b) => b.family.lastUsedAt - a.family.lastUsedAt).slice(MAX_SESSIONS);
    await Promise.all(excess.map((f) => revokeFamily(uid, f.fid, 'session-limit')));
  };

  return {
    async create(session: NewSession): Promise<{ sessionId: string; refreshToken: string; family: Family }> {
      const lifetime = SESSION_LIFETIMES[session.role];
      const t = now();
      const fid = randomBytes(16).toString('base64url');
      const { token, hash } = newRefreshToken(fid);
      const family: Family = {
        sid: randomUUID(),
        uid: session.uid,
        role: session.role,
        amr: session.amr,
        authTime: session.authTime,
        createdAt: t,
        absoluteExpiresAt: t + lifetime.absoluteMs,
        idleMs: lifetime.idleMs,
        current: hash,
        previous: null,
        rotatedAt: t,
        successor: null,
        generation: 0,
        lastUsedAt: t,
        ip: session.ip,
        userAgent: session.userAgent,
        revoked: null,
      };
      const ttl = Math.min(lifetime.idleMs, lifetime.absoluteMs);
      await kv.eval(
        createFamilyScript,
        [familyKey(fid), userSessionsKey(session.uid)],
        [JSON.stringify(family), ttl, fid],
      );
      await endLeastRecentlyUsedBeyondCap(session.uid);
      return { sessionId: family.sid, refreshToken: token, family };
    },

    /** Exchanges a refresh token for its successor; on reuse the whole family is revoked and its sid denied. */
    async rotate(presented: string): Promise<RotateResult> {
      const fid = REFRESH_TOKEN.exec(presented)?.[1];
      if (!fid) return { status: 'unknown' };
      const next = newRefreshToken(fid);
      const raw = await kv.eval(
        rotateScript,
        [familyKey(fid)],
        [hashToken(presented), next.hash, dataKey.encrypt(next.token), now(), options.graceMs, TOMBSTONE_MS],
      );
      const result = JSON.parse(String(raw)) as { status: RotateStatus; family?: Family };
      switch (result.status) {
        case 'rotated':
          return { status: 'rotated', refreshToken: next.token, family: result.family! };
        case 'grace':
          return { status: 'grace', refreshToken: dataKey.decrypt(result.family!.successor!), family: result.family! };
        case 'reuse':
          await deny(result.family!.sid);
          await kv.srem(userSessionsKey(result.family!.uid), fid);
          return { status: 'reuse', family: result.family! };
        case 'revoked':
          return { status: 'revoked', family: result.family! };
        case 'unknown':
          return { status: 'unknown' };
      }
    },

    /** Ends the session a refresh token belongs to (logout); unknown tokens are ignored. */
    async revokeByToken(presented: string, reason: string): Promise<Family | undefined> {
      const fid = REFRESH_TOKEN.exec(presented)?.[1];
      if (!fid) return undefined;
      const raw = await kv.get(familyKey(fid));
      if (raw === null) return undefined;
      const family = JSON.parse(raw) as Family;
      if (family.current !== hashToken(presented) && family.previous !== hashToken(presented)) return undefined;
      return revokeFamily(family.uid, fid, reason);
    },

    async revokeSession(uid: string, sessionId: string, reason: string): Promise<Family | undefined> {
      const match = (await activeFamilies(uid)).find((f) => f.family.sid === sessionId);
      return match ? revokeFamily(uid, match.fid, reason) : undefined;
    },

    /** Ends every session of a user, or every one but `exceptSessionId`; returns the ended session ids. */
    async revokeAll(uid: string, reason: string, exceptSessionId?: string): Promise<string[]> {
      const families = (await activeFamilies(uid)).filter((f) => f.family.sid !== exceptSessionId);
      const revoked = await Promise.all(families.map((f) => revokeFamily(uid, f.fid, reason)));
      return revoked.flatMap((f) => (f ? [f.sid] : []));
    },

    async list(uid: string): Promise<SessionView[]> {
      return (await activeFamilies(uid))
        .map(({ family: f }) => ({
          sessionId: f.sid,
          device: deviceLabel(f.userAgent),
          createdAt: f.createdAt,
          lastUsedAt: f.lastUsedAt,
          expiresAt: Math.min(f.lastUsedAt + f.idleMs, f.absoluteExpiresAt),
          ip: f.ip,
          userAgent: f.userAgent,
          amr: f.amr,
        }))
        .sort((a, b) => b.lastUsedAt - a.lastUsedAt);
    },

    async isActive(uid: string, sessionId: string): Promise<boolean> {
      return (await activeFamilies(uid)).some((f) => f.family.sid === sessionId);
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

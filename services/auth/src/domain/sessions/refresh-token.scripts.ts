import type { KvScript, SyncKv } from '@tripwise/platform/kv';

/**
 * A session ("token family") as it lives in the key-value store under `auth:rtf:<familyId>`. Only hashes of
 * refresh tokens are kept; the one raw token parked here (`successor`) is encrypted and lives only for the grace
 * window, so a second tab refreshing with the same token gets the same answer.
 */
export interface Family {
  sid: string;
  uid: string;
  role: string;
  amr: string[];
  authTime: number;
  createdAt: number;
  absoluteExpiresAt: number;
  idleMs: number;
  current: string;
  previous: string | null;
  rotatedAt: number;
  successor: string | null;
  generation: number;
  lastUsedAt: number;
  ip: string | null;
  userAgent: string | null;
  revoked: { reason: string; at: number } | null;
}

export type RotateStatus = 'rotated' | 'grace' | 'reuse' | 'revoked' | 'unknown';

// Both versions below must behave identically; the session-store contract tests run them on Redis and in memory.
// Lua's cjson turns JSON null into cjson.null, so "absent" is tested against both nil and cjson.null.

/** KEYS: family, user's session set. ARGV: family JSON, family TTL ms, family id. */
export const createFamilyScript: KvScript = {
  name: 'auth_create_family',
  lua: `
    redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
    redis.call('SADD', KEYS[2], ARGV[3])
    if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
    return 'created'`,
  local: (kv, [family, sessions], [json, ttl, fid]) => {
    kv.set(family!, json!, Number(ttl));
    kv.sadd(sessions!, fid!);
    if (kv.pttl(sessions!) < Number(ttl)) kv.pexpire(sessions!, Number(ttl));
    return 'created';
  },
};

/**
 * KEYS: family. ARGV: presented hash, new hash, encrypted new token, now ms, grace ms, tombstone ms.
 * The presented token is the current one: rotate. It is the one just replaced, within the grace window: answer
 * with the same successor. Anything else from this family is a replay of a used token: revoke the family.
 */
export const rotateScript: KvScript = {
  name: 'auth_rotate_refresh_token',
  lua: `
    local raw = redis.call('GET', KEYS[1])
    if not raw then return cjson.encode({status = 'unknown'}) end
    local f = cjson.decode(raw)
    local now = tonumber(ARGV[4])
    if f.revoked ~= nil and f.revoked ~= cjson.null then return cjson.encode({status = 'revoked', family = f}) end
    if f.current == ARGV[1] then
      local ttl = math.min(f.idleMs, f.absoluteExpiresAt - now)
      if ttl <= 0 then return cjson.encode({status = 'unknown'}) end
      f.previous = f.current
      f.current = ARGV[2]
      f.successor = ARGV[3]
      f.rotatedAt = now
      f.lastUsedAt = now
      f.generation = f.generation + 1
      redis.call('SET', KEYS[1], cjson.encode(f), 'PX', ttl)
      return cjson.encode({status = 'rotated', family = f})
    end
    if f.previous == ARGV[1] and now - f.rotatedAt <= tonumber(ARGV[5]) then
      return cjson.encode({status = 'grace', family = f})
    end
    f.revoked = {reason = 'reuse', at = now}
    f.successor = cjson.null
    redis.call('SET', KEYS[1], cjson.encode(f), 'PX', ARGV[6])
    return cjson.encode({status = 'reuse', family = f})`,
  local: (kv, [key], [presented, next, successor, nowText, graceText, tombstoneText]) => {
    const raw = kv.get(key!);
    if (raw === null) return JSON.stringify({ status: 'unknown' });
    const f = JSON.parse(raw) as Family;
    const now = Number(nowText);
    if (f.revoked) return JSON.stringify({ status: 'revoked', family: f });
    if (f.current === presented) {
      const ttl = Math.min(f.idleMs, f.absoluteExpiresAt - now);
      if (ttl <= 0) return JSON.stringify({ status: 'unknown' });
      Object.assign(f, { previous: f.current, current: next, successor, rotatedAt: now, lastUsedAt: now });
      f.generation += 1;
      kv.set(key!, JSON.stringify(f), ttl);
      return JSON.stringify({ status: 'rotated', family: f });
    }
    if (f.previous === presented && now - f.rotatedAt <= Number(graceText)) {
      return JSON.stringify({ status: 'grace', family: f });
    }
    return tombstone(kv, key!, f, 'reuse', now, Number(tombstoneText), 'reuse');
  },
};

/** KEYS: family, user's session set. ARGV: reason, now ms, tombstone ms, family id. Idempotent. */
export const revokeScript: KvScript = {
  name: 'auth_revoke_family',
  lua: `
    redis.call('SREM', KEYS[2], ARGV[4])
    local raw = redis.call('GET', KEYS[1])
    if not raw then return cjson.encode({status = 'unknown'}) end
    local f = cjson.decode(raw)
    if f.revoked ~= nil and f.revoked ~= cjson.null then return cjson.encode({status = 'revoked', family = f}) end
    f.revoked = {reason = ARGV[1], at = tonumber(ARGV[2])}
    f.successor = cjson.null
    redis.call('SET', KEYS[1], cjson.encode(f), 'PX', ARGV[3])
    return cjson.encode({status = 'revoked-now', family = f})`,
  local: (kv, [key, sessions], [reason, nowText, tombstoneText, fid]) => {
    kv.srem(sessions!, fid!);
    const raw = kv.get(key!);
    if (raw === null) return JSON.stringify({ status: 'unknown' });
    const f = JSON.parse(raw) as Family;
    if (f.revoked) return JSON.stringify({ status: 'revoked', family: f });
    return tombstone(kv, key!, f, reason!, Number(nowText), Number(tombstoneText), 'revoked-now');
  },
};

function tombstone(kv: SyncKv, key: string, f: Family, reason: string, now: number, ttl: number, status: string) {
  f.revoked = { reason, at: now };
  f.successor = null;
  kv.set(key, JSON.stringify(f), ttl);
  return JSON.stringify({ status, family: f });
}

import type { KvScript } from '@tripwise/platform/kv';

// Each script does in one round trip what took two or three: these run on the path of every plan's events.
// Both versions of each must behave the same; the realtime tests run them on Redis and in memory.

/**
 * KEYS: the job's counter, the prefix of its event keys. ARGV: the event (JSON, without its number), TTL ms.
 * Numbers the event and keeps it. The event key is built here from the number, so this needs one Redis (not a
 * cluster).
 */
export const appendEventScript: KvScript = {
  name: 'agent_append_job_event',
  lua: `
    local seq = redis.call('INCR', KEYS[1])
    if seq == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
    redis.call('SET', KEYS[2] .. seq, ARGV[1], 'PX', ARGV[2])
    return seq`,
  local: (kv, [counter, eventPrefix], [event, ttl]) => {
    const seq = Number(kv.get(counter!) ?? 0) + 1;
    const left = kv.pttl(counter!);
    kv.set(counter!, String(seq), left > 0 ? left : Number(ttl));
    kv.set(`${eventPrefix!}${seq}`, event!, Number(ttl));
    return seq;
  },
};

/**
 * KEYS: the job's meta, the set of running jobs, the job's counter, the prefix of its event keys. ARGV: the meta
 * (JSON), TTL ms, the job id, and its first event (JSON, or empty for none), which becomes event 1.
 */
export const openJobScript: KvScript = {
  name: 'agent_open_job',
  lua: `
    redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
    redis.call('SADD', KEYS[2], ARGV[3])
    if ARGV[4] == '' then return 0 end
    redis.call('SET', KEYS[3], 1, 'PX', ARGV[2])
    redis.call('SET', KEYS[4] .. 1, ARGV[4], 'PX', ARGV[2])
    return 1`,
  local: (kv, [meta, running, counter, eventPrefix], [json, ttl, jobId, first]) => {
    kv.set(meta!, json!, Number(ttl));
    kv.sadd(running!, jobId!);
    if (!first) return 0;
    kv.set(counter!, '1', Number(ttl));
    kv.set(`${eventPrefix!}1`, first, Number(ttl));
    return 1;
  },
};

/** KEYS: the job's meta, the set of running jobs. ARGV: the final status, TTL ms, the job id. */
export const closeJobScript: KvScript = {
  name: 'agent_close_job',
  lua: `
    local raw = redis.call('GET', KEYS[1])
    if raw then
      local meta = cjson.decode(raw)
      meta.status = ARGV[1]
      redis.call('SET', KEYS[1], cjson.encode(meta), 'PX', ARGV[2])
    end
    redis.call('SREM', KEYS[2], ARGV[3])
    return 1`,
  local: (kv, [meta, running], [status, ttl, jobId]) => {
    const raw = kv.get(meta!);
    if (raw !== null) kv.set(meta!, JSON.stringify({ ...(JSON.parse(raw) as object), status }), Number(ttl));
    kv.srem(running!, jobId!);
    return 1;
  },
};

import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, test } from 'vitest';
import type { KvScript, KvStore } from '@tripwise/platform/kv';
import { availableKvBackends, openTestKv } from '@tripwise/platform/testing';

function nextMessage(kv: KvStore, channel: string): Promise<{ message: string; unsubscribe: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    kv.subscribe(channel, (message) => resolve({ message, unsubscribe })).then((u) => (unsubscribe = u), reject);
    let unsubscribe: () => Promise<void> = async () => undefined;
  });
}

// Compare-and-set with an extend-only TTL: the kind of script auth's refresh rotation is made of.
const compareAndSet: KvScript = {
  name: 'test_compare_and_set',
  lua: `
    local current = redis.call('GET', KEYS[1])
    if current ~= ARGV[1] then return current end
    redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
    local ttl = tonumber(ARGV[3])
    if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
    redis.call('SADD', KEYS[2], ARGV[2])
    return 'swapped'`,
  local: (kv, [key, history], [expected, next, ttlText]) => {
    const current = kv.get(key!);
    if (current !== expected) return current;
    const ttl = Number(ttlText);
    const remaining = kv.pttl(key!);
    kv.set(key!, next!, remaining >= 0 ? remaining : undefined);
    if (kv.pttl(key!) < ttl) kv.pexpire(key!, ttl);
    kv.sadd(history!, next!);
    return 'swapped';
  },
};

// One contract, run against Redis (when REDIS_URL is set) and the in-process store.
describe.each(availableKvBackends())('KvStore contract on %s', (backend) => {
  const opened: KvStore[] = [];
  const givenAStore = async () => {
    const kv = await openTestKv(backend);
    opened.push(kv);
    return kv;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((kv) => kv.close()));
  });

  test('When a value is set, then it reads back; a missing key reads as null', async () => {
    const kv = await givenAStore();
    expect(await kv.set('greeting', 'hello')).toBe(true);
    expect(await kv.get('greeting')).toBe('hello');
    expect(await kv.get('nothing-here')).toBeNull();
    expect(await kv.ttl('greeting')).toBe(-1);
    expect(await kv.ttl('nothing-here')).toBeNull();
  });

  test('When onlyIfAbsent is set, then an existing key is left as it was', async () => {
    const kv = await givenAStore();
    expect(await kv.set('lock', 'first', { onlyIfAbsent: true })).toBe(true);
    expect(await kv.set('lock', 'second', { onlyIfAbsent: true, ttlMs: 10_000 })).toBe(false);
    expect(await kv.get('lock')).toBe('first');
  });

  test('When a key has a TTL, then it reports what remains and disappears once it passes', async () => {
    const kv = await givenAStore();
    await kv.set('short', 'v', { ttlMs: 150 });
    const remaining = await kv.ttl('short');
    expect(remaining).toBeGreaterThan(0);
    expect(remaining).toBeLessThanOrEqual(150);
    await sleep(300);
    expect(await kv.get('short')).toBeNull();
    expect(await kv.ttl('short')).toBeNull();
  });

  test('When expire is called, then an existing key gets the TTL and a missing key reports false', async () => {
    const kv = await givenAStore();
    await kv.set('k', 'v');
    expect(await kv.expire('k', 100)).toBe(true);
    expect(await kv.expire('missing', 100)).toBe(false);
    await sleep(250);
    expect(await kv.get('k')).toBeNull();
  });

  test('When keys are deleted, then the count says how many existed', async () => {
    const kv = await givenAStore();
    await kv.set('a', '1');
    await kv.set('b', '2');
    expect(await kv.del('a', 'b', 'c')).toBe(2);
    expect(await kv.del()).toBe(0);
    expect(await kv.get('a')).toBeNull();
  });

  test('When a counter is incremented, then the TTL is set only by the call that created it', async () => {
    const kv = await givenAStore();
    expect(await kv.incr('hits', 1, 300)).toBe(1);
    const firstTtl = await kv.ttl('hits');
    await sleep(100);
    expect(await kv.incr('hits', 4, 10_000)).toBe(5);
    const laterTtl = (await kv.ttl('hits'))!;
    expect(laterTtl).toBeLessThan(firstTtl!);
    expect(await kv.incr('no-ttl')).toBe(1);
    expect(await kv.ttl('no-ttl')).toBe(-1);
    await sleep(400);
    expect(await kv.get('hits')).toBeNull();
  });

  test('When many increments race, then none is lost', async () => {
    const kv = await givenAStore();
    await Promise.all(Array.from({ length: 50 }, () => kv.incr('race', 1, 5_000)));
    expect(await kv.get('race')).toBe('50');
  });

  test('When a non-integer is incremented, then it fails instead of corrupting the value', async () => {
    const kv = await givenAStore();
    await kv.set('word', 'abc');
    await expect(kv.incr('word')).rejects.toThrow(/not an integer/);
    expect(await kv.get('word')).toBe('abc');
  });

  test('When members are added to and removed from a set, then membership and counts follow', async () => {
    const kv = await givenAStore();
    expect(await kv.sadd('sessions', 'a', 'b', 'a')).toBe(2);
    expect(await kv.sadd('sessions', 'b', 'c')).toBe(1);
    expect((await kv.smembers('sessions')).sort()).toEqual(['a', 'b', 'c']);
    expect(await kv.srem('sessions', 'a', 'zzz')).toBe(1);
    expect(await kv.srem('sessions', 'b', 'c')).toBe(2);
    expect(await kv.smembers('sessions')).toEqual([]);
    expect(await kv.smembers('never-existed')).toEqual([]);
  });

  test('When a script runs, then both stores give the same answers and the same effects', async () => {
    const kv = await givenAStore();
    expect(await kv.eval(compareAndSet, ['token', 'history'], ['v1', 'v2', 1000])).toBeNull();
    await kv.set('token', 'v1', { ttlMs: 200 });
    expect(await kv.eval(compareAndSet, ['token', 'history'], ['wrong', 'v2', 1000])).toBe('v1');
    expect(await kv.eval(compareAndSet, ['token', 'history'], ['v1', 'v2', 5000])).toBe('swapped');
    expect(await kv.get('token')).toBe('v2');
    expect(await kv.ttl('token')).toBeGreaterThan(1000); // extended
    expect(await kv.eval(compareAndSet, ['token', 'history'], ['v2', 'v3', 100])).toBe('swapped');
    expect(await kv.ttl('token')).toBeGreaterThan(1000); // never shortened
    expect((await kv.smembers('history')).sort()).toEqual(['v2', 'v3']);
  });

  test('When many scripts race on one key, then exactly one of them wins', async () => {
    const kv = await givenAStore();
    await kv.set('token', 'v1');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => kv.eval(compareAndSet, ['token', 'winners'], ['v1', `v2-${i}`, 1000])),
    );
    expect(results.filter((r) => r === 'swapped')).toHaveLength(1);
    expect(await kv.smembers('winners')).toHaveLength(1);
  });

  test('When a message is published, then every subscriber of that channel gets it and others do not', async () => {
    const kv = await givenAStore();
    const elsewhere: string[] = [];
    const unsubscribeElsewhere = await kv.subscribe('other-channel', (m) => elsewhere.push(m));
    const first = nextMessage(kv, 'deals');
    const second = nextMessage(kv, 'deals');
    await sleep(50);
    await kv.publish('deals', JSON.stringify({ id: 'd1' }));
    const [a, b] = await Promise.all([first, second]);
    expect(a.message).toBe('{"id":"d1"}');
    expect(b.message).toBe('{"id":"d1"}');
    expect(elsewhere).toEqual([]);
    await Promise.all([a.unsubscribe(), b.unsubscribe(), unsubscribeElsewhere()]);
  });

  test('When a handler unsubscribes, then it receives nothing more', async () => {
    const kv = await givenAStore();
    const received: string[] = [];
    const unsubscribe = await kv.subscribe('alerts', (m) => received.push(m));
    await kv.publish('alerts', 'one');
    await sleep(100);
    await unsubscribe();
    await kv.publish('alerts', 'two');
    await sleep(100);
    expect(received).toEqual(['one']);
  });

  test('When two stores have different prefixes, then they share no keys and no channels', async () => {
    const a = await givenAStore();
    const b = await givenAStore();
    await a.set('shared-name', 'from-a');
    expect(await b.get('shared-name')).toBeNull();
    const heard: string[] = [];
    await b.subscribe('news', (m) => heard.push(m));
    await a.publish('news', 'only for a');
    await sleep(100);
    expect(heard).toEqual([]);
  });

  test('When the store answers, then ping resolves; once closed, it refuses work', async () => {
    const kv = await givenAStore();
    await expect(kv.ping()).resolves.toBeUndefined();
    await kv.close();
    opened.splice(opened.indexOf(kv), 1);
    await expect(kv.get('x')).rejects.toThrow();
  });
});

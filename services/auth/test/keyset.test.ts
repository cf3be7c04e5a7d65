import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenVerifier } from '@tripwise/platform/auth';
import { captureLogs, listen } from '@tripwise/platform/testing';
import { describe, expect, test } from 'vitest';
import { issueAccessToken } from '../src/domain/tokens/access-token.ts';
import { openKeyManager } from '../src/keys/key-manager.ts';
import { planKeyset, signingKey, type Keyset, type StoredKey } from '../src/keys/keyset.ts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const policy = { rotateAfterMs: 30 * DAY, publishAheadMs: 15 * MIN, retireAfterMs: 15 * MIN };
const key = (kid: string, activatesAt: number): StoredKey => ({
  kid,
  alg: 'EdDSA',
  createdAt: activatesAt,
  activatesAt,
  privateJwk: {},
  publicJwk: { kid },
});

describe('planKeyset', () => {
  test('When there is no key, then one is needed at once', () => {
    expect(planKeyset({ keys: [] }, 0, policy)).toMatchObject({ changed: true, needsNewKey: true, retired: [] });
  });

  test('When the signing key is younger than the rotation age, then nothing changes', () => {
    expect(planKeyset({ keys: [key('a', 0)] }, 29 * DAY, policy)).toMatchObject({ changed: false, needsNewKey: false });
  });

  test('When the signing key reaches the rotation age, then a successor is needed; while it waits to sign, no other', () => {
    expect(planKeyset({ keys: [key('a', 0)] }, 30 * DAY, policy).needsNewKey).toBe(true);
    const waiting: Keyset = { keys: [key('a', 0), key('b', 30 * DAY + 15 * MIN)] };
    expect(planKeyset(waiting, 30 * DAY + 5 * MIN, policy)).toMatchObject({ changed: false });
    expect(signingKey(waiting, 30 * DAY + 5 * MIN)?.kid).toBe('a'); // published, not yet signing
    expect(signingKey(waiting, 30 * DAY + 15 * MIN)?.kid).toBe('b');
  });

  test('When the successor has signed longer than a token lives, then the old key is retired, not before', () => {
    const keys: Keyset = { keys: [key('a', 0), key('b', 30 * DAY)] };
    expect(planKeyset(keys, 30 * DAY + 14 * MIN, policy).retired).toEqual([]);
    const later = planKeyset(keys, 30 * DAY + 16 * MIN, policy);
    expect(later.retired).toEqual(['a']);
    expect(later.keyset.keys.map((k) => k.kid)).toEqual(['b']);
  });
});

describe('key rotation in a running service', () => {
  test('When keys rotate, then tokens signed before still verify and new tokens use the new key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tripwise-keys-'));
    let now = Date.now();
    const rotated: string[] = [];
    const manager = await openKeyManager({
      dir,
      policy,
      logger: captureLogs().logger,
      now: () => now,
      onRotated: async (e) => void rotated.push(e.kid),
    });
    const jwks = await listen((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: manager.publicJwks() }));
    });
    const settings = { issuer: 'https://auth.test', audience: 'tripwise', ttlSeconds: 600 };
    const subject = {
      userId: 'u1',
      sessionId: 's1',
      role: 'traveler' as const,
      amr: ['pwd'],
      authTime: 1,
      emailVerified: true,
    };
    const verify = createTokenVerifier({
      jwksUrl: `${jwks.url}/jwks`,
      issuer: settings.issuer,
      audience: settings.audience,
      cooldownMs: 0,
    });
    try {
      const before = await issueAccessToken(manager, settings, subject);
      const firstKid = (await manager.current()).kid;

      now += 30 * DAY;
      await manager.refresh(); // the successor is published ...
      expect(manager.publicJwks()).toHaveLength(2);
      expect((await manager.current()).kid).toBe(firstKid); // ... but does not sign yet
      now += 15 * MIN;
      const after = await issueAccessToken(manager, settings, subject);
      expect((await manager.current()).kid).not.toBe(firstKid);
      expect(rotated).toHaveLength(2); // the first key, then the successor

      await expect(verify(before.accessToken)).resolves.toMatchObject({ userId: 'u1' });
      await expect(verify(after.accessToken)).resolves.toMatchObject({ userId: 'u1' });

      now += 16 * MIN;
      await manager.refresh();
      expect(manager.publicJwks()).toHaveLength(1); // the old key is retired once its tokens are all expired

      // A second instance reading the same folder signs with the same key.
      const twin = await openKeyManager({ dir, policy, logger: captureLogs().logger, now: () => now });
      expect((await twin.current()).kid).toBe((await manager.current()).kid);
    } finally {
      await jwks.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

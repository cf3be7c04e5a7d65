import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '@tripwise/platform/errors';
import type { KvStore } from '@tripwise/platform/kv';
import { tooManyAttempts } from '@tripwise/platform/kv';

const CHALLENGE_TTL_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

const key = (challengeId: string) => `auth:mfa:${createHash('sha256').update(challengeId).digest('hex')}`;

/** After a correct password: a short-lived, single-use ticket for the second step (stored hashed). */
export async function createMfaChallenge(
  kv: KvStore,
  userId: string,
): Promise<{ challengeId: string; expiresIn: number }> {
  const challengeId = randomBytes(32).toString('base64url');
  await kv.set(key(challengeId), userId, { ttlMs: CHALLENGE_TTL_MS });
  return { challengeId, expiresIn: CHALLENGE_TTL_MS / 1000 };
}

const expired = () =>
  new AppError('mfa-challenge-expired', 401, 'Unauthorized', {
    detail: 'This sign-in step has expired. Sign in with your password again.',
  });

/** Counts an attempt on the challenge; after five the challenge is gone and the password must be given again. */
export async function attemptMfaChallenge(kv: KvStore, challengeId: string): Promise<string> {
  const userId = await kv.get(key(challengeId));
  if (!userId) throw expired();
  const attempts = await kv.incr(`${key(challengeId)}:attempts`, 1, CHALLENGE_TTL_MS);
  if (attempts > MAX_ATTEMPTS) {
    await kv.del(key(challengeId));
    throw tooManyAttempts(1000, 'Too many wrong codes. Sign in with your password again.');
  }
  return userId;
}

export async function completeMfaChallenge(kv: KvStore, challengeId: string): Promise<void> {
  await kv.del(key(challengeId), `${key(challengeId)}:attempts`);
}

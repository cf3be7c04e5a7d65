import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits for the link; only the SHA-256 is stored. */
export function newEmailToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashEmailToken(token) };
}

export function hashEmailToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const EMAIL_TOKEN_TTL_MS = {
  verifyEmail: 24 * 60 * 60_000,
  resetPassword: 30 * 60_000,
  adminSetup: 24 * 60 * 60_000,
} as const;

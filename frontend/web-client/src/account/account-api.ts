// Types and calls of the auth API used by the account pages. Public calls (sign-in, sign-up, links from mail)
// go through `publicPost`, which keeps the Retry-After of a 429 so the page can say how long to wait.
import type { Preferences } from '@tripwise/contracts';
import { ApiError } from '../api/api-error.ts';
import type { SessionUser, TokenAnswer } from '../session/session.ts';

export interface Account extends SessionUser {
  emailVerified: boolean;
  address?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
  phone?: string | null;
  profileImageUrl?: string | null;
  preferences?: Preferences | null;
  twoFactor: { enabled: boolean; enabledAt: string | null; backupCodesLeft: number; required: boolean };
  createdAt: string;
}

export interface SignedInAnswer extends TokenAnswer {
  user: Account;
}

export interface MfaChallenge {
  mfaRequired: true;
  challengeId: string;
  expiresIn: number;
  methods: string[];
}

export interface SessionItem {
  sessionId: string;
  device: string;
  createdAt: number;
  lastUsedAt: number;
  expiresAt: number;
  ip: string | null;
  current: boolean;
}

export const ACCOUNT_QUERY_KEY = ['account', 'me'] as const;
export const SESSIONS_QUERY_KEY = ['account', 'sessions'] as const;

/** A POST that needs no token; a failure is an ApiError whose `retryAfterSeconds` extension comes from the header. */
export async function publicPost<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const answer: unknown = isJson ? await res.json() : null;
  if (!res.ok) {
    const problem = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>) : {};
    const retryAfter = Number(res.headers.get('retry-after'));
    throw new ApiError(
      res.status,
      Number.isFinite(retryAfter) && retryAfter > 0 ? { ...problem, retryAfterSeconds: retryAfter } : problem,
    );
  }
  return answer as T;
}

/** Seconds to wait before trying again, when the server said so. */
export function retryAfterOf(error: unknown): number | undefined {
  if (!(error instanceof ApiError) || error.status !== 429) return undefined;
  const seconds = error.extensions.retryAfterSeconds;
  return typeof seconds === 'number' ? seconds : undefined;
}

export const isMfaChallenge = (answer: SignedInAnswer | MfaChallenge): answer is MfaChallenge =>
  'mfaRequired' in answer;

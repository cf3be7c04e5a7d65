import type { SessionUser, TokenAnswer } from '@tripwise/web-session';

export interface SignedInAnswer extends TokenAnswer {
  user: SessionUser;
}

export interface MfaChallenge {
  mfaRequired: true;
  challengeId: string;
  expiresIn: number;
  methods: string[];
}

export const isMfaChallenge = (answer: SignedInAnswer | MfaChallenge): answer is MfaChallenge =>
  'mfaRequired' in answer;

/** Where to go after signing in: only a path inside the portal, so a crafted link cannot send anyone elsewhere. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) {
    return '/';
  }
  return next;
}

import { dictionary } from '@zxcvbn-ts/language-common';

/** NIST 800-63B: length, not composition. Longer when no second factor protects the account. */
export const PASSWORD_MIN_LENGTH = { withSecondFactor: 8, withoutSecondFactor: 12 } as const;
export const PASSWORD_MAX_LENGTH = 128;

// ~49,000 of the most common passwords (zxcvbn-ts' list, from breach corpora), lower-cased.
const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

export function commonPasswordCount(): number {
  return COMMON.size;
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email: string; hasSecondFactor: boolean }): string | null {
  const normalized = password.normalize('NFKC');
  const length = [...normalized].length;
  const min = context.hasSecondFactor ? PASSWORD_MIN_LENGTH.withSecondFactor : PASSWORD_MIN_LENGTH.withoutSecondFactor;
  if (length < min) return `must be at least ${min} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = normalized.toLowerCase();
  if (COMMON.has(lower)) return 'is one of the most common passwords; choose another';
  const localPart = context.email.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= 3 && lower.includes(localPart)) return 'must not contain your email address';
  return null;
}

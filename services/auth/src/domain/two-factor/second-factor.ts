import { AppError } from '@tripwise/platform/errors';
import { attemptLimiter } from '@tripwise/platform/kv';
import { useBackupCode } from '../../data/backup-code.repository.ts';
import { claimTotpStep, type User } from '../../data/user.repository.ts';
import { recordAudit } from '../audit.ts';
import type { AuthDeps } from '../auth-deps.ts';
import type { RequestMeta } from '../request-meta.ts';
import { normalizeBackupCode } from './backup-codes.ts';
import { verifyTotp } from './totp.ts';

export const invalidCode = () =>
  new AppError('invalid-second-factor', 401, 'Unauthorized', { detail: 'The code is not valid. Try the current one.' });

/** At most 10 second-factor attempts per user in 15 minutes, whichever flow they come through. */
const SECOND_FACTOR_LIMIT = { name: 'second-factor', limit: 10, windowMs: 15 * 60_000 };

/**
 * Checks a TOTP code (never the same one twice) or a backup code (each once), and says which was used. The
 * caller's flow decides what a correct code unlocks.
 */
export async function verifySecondFactor(
  deps: AuthDeps,
  user: User,
  code: string,
  meta: RequestMeta,
): Promise<'totp' | 'backup_code'> {
  await attemptLimiter(deps.kv, SECOND_FACTOR_LIMIT).consume(user.id);
  if (!user.totpSecretEnc) throw invalidCode();
  if (/^\d{6}$/.test(code)) {
    const step = await verifyTotp(deps.dataKey.decrypt(user.totpSecretEnc), code, user.totpLastStep, deps.now());
    if (step !== null && (await claimTotpStep(deps.db, user.id, step))) return 'totp';
  } else if (await useBackupCode(deps.db, user.id, deps.dataKey.mac(normalizeBackupCode(code)))) {
    await recordAudit(deps.db, meta, { event: 'backup_codes.used', userId: user.id });
    return 'backup_code';
  }
  const method = /^\d{6}$/.test(code) ? 'totp' : 'backup_code';
  await recordAudit(deps.db, meta, { event: 'mfa.challenge_failed', userId: user.id, details: { method } });
  throw invalidCode();
}

/** The `amr` of a session signed into with a password and then this second factor. */
export function amrAfterSecondFactor(method: 'totp' | 'backup_code'): string[] {
  return method === 'totp' ? ['pwd', 'otp', 'mfa'] : ['pwd', 'mfa'];
}

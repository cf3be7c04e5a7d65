import QRCode from 'qrcode';
import { AppError, conflict, forbidden } from '@tripwise/platform/errors';
import { countUnusedBackupCodes, deleteBackupCodes, replaceBackupCodes } from '../../data/backup-code.repository.ts';
import { enqueueMail } from '../../data/mail-outbox.repository.ts';
import { disableTotp, enableTotp, findUserById, setPendingTotpSecret, type User } from '../../data/user.repository.ts';
import { mails } from '../../mail/templates.ts';
import { recordAudit } from '../audit.ts';
import type { AuthDeps } from '../auth-deps.ts';
import { verifyPassword } from '../passwords/password-hasher.ts';
import type { RequestMeta } from '../request-meta.ts';
import { endSessions } from '../sessions/session-lifecycle.use-case.ts';
import { startSession, type SessionTokens } from '../sessions/start-session.ts';
import { newBackupCodes, normalizeBackupCode } from './backup-codes.ts';
import { invalidCode, verifySecondFactor } from './second-factor.ts';
import { newTotpSecret, totpUri, verifyTotp } from './totp.ts';

interface Identity {
  userId: string;
  sessionId: string;
}

async function userOf(deps: AuthDeps, identity: Identity): Promise<User> {
  const user = await findUserById(deps.db, identity.userId);
  if (!user) throw new AppError('invalid-token', 401, 'Unauthorized', { detail: 'This account no longer exists.' });
  return user;
}

/** Step 1: a new secret, pending until a code from it is confirmed. The QR code is made here, never stored. */
export async function setupTwoFactor(deps: AuthDeps, identity: Identity) {
  const user = await userOf(deps, identity);
  if (user.totpEnabledAt) throw conflict('two-factor-already-enabled', 'Two-factor authentication is already on.');
  const secret = newTotpSecret();
  await setPendingTotpSecret(deps.db, user.id, deps.dataKey.encrypt(secret));
  const otpauthUri = totpUri(secret, user.email);
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 4 });
  return { secret, otpauthUri, qrCodeDataUrl };
}

/**
 * Step 2: a code from the pending secret turns 2FA on, yields ten backup codes (shown once), and replaces the
 * current session with one signed in with both factors. Other sessions end when asked.
 */
export async function enableTwoFactor(
  deps: AuthDeps,
  identity: Identity,
  input: { code: string; signOutOtherSessions: boolean },
  meta: RequestMeta,
): Promise<{ backupCodes: string[]; session: SessionTokens; endedSessions: number }> {
  const user = await userOf(deps, identity);
  if (user.totpEnabledAt) throw conflict('two-factor-already-enabled', 'Two-factor authentication is already on.');
  if (!user.totpPendingSecretEnc) {
    throw conflict('two-factor-not-set-up', 'Start the set-up first: it gives you the QR code to scan.');
  }
  const step = await verifyTotp(deps.dataKey.decrypt(user.totpPendingSecretEnc), input.code, null, deps.now());
  if (step === null) throw invalidCode();
  const backupCodes = newBackupCodes();
  await deps.db.transaction(async (tx) => {
    await enableTotp(tx, user.id, user.totpPendingSecretEnc!, step);
    await replaceBackupCodes(
      tx,
      user.id,
      backupCodes.map((c) => deps.dataKey.mac(normalizeBackupCode(c))),
    );
    await enqueueMail(tx, mails.twoFactorChanged(user.email, true));
    await recordAudit(tx, meta, { event: 'mfa.enabled', userId: user.id, sessionId: identity.sessionId });
  });
  deps.mailQueued();
  const endedSessions = input.signOutOtherSessions
    ? await endSessions(deps, user.id, 'mfa-enabled', meta, { except: identity.sessionId })
    : 0;
  // The password-only session gives way to one that has shown both factors (what admin routes require).
  await deps.sessions.revokeSession(user.id, identity.sessionId, 'mfa-step-up');
  const session = await startSession(deps, { ...user, totpEnabledAt: new Date() }, ['pwd', 'otp', 'mfa'], meta);
  return { backupCodes, session, endedSessions };
}

/** Turns 2FA off with the password and a current code (other sessions end unless kept). Admins must keep it. */
export async function disableTwoFactor(
  deps: AuthDeps,
  identity: Identity,
  input: { password: string; code: string; signOutOtherSessions: boolean },
  meta: RequestMeta,
): Promise<{ endedSessions: number }> {
  const user = await userOf(deps, identity);
  if (user.role === 'admin') throw forbidden('Admins must keep two-factor authentication on.');
  if (!user.totpEnabledAt) throw conflict('two-factor-not-enabled', 'Two-factor authentication is not on.');
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.password))) {
    throw new AppError('invalid-credentials', 401, 'Unauthorized', { detail: 'The password is incorrect.' });
  }
  await verifySecondFactor(deps, user, input.code, meta);
  await deps.db.transaction(async (tx) => {
    await disableTotp(tx, user.id);
    await deleteBackupCodes(tx, user.id);
    await enqueueMail(tx, mails.twoFactorChanged(user.email, false));
    await recordAudit(tx, meta, { event: 'mfa.disabled', userId: user.id, sessionId: identity.sessionId });
  });
  deps.mailQueued();
  const endedSessions = input.signOutOtherSessions
    ? await endSessions(deps, user.id, 'mfa-disabled', meta, { except: identity.sessionId })
    : 0;
  return { endedSessions };
}

/** Ten new backup codes for a current code; every old one stops working. */
export async function regenerateBackupCodes(
  deps: AuthDeps,
  identity: Identity,
  code: string,
  meta: RequestMeta,
): Promise<string[]> {
  const user = await userOf(deps, identity);
  if (!user.totpEnabledAt) throw conflict('two-factor-not-enabled', 'Two-factor authentication is not on.');
  await verifySecondFactor(deps, user, code, meta);
  const backupCodes = newBackupCodes();
  await deps.db.transaction(async (tx) => {
    await replaceBackupCodes(
      tx,
      user.id,
      backupCodes.map((c) => deps.dataKey.mac(normalizeBackupCode(c))),
    );
    await recordAudit(tx, meta, { event: 'backup_codes.regenerated', userId: user.id });
  });
  return backupCodes;
}

export async function twoFactorStatus(deps: AuthDeps, user: User) {
  return {
    enabled: user.totpEnabledAt !== null,
    enabledAt: user.totpEnabledAt,
    backupCodesLeft: user.totpEnabledAt ? await countUnusedBackupCodes(deps.db, user.id) : 0,
    required: user.role === 'admin',
  };
}

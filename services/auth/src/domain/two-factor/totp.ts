import { generateSecret, generateSync, generateURI, verify } from 'otplib';

const ISSUER = 'Tripwise';
const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 }); // 160 bits, base32
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret, period: PERIOD_SECONDS });
}

/**
 * Checks a code against the secret, one step either side (clock drift). Returns the matched time step, which
 * the caller must record (users.totp_last_step) so the same code is never accepted twice; `afterStep` refuses
 * steps at or before the last one used. otplib 13's verify returns an object, never a boolean.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  afterStep: number | null,
  nowMs = Date.now(),
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: PERIOD_SECONDS,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** The code an authenticator app would show now (tests and the demo seed use it). */
export function currentTotpCode(secret: string, nowMs = Date.now()): string {
  return generateSync({ secret, epoch: Math.floor(nowMs / 1000) });
}

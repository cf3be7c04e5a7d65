import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Role } from '@tripwise/platform/auth';
import type { KeyManager } from '../../keys/key-manager.ts';

export interface AccessTokenSettings {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

export interface AccessTokenSubject {
  userId: string;
  sessionId: string;
  role: Role;
  /** How the user proved who they are: `pwd`, then `otp` when a second factor was given. */
  amr: string[];
  /** Seconds since the epoch of the sign-in (not of this refresh). */
  authTime: number;
  /** The email address is confirmed now: read from the account at every sign-in and refresh. */
  emailVerified: boolean;
}

export interface IssuedAccessToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** A short-lived EdDSA JWT (`typ: at+jwt`) that the gateway and every service verify against our JWKS. */
export async function issueAccessToken(
  keys: KeyManager,
  settings: AccessTokenSettings,
  subject: AccessTokenSubject,
): Promise<IssuedAccessToken> {
  const { kid, privateKey } = await keys.current();
  const accessToken = await new SignJWT({
    sid: subject.sessionId,
    role: subject.role,
    amr: subject.amr,
    auth_time: subject.authTime,
    email_verified: subject.emailVerified,
  })
    .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' })
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setSubject(subject.userId)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${settings.ttlSeconds}s`)
    .sign(privateKey);
  return { accessToken, tokenType: 'Bearer', expiresIn: settings.ttlSeconds };
}

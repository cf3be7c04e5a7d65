import { hash } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AppError } from '../errors/index.ts';
import { accessTokenClaimsSchema, type Identity } from './identity.ts';

export interface TokenVerifierOptions {
  /** Where the issuer publishes its keys; or `keys` to supply them directly (the issuer verifying its own). */
  jwksUrl?: string;
  keys?: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  /** Minimum time between two JWKS refetches caused by an unknown `kid`. */
  cooldownMs?: number;
  /** Clock skew tolerated on `exp` and `nbf`, in seconds. */
  clockToleranceSec?: number;
  /** How many verified tokens to remember (0: none). */
  cacheSize?: number;
}

export type TokenVerifier = (token: string) => Promise<Identity>;

const ALGORITHMS = ['EdDSA', 'ES256'];

function invalidToken(detail: string, cause?: unknown): AppError {
  return new AppError('invalid-token', 401, 'Unauthorized', {
    detail,
    cause,
    headers: { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${detail}"` },
  });
}

/**
 * Verifies access tokens against the auth service's JWKS (cached, refetched when an unknown `kid` appears),
 * pinning algorithm, issuer, audience and `typ`. Every failure is the same 401 with a reason, never a 500.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const jwks: JWTVerifyGetKey =
    options.keys ??
    createRemoteJWKSet(new URL(options.jwksUrl ?? 'missing:jwksUrl'), {
      cooldownDuration: options.cooldownMs ?? 30_000,
      timeoutDuration: 5_000,
    });
  const verified = verifiedTokens(options.cacheSize ?? 10_000);
  return async (token) => {
    const known = verified.get(token);
    if (known) return known;
    let payload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        algorithms: ALGORITHMS,
        issuer: options.issuer,
        audience: options.audience,
        typ: 'at+jwt',
        requiredClaims: ['exp', 'sub', 'sid', 'jti'],
        clockTolerance: options.clockToleranceSec ?? 5,
      }));
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw invalidToken('The access token has expired.', err);
      if (err instanceof errors.JOSEError) throw invalidToken('The access token is not valid.', err);
      // The JWKS endpoint being unreachable is our failure, not the caller's.
      throw new AppError('auth-unavailable', 503, 'Service unavailable', {
        detail: 'Tokens cannot be checked right now; try again shortly.',
        cause: err,
        headers: { 'Retry-After': '5' },
      });
    }
    const claims = accessTokenClaimsSchema.safeParse(payload);
    if (!claims.success) throw invalidToken('The access token lacks required claims.');
    const c = claims.data;
    const identity: Identity = {
      userId: c.sub,
      sessionId: c.sid,
      tokenId: c.jti,
      role: c.role,
      amr: c.amr,
      authTime: c.auth_time,
      emailVerified: c.email_verified === true,
      expiresAt: c.exp,
    };
    verified.set(token, identity);
    return identity;
  };
}

/**
 * Tokens already verified, until they expire: the same token comes with every request of a client, and checking
 * its signature again (an asynchronous crypto job each time, in the gateway and again in the service) cannot give
 * another answer. Only successes are kept; revocation is the deny list's job, checked on its own.
 */
function verifiedTokens(capacity: number) {
  // Keyed by the token's hash: a tenth of the memory of the token itself, and no bearer credential kept around.
  const entries = new Map<string, Identity>();
  // The one-shot hash: it runs on every request, and a Hash object per call costs several times the digest.
  const keyOf = (token: string) => hash('sha256', token, 'base64url');
  return {
    get(token: string): Identity | undefined {
      const key = keyOf(token);
      const identity = entries.get(key);
      if (identity && identity.expiresAt * 1000 <= Date.now()) {
        entries.delete(key);
        return undefined;
      }
      return identity;
    },
    set(token: string, identity: Identity) {
      if (capacity <= 0 || identity.expiresAt * 1000 <= Date.now()) return;
      // Oldest first: when full, the longest-remembered token makes room (it is verified again if it comes back).
      if (entries.size >= capacity) entries.delete(entries.keys().next().value!);
      entries.set(keyOf(token), identity);
    },
  };
}

/** A verifier for a service's own configuration (AUTH_URL, AUTH_JWKS_URL, TOKEN_ISSUER, TOKEN_AUDIENCE). */
export function verifierFromConfig(config: {
  AUTH_URL: string;
  AUTH_JWKS_URL?: string | undefined;
  TOKEN_ISSUER: string;
  TOKEN_AUDIENCE: string;
}): TokenVerifier {
  return createTokenVerifier({
    jwksUrl: config.AUTH_JWKS_URL ?? `${config.AUTH_URL}/api/auth/.well-known/jwks.json`,
    issuer: config.TOKEN_ISSUER,
    audience: config.TOKEN_AUDIENCE,
  });
}

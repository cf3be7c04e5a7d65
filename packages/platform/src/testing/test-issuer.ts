import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Role } from '../auth/index.ts';
import { listen, type TestServer } from './listen.ts';

export interface TestTokenClaims {
  sub?: string;
  sid?: string;
  role?: Role;
  amr?: string[];
  /** The account's email address is confirmed; true unless a test says otherwise (as for most real accounts). */
  emailVerified?: boolean;
  /** Lifetime in seconds; negative for a token that has already expired. */
  expiresInSec?: number;
  audience?: string;
  issuer?: string;
  typ?: string;
}

export interface TestIssuer {
  /** Where it answers as auth does for verifiers: its JWKS, and the internal deny-list check (use as AUTH_URL). */
  url: string;
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** Signs a real access token with the published key: no back door, the verifier checks it for real. */
  sign(claims?: TestTokenClaims): Promise<string>;
  /** Signs with a key that is NOT published but claims the published `kid`: a forgery. */
  forge(claims?: TestTokenClaims): Promise<string>;
  /** Publishes a new key and signs with it from now on. */
  rotate(): Promise<void>;
  /** Puts a session on the deny list, as auth does when it is revoked. */
  revoke(sessionId: string): void;
  close(): Promise<void>;
}

interface SigningKey {
  kid: string;
  privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  publicJwk: JWK;
}

async function newKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const kid = randomUUID();
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' } };
}

/**
 * A stand-in for the auth service's token side: real Ed25519 keys, a real JWKS endpoint over HTTP, and the
 * internal deny-list check that services ask in the embedded mode.
 */
export async function startTestIssuer(options: { issuer?: string; audience?: string } = {}): Promise<TestIssuer> {
  const issuer = options.issuer ?? 'https://auth.tripwise.test';
  const audience = options.audience ?? 'tripwise';
  let keys: SigningKey[] = [await newKey()];
  const denied = new Set<string>();
  const server: TestServer = await listen((req, res) => {
    res.setHeader('content-type', 'application/json');
    const deny = /^\/internal\/sessions\/([^/]+)\/denied$/.exec(req.url ?? '');
    if (deny) {
      res.end(JSON.stringify({ denied: denied.has(decodeURIComponent(deny[1] ?? '')) }));
      return;
    }
    res.end(JSON.stringify({ keys: keys.map((k) => k.publicJwk) }));
  });

  const signWith = async (key: SigningKey, kid: string, claims: TestTokenClaims) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      sid: claims.sid ?? randomUUID(),
      role: claims.role ?? 'traveler',
      amr: claims.amr ?? ['pwd'],
      email_verified: claims.emailVerified ?? true,
    })
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: claims.typ ?? 'at+jwt' })
      .setSubject(claims.sub ?? randomUUID())
      .setJti(randomUUID())
      .setIssuer(claims.issuer ?? issuer)
      .setAudience(claims.audience ?? audience)
      .setIssuedAt(now)
      .setExpirationTime(now + (claims.expiresInSec ?? 300))
      .sign(key.privateKey);
  };
  const current = () => keys[keys.length - 1] as SigningKey;

  return {
    url: server.url,
    jwksUrl: `${server.url}/.well-known/jwks.json`,
    issuer,
    audience,
    sign: (claims = {}) => signWith(current(), current().kid, claims),
    forge: async (claims = {}) => signWith(await newKey(), current().kid, claims),
    rotate: async () => {
      keys = [...keys, await newKey()];
    },
    revoke: (sessionId) => {
      denied.add(sessionId);
    },
    close: () => server.close(),
  };
}

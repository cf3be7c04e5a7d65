import { randomInt, randomUUID } from 'node:crypto';
import type { Role } from '@tripwise/platform/auth';
import { enableTotp, insertUser } from '../src/data/user.repository.ts';
import { hashPassword } from '../src/domain/passwords/password-hasher.ts';
import { currentTotpCode, newTotpSecret } from '../src/domain/two-factor/totp.ts';
import type { AuthTestService } from './given-an-auth-service.ts';

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  setCookie: string | null;
}

const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${1 + randomInt(254)}`;

/**
 * A browser-like client: JSON in and out, and the refresh cookie kept between calls (a one-cookie jar). Each client
 * comes from an address of its own (X-Forwarded-For, as the gateway sets it), so per-IP limits stay per test.
 */
export function authClient(baseUrl: string, options: { ip?: string } = {}) {
  let cookie: string | undefined;
  const ip = options.ip ?? randomIp();
  const call = async (
    method: string,
    path: string,
    init: { body?: unknown; token?: string; headers?: Record<string, string>; withCookie?: boolean } = {},
  ): Promise<Reply> => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.body !== undefined) headers['content-type'] ??= 'application/json';
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (cookie && init.withCookie !== false) headers.cookie = `tw_rt=${cookie}`;
    headers['x-forwarded-for'] = ip;
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(init.body !== undefined && method !== 'GET'
        ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }
        : {}),
    });
    const setCookie = res.headers.get('set-cookie');
    const match = setCookie && /tw_rt=([^;]*)/.exec(setCookie);
    if (match) cookie = match[1] === '' ? undefined : match[1];
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null, setCookie };
  };
  return {
    call,
    get cookie() {
      return cookie;
    },
    set cookie(value: string | undefined) {
      cookie = value;
    },
    refresh: () => call('POST', '/api/auth/refresh', { body: {} }),
  };
}

export type AuthClient = ReturnType<typeof authClient>;

export const uniqueEmail = (label = 'user') => `${label}-${randomUUID().slice(0, 8)}@example.test`;
export const GOOD_PASSWORD = 'correct horse battery staple';

export interface SignedInUser {
  id: string;
  email: string;
  password: string;
  totpSecret: string | undefined;
  accessToken: string;
  sessionId: string;
  client: AuthClient;
}

/** Arranges an account straight in the database (fast), then signs in through the API like a browser would. */
export async function givenASignedInUser(
  service: AuthTestService,
  options: { role?: Role; totp?: boolean; password?: string } = {},
): Promise<SignedInUser> {
  const email = uniqueEmail(options.role ?? 'traveler');
  const password = options.password ?? GOOD_PASSWORD;
  const user = (await insertUser(service.db, {
    email,
    passwordHash: await hashPassword(password),
    role: options.role ?? 'traveler',
    verified: true,
  }))!;
  const totpSecret = options.totp || options.role === 'admin' ? newTotpSecret() : undefined;
  if (totpSecret) await enableTotp(service.db, user.id, service.dataKey.encrypt(totpSecret), 0);
  const client = authClient(service.url);
  let reply = await client.call('POST', '/api/auth/login', { body: { email, password } });
  if (reply.body?.mfaRequired) {
    reply = await client.call('POST', '/api/auth/login/mfa', {
      body: { challengeId: reply.body.challengeId, code: currentTotpCode(totpSecret!) },
    });
  }
  if (reply.status !== 200) throw new Error(`sign-in failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return {
    id: user.id,
    email,
    password,
    totpSecret,
    accessToken: reply.body.accessToken,
    sessionId: reply.body.sessionId,
    client,
  };
}

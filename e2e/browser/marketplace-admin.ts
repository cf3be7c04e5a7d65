import { readFile } from 'node:fs/promises';
import { generateSync } from 'otplib';
import { inject } from 'vitest';
import { baseUrl } from './browser.ts';

interface DemoAccount {
  role: string;
  email: string;
  password: string;
  totpSecret?: string;
}

async function post<T>(path: string, body: unknown, token?: string, method = 'POST'): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The demo admin's access token: password, then the code its authenticator would show (admins must use 2FA). */
export async function adminToken(): Promise<string> {
  const accounts = JSON.parse(await readFile(inject('demoAccounts'), 'utf8')) as DemoAccount[];
  const admin = accounts.find((a) => a.role === 'admin');
  if (!admin?.totpSecret) throw new Error('no demo admin with 2FA');
  const first = await post<{ challengeId: string }>('/api/auth/login', {
    email: admin.email,
    password: admin.password,
  });
  const code = generateSync({ secret: admin.totpSecret, epoch: Math.floor(Date.now() / 1000) });
  return (await post<{ accessToken: string }>('/api/auth/login/mfa', { challengeId: first.challengeId, code }))
    .accessToken;
}

/** The marketplace changes a car's daily price through the public listings API, as its owner or an admin does. */
export async function setCarDailyPrice(token: string, carId: string, dollars: number): Promise<void> {
  await post(`/api/listings/cars/${carId}`, { dailyPrice: dollars * 100 }, token, 'PATCH');
}

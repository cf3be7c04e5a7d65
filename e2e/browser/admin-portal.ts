import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { baseUrl, confirmEmail, PASSWORD, uniqueEmail } from './browser.ts';

// Helpers for the admin portal's browser tests: accounts of each role made through the public API (an admin is a
// new account the demo admin promotes, so each test has its own TOTP secret and never competes for the demo
// admin's one-time codes), listings and bookings made through the API, and the portal's sign-in driven as a person
// would. Their accounts skip the email confirmation, which signing in does not need: confirmations are limited to 20
// per address per 15 minutes, and the whole browser suite comes from one address.

export interface Account {
  id: string;
  email: string;
  password: string;
  /** The TOTP secret, for accounts with two-factor authentication on. */
  secret?: string;
  /** An access token signed in with both factors (the one enrolment answered with), for setting up through the API. */
  token?: string;
}

interface Answer<T> {
  status: number;
  body: T;
}

export async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

async function ok<T>(answer: Promise<Answer<T>>, what: string): Promise<T> {
  const { status, body } = await answer;
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** The code an authenticator shows, `steps` 30-second steps from now (the server allows one step of drift). */
export const totp = (secret: string, steps = 0) =>
  generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

let demoAdmin: Promise<string> | undefined;

/**
 * The demo admin's access token (10 minutes; one per test file), used only to promote the tests' own admins. Other
 * test files sign in as the demo admin too, with the code of the current 30-second step, and the server accepts a
 * step once and never one before the last used. So this takes the code of the step before (accepted: one step of
 * drift) and never spends a step another file may still need; if that step is taken, it waits for the next one.
 */
export function demoAdminToken(): Promise<string> {
  demoAdmin ??= (async () => {
    const accounts = JSON.parse(await readFile(inject('demoAccounts'), 'utf8')) as (Account & {
      role: string;
      totpSecret?: string;
    })[];
    const admin = accounts.find((a) => a.role === 'admin');
    if (!admin?.totpSecret) throw new Error('no demo admin with 2FA');
    // Few tries: every second-factor attempt counts against the account's limit of 10 per 15 minutes.
    for (let attempt = 0; attempt < 3; attempt++) {
      const { challengeId } = await ok(
        call<{ challengeId: string }>('POST', '/api/auth/login', {
          body: { email: admin.email, password: admin.password },
        }),
        'demo admin login',
      );
      const answer = await call<{ accessToken: string }>('POST', '/api/auth/login/mfa', {
        body: { challengeId, code: totp(admin.totpSecret, -1) },
      });
      if (answer.status === 200) return answer.body.accessToken;
      await sleep(30_500 - (Date.now() % 30_000));
    }
    throw new Error('the demo admin could not sign in with a fresh code');
  })();
  return demoAdmin;
}

export async function passwordToken(user: { email: string; password: string }): Promise<string> {
  const body = await ok(
    call<{ accessToken: string }>('POST', '/api/auth/login', { body: { email: user.email, password: user.password } }),
    'login',
  );
  return body.accessToken;
}

export async function userIdOf(email: string): Promise<string> {
  const page = await ok(
    call<{ items: { id: string; email: string }[] }>('GET', `/api/auth/admin/users?q=${encodeURIComponent(email)}`, {
      token: await demoAdminToken(),
    }),
    'find user',
  );
  const user = page.items.find((u) => u.email === email);
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

/** A new account through the public sign-up (its email left unconfirmed). */
async function register(role: 'traveler' | 'owner', firstName: string, lastName: string): Promise<Account> {
  const email = uniqueEmail(role);
  await ok(
    call('POST', '/api/auth/register', { body: { email, password: PASSWORD, firstName, lastName, role } }),
    'register',
  );
  return { email, password: PASSWORD, id: await userIdOf(email) };
}

/** A traveler who confirmed their address, as one must before booking. */
export async function createTraveler(firstName = 'Grace'): Promise<Account> {
  const traveler = await register('traveler', firstName, 'Hopper');
  await confirmEmail(traveler.email);
  return traveler;
}
export const createOwner = (firstName = 'Olive') => register('owner', firstName, 'Owner');

/** A new account the demo admin makes an admin: it has no second factor yet. */
export async function createAdminWithout2fa(): Promise<Account> {
  const user = await createOwner('Alan');
  await ok(
    call('PATCH', `/api/auth/admin/users/${user.id}`, { token: await demoAdminToken(), body: { role: 'admin' } }),
    'promote',
  );
  return user;
}

/** An admin with TOTP turned on through the API; the test knows the secret, as the admin's phone would. */
export async function createAdminWith2fa(): Promise<Account> {
  const admin = await createAdminWithout2fa();
  const token = await passwordToken(admin);
  const { secret } = await ok(call<{ secret: string }>('POST', '/api/auth/2fa/setup', { token, body: {} }), 'setup');
  const enabled = await ok(
    call<{ accessToken: string }>('POST', '/api/auth/2fa/enable', { token, body: { code: totp(secret) } }),
    'enable',
  );
  // A code is accepted once and within one step of now: the next sign-in (on the portal) takes the next step's.
  return { ...admin, secret, token: enabled.accessToken };
}

/**
 * Signs in on the portal's own page: email and password, then (with 2FA) the code. The code is the next step's: the
 * step of the enrolment (or of an earlier sign-in) is never accepted twice.
 */
export async function signInOnPortal(page: Page, user: Account, steps = 1): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (user.secret) {
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
    await page.getByLabel('Authentication code').fill(totp(user.secret, steps));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
  }
}

export interface HotelBody {
  name: string;
  cityCode: string;
  city: string;
  country: string;
  address: string;
  neighborhood: string;
  latitude: number;
  longitude: number;
  stars: number;
  amenities: string[];
  policies: Record<string, unknown>;
  description: string;
  rooms: { name: string; capacity: number; units: number; nightlyPrice: number }[];
}

export const hotelBody = (name: string): HotelBody => ({
  name,
  cityCode: 'BOS',
  city: 'Boston',
  country: 'United States',
  address: '10 Harbor Way',
  neighborhood: 'Seaport',
  latitude: 42.35,
  longitude: -71.04,
  stars: 4,
  amenities: ['wifi', 'gym'],
  policies: {
    refundWindowHours: 48,
    petsAllowed: true,
    breakfastIncluded: false,
    parking: 'paid',
    checkInTime: '15:00',
    checkOutTime: '11:00',
  },
  description: 'A test hotel by the harbor.',
  rooms: [
    { name: 'Queen Room', capacity: 2, units: 20, nightlyPrice: 18_900 },
    { name: 'Harbor Suite', capacity: 4, units: 5, nightlyPrice: 32_900 },
  ],
});

export interface HotelListing {
  id: string;
  status: string;
  name: string;
  city: string;
  rooms: { id: string; name: string; nightlyPrice: { amount: number } }[];
}

/** An owner's hotel made through the listings API, waiting for review (or approved by the given admin token). */
export async function createHotel(owner: Account, name: string, approveWith?: string): Promise<HotelListing> {
  const token = await passwordToken(owner);
  const hotel = await ok(
    call<HotelListing>('POST', '/api/listings/hotels', { token, body: hotelBody(name) }),
    'create hotel',
  );
  if (!approveWith) return hotel;
  return ok(
    call<HotelListing>('PATCH', `/api/listings/hotels/${hotel.id}`, { token: approveWith, body: { status: 'active' } }),
    'approve hotel',
  );
}

export const isoDaysFromNow = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A traveler books one room of a hotel through the booking API, paying with the approved test card. The price
 * market may have moved the price since it was read: the 409 says the new one, and the booking is tried again.
 */
export async function bookRoom(
  traveler: Account,
  room: { id: string; nightlyPrice: { amount: number } },
  stay: { checkIn: string; checkOut: string },
): Promise<{ id: string; status: string; billing?: { billingNumber: string }[] }> {
  const token = await passwordToken(traveler);
  let price = room.nightlyPrice.amount;
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = await call<{ id: string; status: string; prices?: { now: { amount: number } }[] }>(
      'POST',
      '/api/bookings',
      {
        token,
        headers: { 'idempotency-key': randomUUID() },
        body: {
          items: [
            {
              kind: 'hotel',
              roomTypeId: room.id,
              checkIn: stay.checkIn,
              checkOut: stay.checkOut,
              rooms: 1,
              guests: 2,
              leadGuest: { firstName: 'Grace', lastName: 'Hopper' },
              expectedNightlyPrice: price,
            },
          ],
          contact: { email: traveler.email, phone: '+1 617 555 0100' },
          payment: {
            card: {
              number: '4242 4242 4242 4242',
              expMonth: 12,
              expYear: 2034,
              cvc: '123',
              holderName: 'Grace Hopper',
            },
            billingAddress: {
              line1: '1 Main Street',
              city: 'Cambridge',
              state: 'MA',
              postalCode: '02139',
              country: 'US',
            },
          },
        },
      },
    );
    if (answer.status === 201 || answer.status === 202) return answer.body;
    const now = answer.body.prices?.[0]?.now.amount;
    if (answer.status !== 409 || now === undefined) {
      throw new Error(`booking: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    price = now;
  }
  throw new Error('booking: the price kept changing');
}

/** "$1,234.56", as the portal shows money. */
export const usd = (minor: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 }).format(minor / 100);

import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl } from './browser.ts';

const ORIGINS = [
  { code: 'ORD', city: 'Chicago' },
  { code: 'ATL', city: 'Atlanta' },
  { code: 'LAX', city: 'Los Angeles' },
  { code: 'JFK', city: 'New York' },
];

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const spoken = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', {
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });

async function found(path: string, query: Record<string, string>): Promise<boolean> {
  const res = await fetch(`${baseUrl()}${path}?${new URLSearchParams(query).toString()}`);
  return res.ok && (((await res.json()) as { total?: number }).total ?? 0) > 0;
}

/**
 * A weekend trip (to Denver unless told) that the demo inventory can satisfy (it is generated relative to today, so
 * the route is looked up rather than assumed): flights both ways for two, a 4-star hotel with a pool, and a car.
 */
export async function aTripTheInventoryHas(
  to: { code: string; city: string } = { code: 'DEN', city: 'Denver' },
): Promise<{ message: string; origin: string }> {
  const depart = isoDay(10);
  const back = isoDay(12);
  // Asked first, these also warm search's caches for the agent, whose calls to search have a short timeout.
  const stay = { city: to.code, checkIn: depart, checkOut: back, guests: '2', amenities: 'pool' };
  if (!(await found('/api/search/hotels', stay))) {
    throw new Error(`no demo hotel with a pool in ${to.code} on ${depart}`);
  }
  if (!(await found('/api/search/cars', { location: to.code, pickupDate: depart, dropoffDate: back }))) {
    throw new Error(`no demo car in ${to.code} on ${depart}`);
  }
  for (const origin of ORIGINS.filter((o) => o.code !== to.code)) {
    const query = { origin: origin.code, destination: to.code, date: depart, returnDate: back, passengers: '2' };
    if (await found('/api/search/flights', query)) {
      return {
        origin: origin.code,
        message: `${origin.city} to ${to.city} on ${spoken(depart)}, back ${spoken(back)}, 2 people, 4-star hotel with a pool, and a rental car`,
      };
    }
  }
  throw new Error(`no demo flights to ${to.code} on ${depart} from ${ORIGINS.map((o) => o.code).join(', ')}`);
}

/** An access token of the traveler's own (a second session), for checking what the API holds. */
export async function accessTokenOf(user: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  const body = (await res.json()) as { accessToken?: string };
  if (!body.accessToken) throw new Error(`login: ${res.status}`);
  return body.accessToken;
}

export async function apiGet<T>(token: string, path: string): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Types a message in AI Mode and sends it with Enter, as a keyboard user would. */
export async function say(page: Page, message: string): Promise<void> {
  const box = page.getByLabel('Message the travel agent');
  await box.fill(message);
  await box.press('Enter');
  await expect.poll(() => box.inputValue(), { timeout: 30_000 }).toBe('');
  // Focus stays in the message box, ready for the next message.
  await expect.poll(() => page.locator('#ai-message:focus').count(), { timeout: 30_000 }).toBe(1);
}

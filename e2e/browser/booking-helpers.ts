import type { Page } from 'playwright-core';
import { baseUrl } from './browser.ts';

// Helpers for the booking tests: real inventory looked up through the public API, and the checkout form filled in
// as a traveler would.

export const isoDaysFromNow = (days: number): string => {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + days)).toISOString().slice(0, 10);
};

async function getJson<T>(path: string, query: Record<string, string>): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}?${new URLSearchParams(query).toString()}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface FlightsPage {
  total: number;
  items: { id: string; seatsLeft: number; airline: { code: string; name: string } }[];
  facets: { airlines: { code: string; count: number }[] };
}

/** A one-way route and day with several flights that have plenty of seats (other tests share the inventory). */
export async function findFlightDay(): Promise<{
  origin: string;
  destination: string;
  date: string;
  airline: { code: string; name: string };
}> {
  const routes = [
    ['JFK', 'LAX'],
    ['ATL', 'ORD'],
    ['DEN', 'LAX'],
    ['SFO', 'LAX'],
    ['BOS', 'JFK'],
  ] as const;
  for (let days = 10; days < 40; days += 3) {
    for (const [origin, destination] of routes) {
      const date = isoDaysFromNow(days);
      const page = await getJson<FlightsPage>('/api/search/flights', { origin, destination, date, limit: '20' });
      const roomy = page.items.filter((f) => f.seatsLeft >= 20);
      const airline = roomy[0]?.airline;
      if (page.total >= 2 && airline) return { origin, destination, date, airline };
    }
  }
  throw new Error('no flight day with seats found in the demo inventory');
}

/** The demo city's hotels and cars are plentiful; this checks that some are free for the dates asked. */
export async function assertStayAvailable(city: string, checkIn: string, checkOut: string): Promise<void> {
  const hotels = await getJson<{ total: number }>('/api/search/hotels', {
    city,
    checkIn,
    checkOut,
    guests: '2',
    rooms: '1',
  });
  if (hotels.total < 3) throw new Error(`only ${hotels.total} hotels free in ${city}`);
}

export const CARDS = { approved: '4242 4242 4242 4242', declined: '4000 0000 0000 0002' } as const;

/** Fills the checkout form's contact, card and billing fields (names come prefilled from the account). */
export async function fillPayment(page: Page, card: string = CARDS.approved): Promise<void> {
  await page.getByLabel('Phone').fill('+1 617 555 0100');
  await page.getByLabel('Card number').fill(card);
  await page.getByLabel('Expiry (MM/YY)').fill('12/34');
  await page.getByLabel('Security code (CVC)').fill('123');
  await page.getByLabel('Name on card').fill('Ada Lovelace');
  await page.getByLabel('Address', { exact: true }).fill('1 Main Street');
  await page.getByLabel('City', { exact: true }).fill('Cambridge');
  await page.getByLabel('State').fill('MA');
  await page.getByLabel('ZIP or postal code').fill('02139');
}

/** The traveler's bookings read through the API with their own token, to check what the browser did. */
export async function bookingsOf(user: { email: string; password: string }): Promise<{ id: string; status: string }[]> {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const res = await fetch(`${baseUrl()}/api/bookings?when=all`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return ((await res.json()) as { items: { id: string; status: string }[] }).items;
}

/** Presses Tab until the focused element matches, as a keyboard-only traveler would move through the page. */
export async function tabTo(
  page: Page,
  matches: (el: { label: string; tag: string; text: string }) => boolean,
  max = 80,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    // A string, not a function: this file is type-checked without the DOM library.
    const focused = await page.evaluate<{ label: string; tag: string; text: string }>(`(() => {
      const el = document.activeElement;
      const label = (el && el.labels && el.labels[0] ? el.labels[0].textContent : el && el.getAttribute('aria-label')) || '';
      return { label: label.trim(), tag: el ? el.tagName.toLowerCase() : '', text: ((el && el.textContent) || '').trim() };
    })()`);
    if (matches(focused)) return;
  }
  throw new Error('Tab never reached the element');
}

/** For expect.poll on what waits for the API: the machine is shared, so answers can take seconds. */
export const PATIENTLY = { timeout: 20_000 } as const;

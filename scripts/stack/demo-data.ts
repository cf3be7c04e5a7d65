import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadServiceToken } from '@tripwise/platform/config';

export interface DemoDataOptions {
  DATA_DIR: string;
  INTERNAL_SERVICE_TOKEN?: string | undefined;
  /** Where auth, search and booking listen (the stack's own addresses, not the gateway: these are internal calls). */
  urls: { auth: string; search: string; booking: string };
}

interface SeedResult {
  seeded: boolean;
  bookings: number;
  users: number;
  billingRecords: number;
  durationMs: number;
}

/** A service's internal route, with the services' credential; a problem's detail becomes the error. */
async function callInternal<T>(token: string, url: string, body: unknown, timeoutMs: number): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const answer = (await res.json()) as T & { detail?: string; title?: string };
  if (!res.ok) throw new Error(`${url}: ${answer.title ?? res.status} ${answer.detail ?? ''}`);
  return answer;
}

/** The demo owner's id, from the demo accounts auth wrote on its first start (none when demo accounts are off). */
async function demoOwnerId(options: DemoDataOptions, token: string): Promise<string | undefined> {
  const accounts = await readFile(join(options.DATA_DIR, 'auth', 'demo-accounts.json'), 'utf8')
    .then((text) => JSON.parse(text) as { role: string; email: string }[])
    .catch(() => []);
  const email = accounts.find((a) => a.role === 'owner')?.email;
  if (!email) return undefined;
  const { items } = await callInternal<{ items: { id: string }[] }>(
    token,
    `${options.urls.auth}/internal/users/lookup`,
    { emails: [email] },
    10_000,
  );
  return items[0]?.id;
}

/**
 * What `npm start` does once the stack is up, so that every report has data on first start: the demo owner gets
 * some of the seeded hotels and cars, then booking imports the demo booking history (the same as
 * `npm run seed -w services/booking`). Both steps are done once per database; on a restart they answer at once.
 * Returns the line to show.
 */
export async function importDemoData(options: DemoDataOptions): Promise<string> {
  const token = await loadServiceToken(options);
  const ownerId = await demoOwnerId(options, token);
  let owned = '';
  if (ownerId) {
    const given = await callInternal<{ hotels: number; cars: number; assigned: boolean }>(
      token,
      `${options.urls.search}/internal/demo-owner`,
      { ownerId },
      30_000,
    );
    if (given.assigned) owned = `; the demo owner now runs ${given.hotels} hotels and ${given.cars} cars`;
  }
  // The history is written in one transaction; on PGlite that takes a little while, behind the ready banner.
  const history = await callInternal<SeedResult>(
    token,
    `${options.urls.booking}/internal/seed-history`,
    { scale: 'demo' },
    15 * 60_000,
  );
  return history.seeded
    ? `Demo history imported: ${history.bookings} bookings of ${history.users} travelers, ` +
        `${history.billingRecords} billing records (${Math.round(history.durationMs / 1000)} s)${owned}.`
    : `Demo history: already imported (${history.bookings} bookings)${owned}.`;
}

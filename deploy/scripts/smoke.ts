// The smoke test the deploy pipeline runs against an environment after a rollout, from outside, as a browser:
//   node deploy/scripts/smoke.ts https://staging.tripwise.example [--book [--mail http://mail-catcher:1080]]
// Every service ready through the edge, the web client served, a search that finds flights, and a traveler who
// signs up and signs in; with --book (staging: the built-in card simulation) also a booking with a test card,
// cancelled again. Booking needs a confirmed address: with --mail the new traveler's confirmation link is read from
// the environment's MailDev catcher; without it, SMOKE_EMAIL and SMOKE_PASSWORD name an account confirmed once by
// hand (an environment that sends real mail). Exits non-zero on the first failure, saying which step. A local CA:
// NODE_EXTRA_CA_CERTS.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { confirmationTokenFrom } from './mail-link.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { book: { type: 'boolean', default: false }, mail: { type: 'string' } },
});
const base = positionals[0]?.replace(/\/$/, '');
if (!base) throw new Error('usage: smoke.ts <https://host> [--book]');

async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    const result = await action();
    process.stdout.write(`ok   ${name} (${Date.now() - started} ms)\n`);
    return result;
  } catch (err) {
    process.stdout.write(`FAIL ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}

async function call<T>(path: string, init: { method?: string; body?: unknown; token?: string; expect?: number } = {}) {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.method === 'POST') headers['idempotency-key'] = randomUUID();
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (res.status !== (init.expect ?? 200)) throw new Error(`${path}: ${res.status} ${text.slice(0, 200)}`);
  return (text.startsWith('{') ? JSON.parse(text) : text) as T;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

for (const service of ['auth', 'search', 'bookings', 'ai']) {
  await step(`${service} ready`, () => call(`/api/${service}/ready`));
}
await step('web client served', async () => {
  const page = await call<string>('/');
  if (!page.includes('<title>Tripwise</title>')) throw new Error('no Tripwise page at /');
});
const flights = await step('flight search', async () => {
  const found = await call<{ total: number; items: { id: string; price: { amount: number } }[] }>(
    `/api/search/flights?origin=NYC&destination=LAX&date=${day(14)}`,
  );
  if (found.total === 0) throw new Error('no flights NYC → LAX');
  return found.items;
});
// The only variables this script reads: an account confirmed by hand, for environments without a mail catcher. Read
// here, not through deploy.config.ts: the pipeline runs this script with Node alone, before any npm install.
const { SMOKE_EMAIL, SMOKE_PASSWORD } = process.env;
const given = values.book && !values.mail && SMOKE_EMAIL && SMOKE_PASSWORD;
if (values.book && !values.mail && !given) {
  throw new Error('--book needs --mail <MailDev URL>, or SMOKE_EMAIL and SMOKE_PASSWORD of a confirmed account');
}
const email = given ? SMOKE_EMAIL : `smoke-${randomUUID()}@example.test`;
const password = given ? SMOKE_PASSWORD : `smoke ${randomUUID()}`;
await step('sign up and sign in', async () => {
  await call('/api/auth/register', { method: 'POST', body: { email, password }, expect: 202 });
  await call('/api/auth/login', { method: 'POST', body: { email, password } });
});
if (values.book && values.mail) {
  await step('confirm the address from the mail', async () => {
    const confirmation = await confirmationTokenFrom(values.mail!, email);
    await call('/api/auth/email/verify', { method: 'POST', body: { token: confirmation } });
  });
}
// Signed in again: the access token says whether the address is confirmed.
const token = (await call<{ accessToken: string }>('/api/auth/login', { method: 'POST', body: { email, password } }))
  .accessToken;
if (values.book) {
  const booking = await step('book a flight with a test card', () =>
    call<{ id: string; status: string }>('/api/bookings', {
      method: 'POST',
      token,
      expect: 201,
      body: {
        items: [
          {
            kind: 'flight',
            flightId: flights[0]!.id,
            cabin: 'economy',
            passengers: [{ firstName: 'Smoke', lastName: 'Test', dateOfBirth: '1980-01-01' }],
            expectedUnitPrice: flights[0]!.price.amount,
          },
        ],
        contact: { email, phone: '+1 617 555 0100' },
        payment: {
          card: {
            number: '4242424242424242',
            expMonth: 12,
            expYear: new Date().getUTCFullYear() + 2,
            cvc: '123',
            holderName: 'Smoke Test',
          },
          billingAddress: { line1: '1 Main St', city: 'Boston', state: 'MA', postalCode: '02110' },
        },
      },
    }),
  );
  await step('cancel it', async () => {
    const cancelled = await call<{ status: string }>(`/api/bookings/${booking.id}/cancel`, { method: 'POST', token });
    if (cancelled.status !== 'cancelled') throw new Error(`status ${cancelled.status}`);
  });
}
process.stdout.write(`smoke test passed against ${base}\n`);

import { randomUUID } from 'node:crypto';
import { confirmationTokenFrom } from '../../scripts/mail-link.ts';
import type { EdgeCall } from './edge-client.ts';

export const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const spoken = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', {
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** Signs up and signs in through the edge; returns the access token. */
export async function signUpAndIn(
  call: EdgeCall,
  mailApi?: string,
): Promise<{ email: string; token: string; userId: string }> {
  const email = `deploy-${randomUUID()}@example.test`;
  const password = 'a deploy smoke test passphrase';
  const registered = await call('/api/auth/register', { method: 'POST', body: { email, password } });
  if (registered.status !== 202) throw new Error(`register: ${registered.status} ${registered.body}`);
  if (mailApi) {
    // Booking needs a confirmed address: the link from the sign-up mail confirms it.
    const token = await confirmationTokenFrom(mailApi, email);
    const verified = await call('/api/auth/email/verify', { method: 'POST', body: { token } });
    if (verified.status !== 200) throw new Error(`verify: ${verified.status} ${verified.body}`);
  }
  const login = await call('/api/auth/login', { method: 'POST', body: { email, password } });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${login.body}`);
  const { accessToken, user } = login.json<{ accessToken: string; user: { id: string } }>();
  return { email, token: accessToken, userId: user.id };
}

/** A booking of a flight found, paid by default with the simulator's always-approved test card. */
export function flightBooking(
  flight: { id: string; price: { amount: number } },
  email: string,
  cardNumber = '4242424242424242',
) {
  return {
    items: [
      {
        kind: 'flight',
        flightId: flight.id,
        cabin: 'economy',
        passengers: [{ firstName: 'Grace', lastName: 'Hopper', dateOfBirth: '1980-12-09' }],
        expectedUnitPrice: flight.price.amount,
      },
    ],
    contact: { email, phone: '+1 617 555 0100' },
    payment: {
      card: {
        number: cardNumber,
        expMonth: 12,
        expYear: new Date().getUTCFullYear() + 2,
        cvc: '123',
        holderName: 'Grace Hopper',
      },
      billingAddress: { line1: '1 Main St', city: 'Boston', state: 'MA', postalCode: '02110' },
    },
  };
}

const ORIGINS = [
  { code: 'ORD', city: 'Chicago' },
  { code: 'ATL', city: 'Atlanta' },
  { code: 'LAX', city: 'Los Angeles' },
  { code: 'JFK', city: 'New York' },
];

/**
 * A weekend in Denver that the demo inventory (generated relative to today) can satisfy: flights both ways for two,
 * a hotel and a car. Searching first also warms search for the agent, whose calls to it have a short timeout.
 */
export async function aTripTheInventoryHas(call: EdgeCall): Promise<string> {
  const [depart, back] = [isoDay(10), isoDay(12)];
  const found = async (path: string, query: Record<string, string>) => {
    const res = await call(`${path}?${new URLSearchParams(query).toString()}`);
    return res.status === 200 && (res.json<{ total?: number }>().total ?? 0) > 0;
  };
  if (!(await found('/api/search/hotels', { city: 'DEN', checkIn: depart, checkOut: back, guests: '2' }))) {
    throw new Error(`no demo hotel in DEN on ${depart}`);
  }
  await found('/api/search/cars', { location: 'DEN', pickupDate: depart, dropoffDate: back });
  for (const origin of ORIGINS) {
    const query = { origin: origin.code, destination: 'DEN', date: depart, returnDate: back, passengers: '2' };
    if (await found('/api/search/flights', query)) {
      return `${origin.city} to Denver on ${spoken(depart)}, back ${spoken(back)}, 2 people, a hotel and a rental car`;
    }
  }
  throw new Error(`no demo flights to DEN on ${depart}`);
}

import { io, type Socket } from 'socket.io-client';
import { linkIn, waitForMail } from '../../e2e/browser/mail.ts';
import { flightBooking } from '../../deploy/test/support/traveler.ts';

/** What a round of traffic saw: each step's X-Request-Id and X-Trace-Id, and the trace id of the first plan's end. */
export interface Seen {
  requestIds?: Record<string, string>;
  traceIds?: Record<string, string>;
  planTraceId?: string | undefined;
  /** The trace ids of the requests answered 202 (the chat messages that started plans). */
  acceptedTraceIds?: string[];
}

/** An origin the gateway and the agent allow by default (the embedded stack's), whatever port the test uses. */
const SOCKET_ORIGIN = 'http://localhost:8080';

/** A traveler's live connection to the agent through the gateway, as the web client opens it. */
async function openAgentSocket(gatewayUrl: string, token: string): Promise<Socket> {
  const socket = io(`${gatewayUrl}/agent`, {
    path: '/socket.io/',
    transports: ['websocket'],
    auth: { token },
    query: { access_token: token },
    extraHeaders: { origin: SOCKET_ORIGIN },
    reconnection: false,
  });
  await new Promise((resolve, reject) => {
    socket.once('session:ready', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

/**
 * Drives the requests that the SLOs and dashboards read, through the gateway as a traveler would: sign-up, sign-in,
 * each kind of search and details page, a booking (confirmed, then cancelled), a declined card, AI chat messages
 * until the gateway's per-user limit refuses one (RATE_LIMIT_AI_MESSAGES_PER_MINUTE should be low), a request no
 * route matches and one the gateway refuses. Each step's status is returned, so a caller can tell a quiet stack from
 * a broken one. A socket follows the first plan to its result, then resumes it (as after a reconnect).
 */
export async function driveTraffic(
  gatewayUrl: string,
  mailDir: string,
  seen: Seen = {},
): Promise<Record<string, number>> {
  const statuses: Record<string, number> = {};
  const call = async (name: string, path: string, init: RequestInit = {}) => {
    const res = await fetch(`${gatewayUrl}${path}`, init);
    statuses[name] = res.status;
    seen.requestIds ??= {};
    seen.requestIds[name] ??= res.headers.get('x-request-id') ?? '';
    seen.traceIds ??= {};
    seen.traceIds[name] ??= res.headers.get('x-trace-id') ?? '';
    if (res.status === 202) (seen.acceptedTraceIds ??= []).push(res.headers.get('x-trace-id') ?? '');
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  const json = { 'content-type': 'application/json' };
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const email = `monitoring-${Date.now()}-${Math.round(Math.random() * 1e6)}@example.com`;
  const password = 'correct horse battery staple';

  await call('register', '/api/auth/register', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password }),
  });
  // Booking needs a confirmed address: the link in the mail confirms it.
  const mail = await waitForMail(mailDir, email, /confirm|verify/i);
  await call('verify-email', '/api/auth/email/verify', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ token: new URL(linkIn(mail, '/verify-email')).hash.replace(/^#token=/, '') }),
  });
  const login = (await call('login', '/api/auth/login', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password }),
  })) as { accessToken: string };
  const headers = { ...json, authorization: `Bearer ${login.accessToken}` };
  await call('me', '/api/auth/me', { headers });

  const flights = (await call('flights', `/api/search/flights?origin=NYC&destination=LAX&date=${day(14)}`)) as {
    items: { id: string; price: { amount: number } }[];
  };
  await call('hotels', `/api/search/hotels?city=NYC&checkIn=${day(14)}&checkOut=${day(17)}`);
  await call('cars', `/api/search/cars?location=LAX&pickupDate=${day(14)}&dropoffDate=${day(17)}`);
  await call('places', '/api/search/places?q=par');
  const flight = flights.items[0]!;
  await call('flight-details', `/api/search/flights/${flight.id}`);

  const book = (name: string, card: string) =>
    call(name, '/api/bookings', {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify(flightBooking(flight, email, card)),
    });
  const booked = (await book('booking', '4242424242424242')) as { id: string };
  await book('booking-declined', '4000000000000002');
  await call('bookings', '/api/bookings?when=upcoming', { headers });
  await call('cancel', `/api/bookings/${booked.id}/cancel`, { method: 'POST', headers });

  const socket = await openAgentSocket(gatewayUrl, login.accessToken);
  const planned = new Promise<void>((resolve) => {
    const ended = (payload: { traceId?: string }) => {
      seen.planTraceId ??= payload.traceId;
      resolve();
    };
    socket.once('plan:result', ended);
    socket.once('plan:error', ended);
  });
  let firstJob: string | undefined;
  for (let attempt = 0; attempt < 10 && statuses['ai-chat'] !== 429; attempt++) {
    const chat = (await call('ai-chat', '/api/ai/chat', {
      method: 'POST',
      headers,
      body: JSON.stringify({ message: `A weekend in Paris from New York on ${day(21)} for two` }),
    })) as { jobId?: string } | undefined;
    firstJob ??= chat?.jobId;
  }
  // Within a minute of the last round every message is refused: then there is no plan to follow.
  if (firstJob) {
    await Promise.race([planned, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    const resumed = (await socket.timeout(5_000).emitWithAck('job:resume', { jobId: firstJob, afterSeq: 0 })) as {
      ok: boolean;
    };
    statuses['socket-resume'] = resumed.ok ? 200 : 404;
  }
  socket.close();
  await call('unmatched', '/api/search/no-such-route');
  await call('refused', '/api/bookings', { headers: json });
  return statuses;
}

/** What an orchestrator does all the time (a compose healthcheck, a Kubernetes readiness probe): ask each /ready. */
export async function probeReadiness(processUrls: string[]): Promise<number[]> {
  return Promise.all(processUrls.map((url) => fetch(`${url}/ready`).then((res) => res.status)));
}

import { observeUpstream } from '@tripwise/platform/metrics';
import { propagationHeaders } from '@tripwise/platform/tracing';

/** The booking service's public API, called on the traveler's behalf with their own token. */
export function bookingApi(options: { url: string; timeoutMs?: number }) {
  return {
    /** Forwards a booking with the traveler's token and key; answers the booking service's status and body as they are. */
    book(token: string, idempotencyKey: string, body: unknown): Promise<{ status: number; body: unknown }> {
      return observeUpstream({ target: 'booking', operation: 'book' }, () => post(token, idempotencyKey, body));
    },
  };
  async function post(token: string, idempotencyKey: string, body: unknown) {
    const res = await fetch(`${options.url}/api/bookings`, {
      method: 'POST',
      headers: {
        ...propagationHeaders(),
        authorization: `Bearer ${token}`,
        'idempotency-key': idempotencyKey,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    return { status: res.status, body: await res.json() };
  }
}

export type BookingApi = ReturnType<typeof bookingApi>;

import { observeUpstream } from '@tripwise/platform/metrics';
import { propagationHeaders } from '@tripwise/platform/tracing';

/** The booking service's public API, called on the traveler's behalf with their own token. */
export function bookingApi(options: { url: string; timeoutMs?: number }) {
  return {
    /**
     * Forwards a booking with the traveler's token and key, and the traveler's address (booking trusts one hop, this
     * one, so its per-address payment limits count the traveler, not this service); answers the booking service's
     * status, body and Retry-After as they are.
     */
    book(
      token: string,
      idempotencyKey: string,
      body: unknown,
      clientAddress?: string,
    ): Promise<{ status: number; body: unknown; retryAfter?: string | undefined }> {
      return observeUpstream({ target: 'booking', operation: 'book' }, () =>
        post(token, idempotencyKey, body, clientAddress),
      );
    },
  };
  async function post(token: string, idempotencyKey: string, body: unknown, clientAddress?: string) {
    const res = await fetch(`${options.url}/api/bookings`, {
      method: 'POST',
      headers: {
        ...propagationHeaders(),
        authorization: `Bearer ${token}`,
        'idempotency-key': idempotencyKey,
        'content-type': 'application/json',
        ...(clientAddress ? { 'x-forwarded-for': clientAddress } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    return { status: res.status, body: await res.json(), retryAfter: res.headers.get('retry-after') ?? undefined };
  }
}

export type BookingApi = ReturnType<typeof bookingApi>;

import { setTimeout as sleep } from 'node:timers/promises';
import { serviceUnavailable } from '@tripwise/platform/errors';
import { observeUpstream } from '@tripwise/platform/metrics';
import { propagationHeaders } from '@tripwise/platform/tracing';

export interface StayCheck {
  /** Whether the traveler has a finished, confirmed booking of the listing. */
  eligible: boolean;
  bookingId: string | null;
  travelerName: string | null;
}

/** Asks the booking service whether a traveler has been to a listing (a past, confirmed booking of it). */
export type PastBookingCheck = (
  userId: string,
  kind: 'hotel' | 'car' | 'flight',
  listingId: string,
) => Promise<StayCheck>;

const RETRY_DELAYS_MS = [100, 400];

export function bookingClient(options: {
  url: () => string;
  serviceToken: string;
  timeoutMs?: number;
}): PastBookingCheck {
  const call = { target: 'booking', operation: 'past_bookings' };
  return (userId, kind, listingId) => observeUpstream(call, () => ask(userId, kind, listingId));
  async function ask(userId: string, kind: string, listingId: string): Promise<StayCheck> {
    const query = new URLSearchParams({ userId, kind, listingId });
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await fetch(`${options.url()}/internal/past-bookings?${query.toString()}`, {
          headers: { ...propagationHeaders(), authorization: `Bearer ${options.serviceToken}` },
          signal: AbortSignal.timeout(options.timeoutMs ?? 3_000),
        });
        if (res.ok) return (await res.json()) as StayCheck;
      } catch {
        // no answer: try again below
      }
      if (attempt >= RETRY_DELAYS_MS.length) {
        throw serviceUnavailable('Bookings could not be checked just now. Try again shortly.', 10);
      }
      await sleep(RETRY_DELAYS_MS[attempt]);
    }
  }
}

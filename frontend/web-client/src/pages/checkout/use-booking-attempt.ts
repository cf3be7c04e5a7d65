import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/http.ts';
import { trackBooked } from '../../insights/start-insights.ts';
import { listingsInCheckout } from '../../insights/tracker.ts';

export interface BookingAnswer {
  id: string;
  status: 'pending' | 'confirmed' | 'cancelled' | 'failed';
  price?: { total: { amount: number; currency: string } };
  billing?: { billingNumber: string }[];
  items: { title: string; subtitle: string }[];
}

/**
 * Sends one booking attempt with an Idempotency-Key made once for it: a double click, or a retry after a network
 * failure or a 5xx (which never settles a key), reuses the key, so the server books once. A definitive answer
 * (declined, sold out, price changed, invalid) ends the attempt: the next try is a different request and gets a new
 * key.
 */
export function useBookingAttempt(path: string) {
  const key = useRef<string>(crypto.randomUUID());
  const inFlight = useRef(false);
  const mutation = useMutation({
    mutationFn: (body: unknown) =>
      api<BookingAnswer>(path, { method: 'POST', body, headers: { 'Idempotency-Key': key.current } }),
    onError: (error) => {
      const definite = error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429;
      // "Still being processed" is not an answer: the same key, sent again, gets the attempt's own.
      if (definite && !error.type.endsWith('/idempotency-key-in-use')) {
        key.current = crypto.randomUUID();
      }
    },
    // The funnel's last step (analytics; nothing is sent with Do Not Track or GPC).
    onSuccess: (answer) => {
      if (answer.status !== 'failed') trackBooked(listingsInCheckout(location.search));
    },
    retry: false,
  });
  return {
    ...mutation,
    /** Ignored while an attempt is in flight: the button is disabled too, this guards the gap before it re-renders. */
    book: (body: unknown) => {
      if (inFlight.current) return;
      inFlight.current = true;
      mutation.mutate(body, { onSettled: () => void (inFlight.current = false) });
    },
  };
}

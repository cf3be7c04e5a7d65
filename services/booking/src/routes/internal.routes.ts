import { z } from 'zod';
import type { Db } from '@tripwise/platform/db';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import { findEndedBooking } from '../data/bookings.repository.ts';

const pastBookingQuery = z.object({
  userId: z.uuid(),
  kind: z.enum(['hotel', 'car', 'flight']),
  listingId: z.string().regex(/^\d{1,18}$/),
});

/** A traveler's name as a review shows it: first name and initial ("Ada L."). */
function shortName(travelers: Record<string, unknown>[]): string | null {
  const first = travelers[0];
  if (!first || typeof first.firstName !== 'string') return null;
  const last = typeof first.lastName === 'string' ? ` ${first.lastName.slice(0, 1)}.` : '';
  return `${first.firstName}${last}`;
}

/** For other Tripwise services only (the services' credential; never forwarded by the gateway). */
export function internalRoutes(db: Db): DocumentedRouter {
  const docs = documentedRouter('bookings (internal)');
  docs.route(
    {
      method: 'get',
      path: '/past-bookings',
      access: 'internal',
      summary: 'Whether a traveler has a confirmed booking of a listing that has ended (search asks before a review)',
      query: pastBookingQuery,
      responses: { 200: '{ eligible, bookingId, travelerName }', 400: 'Invalid query', 401: 'No service credential' },
    },
    async ({ query }, _req, res) => {
      const found = await findEndedBooking(db, { ...query, today: new Date().toISOString().slice(0, 10) });
      res.json({
        eligible: Boolean(found),
        bookingId: found?.id ?? null,
        travelerName: found ? shortName(found.travelers) : null,
      });
    },
  );
  return docs;
}

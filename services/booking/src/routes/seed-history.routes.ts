import { z } from 'zod';
import type { Db } from '@tripwise/platform/db';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import type { Logger } from '@tripwise/platform/logger';
import { BOOKING_SCALES } from '../domain/seed/booking-scale.ts';
import { seedBookings } from '../domain/seed/seed-bookings.ts';
import type { SeedSearch } from '../domain/seed/seed-search.ts';

const seedHistoryBody = z.strictObject({
  scale: z.enum(Object.keys(BOOKING_SCALES) as [keyof typeof BOOKING_SCALES]).default('demo'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
});

/**
 * Booking history (two years of bookings, payments, bills and sales) imported by the booking service itself, into
 * its own database, from search's inventory over HTTP: `npm run seed -w services/booking` calls it. History cannot
 * go through the public API (which refuses the past), so it has this internal path, behind the services' credential.
 */
export function seedHistoryRoutes(db: Db, search: SeedSearch, logger: Logger): DocumentedRouter {
  const docs = documentedRouter('booking history (internal)');
  docs.route(
    {
      method: 'post',
      path: '/seed-history',
      access: 'internal',
      summary: 'Seed two years of booking history once per scale (idempotent: a seeded scale is left as it is)',
      body: seedHistoryBody,
      responses: { 200: 'What was seeded (or had been)', 400: 'Invalid scale or seed', 401: 'No service credential' },
    },
    async ({ body }, _req, res) => {
      res.json(
        await seedBookings(db, search, {
          scale: body.scale,
          ...(body.seed === undefined ? {} : { seed: body.seed }),
          logger,
        }),
      );
    },
  );
  return docs;
}

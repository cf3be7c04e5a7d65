import { z } from 'zod';
import type { Db } from '@tripwise/platform/db';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import type { PastBookingCheck } from '../clients/booking.client.ts';
import type { ReviewKind } from '../data/reviews.repository.ts';
import { postReview, reviewsOf } from '../domain/reviews/reviews.use-case.ts';

const KINDS = { hotels: 'hotel', cars: 'car', flights: 'flight' } as const satisfies Record<string, ReviewKind>;
const params = z.object({
  kind: z.enum(['hotels', 'cars', 'flights']),
  id: z.string().regex(/^\d{1,18}$/, { error: 'a listing id' }),
});
const reviewSchema = z.strictObject({
  rating: z.number().int().min(1).max(10),
  title: z.string().trim().min(1).max(120).optional(),
  text: z.string().trim().min(10, { error: 'at least 10 characters' }).max(4_000),
});
const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
  cursor: z.string().max(200).optional(),
});

/** Reviews: anyone reads them; a traveler whose booking of the listing has ended writes one. */
export function reviewRoutes(
  db: Db,
  pastBooking: PastBookingCheck,
  changed: (kind: ReviewKind, id: string) => Promise<void>,
): DocumentedRouter {
  const docs = documentedRouter('reviews');
  const { route } = docs;

  route(
    {
      method: 'get',
      path: '/:kind/:id/reviews',
      access: 'public',
      summary: "A listing's rating and reviews, newest first",
      params,
      query: pageQuery,
      responses: { 200: 'The rating and a page of reviews', 400: 'Invalid id or page', 404: 'No such listing' },
    },
    async ({ params: p, query }, _req, res) => {
      res.json(await reviewsOf(db, { kind: KINDS[p.kind], id: p.id }, query));
    },
  );
  route(
    {
      method: 'post',
      path: '/:kind/:id/reviews',
      access: 'user',
      summary: 'Review a listing you have been to (one review each)',
      params,
      body: reviewSchema,
      responses: {
        201: "Added; the listing's new rating",
        400: 'Invalid field',
        401: 'Not signed in',
        403: 'No ended booking of this listing',
        404: 'No such listing',
        409: 'Already reviewed',
      },
    },
    async ({ params: p, body, identity }, req, res) => {
      const target = { kind: KINDS[p.kind], id: p.id };
      res
        .status(201)
        .json(await postReview(db, pastBooking, identity, target, body, () => changed(target.kind, target.id)));
    },
  );
  return docs;
}

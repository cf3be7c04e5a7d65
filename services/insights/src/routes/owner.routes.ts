import { z } from 'zod';
import { INSIGHT_LISTING_KINDS } from '@tripwise/contracts';
import type { Db } from '@tripwise/platform/db';
import { actsAsAdmin, documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import type { ListingsClient } from '../clients/search.client.ts';
import { listingInsights, listingNotFound } from '../domain/reports.use-case.ts';
import { rangeQuery } from './query.ts';

const listingParams = z.object({
  kind: z.enum(INSIGHT_LISTING_KINDS),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'a listing id' }),
});

/** Owners' reports: about their own listings only (search says whose a listing is); admins: any listing. */
export function ownerRoutes(db: Db, listings: ListingsClient): DocumentedRouter {
  const docs = documentedRouter('insights');
  docs.route(
    {
      method: 'get',
      path: '/listings/:kind/:id',
      access: 'owner',
      summary:
        'One of my listings: views, clicks, impressions and bookings per day, click-through from results, conversion, least-seen sections',
      params: listingParams,
      query: rangeQuery,
      responses: {
        200: 'The report',
        400: 'Invalid range',
        401: 'Not signed in',
        403: 'Not an owner',
        404: 'Not my listing',
      },
    },
    async ({ params, query, identity }, req, res) => {
      // A listing that is not the caller's is answered as one that does not exist: no hint that it has traffic.
      if (!actsAsAdmin(identity) && !(await listings.mayManage(params, req.headers.authorization ?? ''))) {
        throw listingNotFound();
      }
      res.json(await listingInsights(db, params, { from: query.from, to: query.to }));
    },
  );
  return docs;
}

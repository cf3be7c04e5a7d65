import { z } from 'zod';
import type { Db } from '@tripwise/platform/db';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import { latestPriceEvent, priceEventsAfter } from '../data/price-market.repository.ts';

/** The price market's events for other services (the AI agent): under /internal, behind the service credential. */
export function internalMarketRoutes(db: Db): DocumentedRouter {
  const docs = documentedRouter('price events (internal)');
  docs.route(
    {
      method: 'get',
      path: '/price-events',
      access: 'internal',
      summary:
        'Price changes after an event id, oldest first (kept a week), as published on search.price-changed; `latest=true`: only the newest',
      query: z.object({
        after: z.coerce.number().int().min(0).default(0),
        limit: z.coerce.number().int().min(1).max(1_000).default(500),
        latest: z.enum(['true', 'false']).default('false'),
      }),
      responses: { 200: '{ items }', 400: 'Invalid query', 401: 'No service credential' },
    },
    async ({ query }, _req, res) => {
      res.json({
        items:
          query.latest === 'true' ? await latestPriceEvent(db) : await priceEventsAfter(db, query.after, query.limit),
      });
    },
  );
  return docs;
}

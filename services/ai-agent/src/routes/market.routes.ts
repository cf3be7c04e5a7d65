import { z } from 'zod';
import type { Db } from '@tripwise/platform/db';
import { notFound } from '@tripwise/platform/errors';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import { listDeals, subscribeToDeals, subscriptionOf, unsubscribeFromDeals } from '../data/deals.repository.ts';
import { alertsOf, changeWatch, removeWatch, watchesOf } from '../data/watches.repository.ts';
import { dealView } from '../domain/market/deals.use-case.ts';
import { createWatch, watchInputSchema, watchView } from '../domain/market/watches.use-case.ts';

const REFUSED = { 401: 'Not signed in, or the token is expired or forged' };
const dealsQuery = z.object({
  kind: z.enum(['flight', 'room', 'car']).optional(),
  city: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'a city or airport code' })
    .optional(),
  tag: z.enum(['refundable', 'pet-friendly', 'breakfast', 'near-transit']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
const subscriptionSchema = z.strictObject({
  cities: z
    .array(z.string().regex(/^[A-Z]{3}$/))
    .max(20)
    .default([]),
  kinds: z
    .array(z.enum(['flight', 'room', 'car']))
    .max(3)
    .default([]),
  minScore: z.number().int().min(1).max(5).default(3),
});

const watchChangeSchema = z
  .strictObject({
    priceBelow: z.strictObject({ amount: z.number().int().positive(), currency: z.literal('USD') }).nullable(),
    inventoryBelow: z.number().int().min(1).max(100).nullable().default(null),
  })
  .refine((w) => w.priceBelow !== null || w.inventoryBelow !== null, {
    path: ['priceBelow'],
    message: 'give priceBelow, inventoryBelow or both',
  });

/** Deals (anyone may look; signed-in travelers subscribe to new strong ones) and price watches (their own). */
export function marketRoutes(db: Db): DocumentedRouter {
  const docs = documentedRouter('deals and watches');
  const { route } = docs;
  route(
    {
      method: 'get',
      path: '/deals',
      access: 'public',
      summary: 'Current deals (prices ≤ 85% of their 30-day average, scarce inventory, promotions), best first',
      query: dealsQuery,
      responses: { 200: '{ items }', 400: 'Invalid filter' },
    },
    async ({ query }, _req, res) => {
      res.json({ items: (await listDeals(db, query)).map(dealView) });
    },
  );
  route(
    {
      method: 'put',
      path: '/deals/subscription',
      access: 'user',
      summary: 'Hear of new strong deals live (deal:new), for some cities and kinds or all',
      body: subscriptionSchema,
      responses: { 200: 'Subscribed', 400: 'Invalid field', ...REFUSED },
    },
    async ({ body, identity }, req, res) => {
      await subscribeToDeals(db, identity.userId, body);
      res.json({ subscribed: true, ...body });
    },
  );
  route(
    {
      method: 'get',
      path: '/deals/subscription',
      access: 'user',
      summary: 'Which new deals I hear of',
      // Not being subscribed is a state the page shows, not a missing thing: 200 either way (no 404 in the console).
      responses: { 200: 'Subscribed, with the filter; or {subscribed: false}', ...REFUSED },
    },
    async ({ identity }, req, res) => {
      const found = await subscriptionOf(db, identity.userId);
      if (!found) {
        res.json({ subscribed: false });
        return;
      }
      res.json({ subscribed: true, cities: found.cities, kinds: found.kinds, minScore: found.min_score });
    },
  );
  route(
    {
      method: 'delete',
      path: '/deals/subscription',
      access: 'user',
      summary: 'Stop hearing of new deals',
      responses: { 204: 'Stopped', 404: 'Not subscribed', ...REFUSED },
    },
    async ({ identity }, req, res) => {
      if (!(await unsubscribeFromDeals(db, identity.userId))) throw notFound('The subscription');
      res.status(204).end();
    },
  );
  route(
    {
      method: 'get',
      path: '/watches',
      access: 'user',
      summary: 'My price and inventory watches',
      responses: { 200: '{ items }', ...REFUSED },
    },
    async ({ identity }, req, res) => {
      res.json({ items: (await watchesOf(db, identity.userId)).map(watchView) });
    },
  );
  route(
    {
      method: 'post',
      path: '/watches',
      access: 'user',
      summary:
        'Watch a listing, a route on a day or one of my bundles: alert (watch:alert) once each time it crosses below',
      body: watchInputSchema,
      responses: {
        201: 'Watching',
        400: 'Invalid field',
        404: 'No such bundle',
        409: 'At the cap of 25 watches (remove one to watch another)',
        ...REFUSED,
      },
    },
    async ({ body, identity }, req, res) => {
      res.status(201).json(await createWatch(db, identity, body));
    },
  );
  route(
    {
      method: 'delete',
      path: '/watches/:id',
      access: 'user',
      summary: 'Stop a watch',
      params: z.object({ id: z.uuid() }),
      responses: { 204: 'Stopped', 404: 'No such watch', ...REFUSED },
    },
    async ({ params, identity }, req, res) => {
      if (!(await removeWatch(db, params.id, identity.userId))) throw notFound('The watch');
      res.status(204).end();
    },
  );
  route(
    {
      method: 'patch',
      path: '/watches/:id',
      access: 'user',
      summary: 'Change when a watch alerts (it is armed again)',
      params: z.object({ id: z.uuid() }),
      body: watchChangeSchema,
      responses: { 200: 'The watch', 400: 'Invalid field', 404: 'No such watch', ...REFUSED },
    },
    async ({ params, body, identity }, req, res) => {
      const changed = await changeWatch(db, params.id, identity.userId, {
        priceBelow: body.priceBelow?.amount ?? null,
        inventoryBelow: body.inventoryBelow,
      });
      if (!changed) throw notFound('The watch');
      res.json(watchView(changed));
    },
  );
  route(
    {
      method: 'get',
      path: '/alerts',
      access: 'user',
      summary: 'My latest watch alerts',
      responses: { 200: '{ items }', ...REFUSED },
    },
    async ({ identity }, req, res) => {
      const rows = await alertsOf(db, identity.userId, 50);
      res.json({
        items: rows.map((r) => ({
          id: r.id,
          watchId: r.watch_id,
          ...r.payload,
          createdAt: r.created_at.toISOString(),
          delivered: r.delivered_at !== null,
        })),
      });
    },
  );
  return docs;
}

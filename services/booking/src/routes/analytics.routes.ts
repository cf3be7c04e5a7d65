import { z } from 'zod';
import type { Db } from '@tripwise/platform/db';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import {
  cancellationsOf,
  previousMonth,
  revenueByCityOf,
  salesOf,
  topPropertiesOf,
  topProvidersOf,
} from '../domain/analytics.use-case.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'a month as YYYY-MM' });
/** A year (default: this one) or, instead, one month; and how many to list. */
const periodQuery = (defaultLimit: number | undefined) =>
  z
    .object({
      year: z.coerce.number().int().min(2000).max(2100).optional(),
      month: month.optional(),
      limit: z.coerce.number().int().min(1).max(50).optional(),
    })
    .refine((q) => q.year === undefined || q.month === undefined, {
      path: ['month'],
      message: 'give a year or a month',
    })
    .transform(({ year, month: m, limit }) => ({
      period: m ? { month: m } : { year: year ?? new Date().getUTCFullYear() },
      limit: limit ?? defaultLimit,
    }));
const day = z.iso.date({ error: 'a date as YYYY-MM-DD' });
const salesQuery = z
  .object({
    from: day,
    to: day,
    interval: z.enum(['day', 'week', 'month']).default('day'),
    kind: z.enum(['hotel', 'car', 'flight']).optional(),
  })
  .refine((q) => q.from < q.to, { path: ['to'], message: 'must be after `from`' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 3 * 366 * 86_400_000, {
    path: ['to'],
    message: 'the range spans at most three years',
  });
const REFUSED = { 401: 'Not signed in', 403: 'Not an owner or admin (admins: signed in with their second factor)' };

/** Dashboards: owners see their own listings' sales, admins the whole marketplace's. */
export function analyticsRoutes(db: Db): DocumentedRouter {
  const docs = documentedRouter('analytics');
  const { route } = docs;
  route(
    {
      method: 'get',
      path: '/top-properties',
      access: 'owner',
      summary: 'The hotels with the most revenue in a year or a month (10 unless `limit` says)',
      query: periodQuery(10),
      responses: { 200: 'Hotels, highest revenue first', 400: 'Invalid year or month', ...REFUSED },
    },
    async ({ query, identity }, req, res) => {
      res.json(await topPropertiesOf(db, identity, query.period, query.limit));
    },
  );
  route(
    {
      method: 'get',
      path: '/revenue-by-city',
      access: 'owner',
      summary: 'Revenue per city in a year or a month (every city unless `limit` says)',
      query: periodQuery(undefined),
      responses: { 200: 'Cities, highest revenue first', 400: 'Invalid year or month', ...REFUSED },
    },
    async ({ query, identity }, req, res) => {
      res.json(await revenueByCityOf(db, identity, query.period, query.limit));
    },
  );
  route(
    {
      method: 'get',
      path: '/top-providers',
      access: 'owner',
      summary:
        'The 10 providers (owners and hotels, airlines, car companies) that sold most in a month (default: last month)',
      query: z.object({ month: month.optional() }),
      responses: { 200: 'Providers, most units sold first', 400: 'Invalid month', ...REFUSED },
    },
    async ({ query, identity }, req, res) => {
      res.json(await topProvidersOf(db, identity, query.month ?? previousMonth(new Date())));
    },
  );
  route(
    {
      method: 'get',
      path: '/sales',
      access: 'owner',
      summary: 'Bookings and revenue per day, week or month between two dates (`to` exclusive)',
      query: salesQuery,
      responses: { 200: 'One point per period with sales', 400: 'Invalid range', ...REFUSED },
    },
    async ({ query, identity }, req, res) => {
      res.json(await salesOf(db, identity, { from: query.from, to: query.to, kind: query.kind }, query.interval));
    },
  );
  route(
    {
      method: 'get',
      path: '/cancellations',
      access: 'owner',
      summary: 'Bookings made and cancelled per day, week or month (by booking day), with the rate and refunds',
      query: salesQuery,
      responses: { 200: 'One point per period with bookings', 400: 'Invalid range', ...REFUSED },
    },
    async ({ query, identity }, req, res) => {
      res.json(await cancellationsOf(db, identity, { from: query.from, to: query.to }, query.interval));
    },
  );
  return docs;
}

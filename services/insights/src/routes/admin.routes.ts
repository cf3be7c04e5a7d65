import { z } from 'zod';
import { DEVICE_TYPES } from '@tripwise/contracts';
import type { Db } from '@tripwise/platform/db';
import { badRequest } from '@tripwise/platform/errors';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import type { PeopleClient } from '../clients/auth.client.ts';
import {
  elementsReport,
  funnelReport,
  listingsReport,
  pagesReport,
  sectionsReport,
  timelineFor,
  traceOf,
  type DayRange,
  type PageQuery,
} from '../domain/reports.use-case.ts';
import { dayRange, pagedRangeQuery, rangeQuery, rangeRules, withDefaults } from './query.ts';

const REFUSED = { 401: 'Not signed in', 403: 'Not an admin signed in with their second factor' };
const traceQuery = rangeRules(
  dayRange
    .extend({
      userId: z.uuid().optional(),
      email: z.email().max(254).optional(),
      city: z.string().trim().min(1).max(80).optional(),
      state: z
        .string()
        .regex(/^[A-Z]{2}$/, { error: 'a two-letter state code' })
        .optional(),
      signupMonth: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'a month as YYYY-MM' })
        .optional(),
      device: z.enum(DEVICE_TYPES).optional(),
    })
    .transform(withDefaults),
).refine((q) => !(q.userId && q.email), { path: ['email'], message: 'give a user id or an email, not both' });

/** Marketplace-wide analytics and traces: admins signed in with their second factor only. */
export function adminRoutes(db: Db, people: PeopleClient): DocumentedRouter {
  const docs = documentedRouter('insights-admin');
  const { route } = docs;
  const paged = (
    path: string,
    summary: string,
    report: (db: Db, range: DayRange, page: PageQuery) => Promise<{ items: unknown[]; nextCursor: string | null }>,
  ) =>
    route(
      {
        method: 'get',
        path,
        access: 'admin',
        summary,
        query: pagedRangeQuery,
        responses: { 200: '{ items, nextCursor }', 400: 'Invalid range or cursor', ...REFUSED },
      },
      async ({ query }, _req, res) => {
        res.json(await report(db, { from: query.from, to: query.to }, query));
      },
    );
  paged('/admin/pages', 'Views, clicks and unique sessions per page (route), most clicked first', pagesReport);
  paged('/admin/listings', 'Listing clicks across the marketplace, with impressions and bookings', listingsReport);
  paged('/admin/sections', 'Sections site-wide, least seen first', sectionsReport);
  paged('/admin/elements', 'Clicks per tracked element', elementsReport);
  route(
    {
      method: 'get',
      path: '/admin/funnel',
      access: 'admin',
      summary: 'Sessions at each step: results → details → checkout → booked, with the drop-off',
      query: rangeQuery,
      responses: { 200: '{ steps }', 400: 'Invalid range', ...REFUSED },
    },
    async ({ query }, _req, res) => {
      res.json(await funnelReport(db, query));
    },
  );
  route(
    {
      method: 'get',
      path: '/admin/traces',
      access: 'admin',
      summary:
        'The paths of one user (userId or email) or a cohort (city/state, sign-up month, device) as a flow with drop-off',
      query: traceQuery,
      responses: { 200: 'Nodes and links per step', 400: 'Invalid subject or range', ...REFUSED },
    },
    async ({ query }, _req, res) => {
      let userKey = query.userId;
      if (query.email) {
        userKey = await people.idOfEmail(query.email);
        if (!userKey) {
          throw badRequest('email (query): no account has this address', [
            { in: 'query', field: 'email', message: 'no account has this address' },
          ]);
        }
      }
      res.json(await traceOf(db, { ...query, userKey }, query));
    },
  );
  route(
    {
      method: 'get',
      path: '/admin/users/:id/timeline',
      access: 'admin',
      summary: "One user's events in order (page views, clicks, sections), a page at a time",
      params: z.object({ id: z.uuid() }),
      query: pagedRangeQuery,
      responses: { 200: '{ items, nextCursor }', 400: 'Invalid id, range or cursor', ...REFUSED },
    },
    async ({ params, query }, _req, res) => {
      res.json(await timelineFor(db, params.id, query, query));
    },
  );
  return docs;
}

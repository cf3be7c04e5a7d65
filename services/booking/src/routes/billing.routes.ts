import { z } from 'zod';
import type { Db } from '@tripwise/platform/db';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import { billingRecord, searchBilling } from '../domain/billing.use-case.ts';
import { monthRange } from '../domain/analytics.use-case.ts';

const day = z.iso.date({ error: 'a date as YYYY-MM-DD' });
const searchQuery = z
  .object({
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'a month as YYYY-MM' })
      .optional(),
    from: day.optional(),
    to: day.optional(),
    kind: z.enum(['payment', 'refund']).optional(),
    userId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .refine((q) => q.month !== undefined || (q.from !== undefined && q.to !== undefined), {
    path: ['month'],
    message: 'give a month (YYYY-MM), or from and to (YYYY-MM-DD)',
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { path: ['to'], message: 'must be after `from`' })
  .transform(({ month, from, to, ...rest }) => ({
    ...rest,
    ...(month ? monthRange(month) : { from: from!, to: to! }),
  }));
const REFUSED = { 401: 'Not signed in', 403: 'Not an admin signed in with their second factor' };

/** The books, for admins only: every payment and refund. */
export function billingRoutes(db: Db): DocumentedRouter {
  const docs = documentedRouter('billing');
  const { route } = docs;
  route(
    {
      method: 'get',
      path: '/',
      access: 'admin',
      summary: 'Billing records of a month, or between two dates (`to` exclusive), oldest first',
      query: searchQuery,
      responses: { 200: 'A page of billing records', 400: 'Invalid range', ...REFUSED },
    },
    async ({ query }, _req, res) => {
      res.json(await searchBilling(db, query));
    },
  );
  route(
    {
      method: 'get',
      path: '/:billingNumber',
      access: 'admin',
      summary: 'One billing record with its invoice',
      params: z.object({
        billingNumber: z.string().regex(/^TW-\d{6}-\d{8,}$/, { error: 'a billing number such as TW-202611-00000042' }),
      }),
      responses: { 200: 'The record', 404: 'No such record', ...REFUSED },
    },
    async ({ params }, _req, res) => {
      res.json(await billingRecord(db, params.billingNumber));
    },
  );
  return docs;
}

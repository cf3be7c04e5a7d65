import { z } from 'zod';
import type { Db } from '@tripwise/platform/db';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import { billingRecord, searchBilling } from '../domain/billing.use-case.ts';
import { monthRange } from '../domain/analytics.use-case.ts';

const day = z.iso.date({ error: 'a date as YYYY-MM-DD' });
const minor = z.coerce.number({ error: 'an amount in minor units (cents)' }).int().nonnegative();
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
    bookingId: z.uuid({ error: 'a booking id' }).optional(),
    email: z.email({ error: 'an email address' }).optional(),
    status: z.enum(['paid', 'refunded', 'partially_refunded']).optional(),
    minAmount: minor.optional(),
    maxAmount: minor.optional(),
    q: z
      .string()
      .trim()
      .regex(/^TW-[\d-]{0,20}$/i, { error: 'the start of a billing number, such as TW-202611' })
      .transform((v) => v.toUpperCase())
      .optional(),
    sort: z.enum(['billedAt', 'amount']).default('billedAt'),
    order: z.enum(['asc', 'desc']).default('asc'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  // The month's books by default; a booking, a user, an email or a bill number is found across all time.
  .refine(
    (q) =>
      q.month !== undefined ||
      (q.from !== undefined && q.to !== undefined) ||
      [q.bookingId, q.userId, q.email, q.q].some((v) => v !== undefined),
    {
      path: ['month'],
      message: 'give a month (YYYY-MM), or from and to (YYYY-MM-DD), or a booking, user, email or number',
    },
  )
  .refine((q) => !q.from || !q.to || q.from < q.to, { path: ['to'], message: 'must be after `from`' })
  .refine((q) => q.minAmount === undefined || q.maxAmount === undefined || q.minAmount <= q.maxAmount, {
    path: ['minAmount'],
    message: 'must not be above `maxAmount`',
  })
  .transform(({ month, from, to, ...rest }) => ({
    ...rest,
    ...(month ? monthRange(month) : { from, to }),
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
      summary:
        'Billing records of a month or between two dates (`to` exclusive), or of a booking, user, email or number, ' +
        'filtered by status and amount, with the total and the sums',
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
      summary: 'One billing record with its invoice, refunds, card movement and the card (masked)',
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

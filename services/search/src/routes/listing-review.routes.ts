import { z } from 'zod';
import { listingDecisionSchema } from '@tripwise/contracts';
import type { Db } from '@tripwise/platform/db';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import type { Logger } from '@tripwise/platform/logger';
import {
  decideListing,
  decideMany,
  setPaused,
  type DropPhotoFiles,
} from '../domain/listings/listing-decisions.use-case.ts';
import {
  adminListingAudit,
  listingHistory,
  listingSummary,
  reviewQueuePage,
} from '../domain/listings/listing-queries.use-case.ts';
import type { ListingChanged } from '../domain/listings/manage-listings.use-case.ts';
import type { UserDirectory } from '../clients/users.client.ts';

const kind = z.enum(['hotels', 'cars', 'flights']);
const idParams = z.object({ kind, id: z.string().regex(/^\d{1,18}$/, { error: 'a listing id' }) });
const page = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
};
const isoDay = z.iso.date({ error: 'a date as YYYY-MM-DD' });
const queueQuery = z.object({
  kind: z.enum(['hotels', 'cars']).optional(),
  type: z.enum(['new', 'change']).optional(),
  sort: z.literal('submittedAt').default('submittedAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...page,
});
const bulkBody = z.strictObject({
  decisions: z
    .array(
      z
        .strictObject({
          kind,
          id: z.string().regex(/^\d{1,18}$/, { error: 'a listing id' }),
          action: z.enum(['approve', 'reject']),
          note: z.string().trim().min(1, { error: 'required' }).max(1_000).optional(),
        })
        .refine((d) => d.action !== 'reject' || d.note !== undefined, {
          path: ['note'],
          message: 'a note for the owner is required to reject',
        }),
    )
    .min(1)
    .max(100),
});
const auditQuery = z.object({ actorId: z.uuid().optional(), from: isoDay.optional(), to: isoDay.optional(), ...page });
const REFUSED = { 401: 'Not signed in', 403: 'Not allowed (admins: sign in with the second factor)' };

/**
 * Statuses and review: owners pause and resume their live listings and read their history and counters; admins
 * decide (approve, reject, suspend, reinstate, with a note), work the review queue, in bulk too, and read the audit.
 * Mounted before the listings routes, whose `/:kind` would otherwise take `/summary` and `/review-queue`.
 */
export function listingReviewRoutes(
  db: Db,
  changed: ListingChanged,
  logger: Logger,
  users: UserDirectory,
  dropPhotoFiles?: DropPhotoFiles,
): DocumentedRouter {
  const docs = documentedRouter('listings');
  const { route } = docs;
  route(
    {
      method: 'get',
      path: '/summary',
      access: 'owner',
      summary: 'How many listings are in each status (owners: their own; admins: all, flights too)',
      responses: { 200: 'Counts per kind and status', ...REFUSED },
    },
    async ({ identity }, req, res) => {
      res.json(await listingSummary(db, identity));
    },
  );
  route(
    {
      method: 'get',
      path: '/review-queue',
      access: 'admin',
      summary: 'New listings and changes to live ones waiting for review, oldest first, live and proposed side by side',
      query: queueQuery,
      responses: { 200: 'A page of the queue and its total', 400: 'Invalid query', ...REFUSED },
    },
    async ({ query }, req, res) => {
      res.json(await reviewQueuePage(db, query, users));
    },
  );
  route(
    {
      method: 'post',
      path: '/review-queue/decisions',
      access: 'admin',
      summary: 'Approve or reject many at once; each in its own transaction, each with its own result',
      body: bulkBody,
      responses: { 200: 'One result per decision', 400: 'Invalid decision', ...REFUSED },
    },
    async ({ body, identity }, req, res) => {
      res.json(await decideMany(db, identity, body.decisions, changed, logger, dropPhotoFiles));
    },
  );
  route(
    {
      method: 'get',
      path: '/admin/audit',
      access: 'admin',
      summary: "Admins' actions on listings, newest first",
      query: auditQuery,
      responses: { 200: 'A page of audit events', 400: 'Invalid query', ...REFUSED },
    },
    async ({ query }, req, res) => {
      const { limit, cursor, ...filter } = query;
      res.json(await adminListingAudit(db, filter, { limit, cursor }));
    },
  );
  route(
    {
      method: 'post',
      path: '/:kind/:id/decision',
      access: 'admin',
      summary: 'Approve, reject, suspend or reinstate a listing, with a note to its owner',
      params: idParams,
      body: listingDecisionSchema,
      responses: { 200: 'The listing with its review', 404: 'Not found', 409: 'invalid-transition', ...REFUSED },
    },
    async ({ params, body, identity }, req, res) => {
      res.json(await decideListing(db, identity, params.kind, params.id, body, changed, dropPhotoFiles));
    },
  );
  for (const [verb, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    route(
      {
        method: 'post',
        path: `/:kind/:id/${verb}`,
        access: 'owner',
        summary: paused ? 'Take a live listing out of search for now' : 'Put a paused listing back in search',
        params: idParams,
        responses: { 200: 'The listing', 404: 'Not found, or not yours', 409: 'not-pausable', ...REFUSED },
      },
      async ({ params, identity }, req, res) => {
        res.json(await setPaused(db, identity, params.kind, params.id, paused, changed));
      },
    );
  }
  route(
    {
      method: 'get',
      path: '/:kind/:id/history',
      access: 'owner',
      summary: "A listing's history: who changed, paused or decided what, and when",
      params: idParams,
      query: z.object(page),
      responses: { 200: 'A page of events, newest first', 404: 'Not found, or not yours', ...REFUSED },
    },
    async ({ params, query, identity }, req, res) => {
      res.json(await listingHistory(db, identity, params.kind, params.id, query));
    },
  );
  return docs;
}

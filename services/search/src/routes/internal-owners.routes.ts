import { z } from 'zod';
import type { Db } from '@tripwise/platform/db';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import { suspendListingsOfDeletedOwner } from '../domain/listings/deleted-owner.use-case.ts';
import type { ListingChanged } from '../domain/listings/manage-listings.use-case.ts';

/** What auth tells search about owners, behind the services' credential (never through the gateway). */
export function internalOwnerRoutes(db: Db, changed: ListingChanged): DocumentedRouter {
  const docs = documentedRouter('owners (internal)');
  docs.route(
    {
      method: 'post',
      path: '/owners/:ownerId/deleted',
      access: 'internal',
      summary: "An owner's account was deleted: their live listings are suspended, those in review rejected",
      params: z.object({ ownerId: z.uuid() }),
      responses: { 200: 'How many were suspended and rejected', 400: 'Not a user id', 401: 'No service credential' },
    },
    async ({ params }, _req, res) => {
      res.json(await suspendListingsOfDeletedOwner(db, params.ownerId, changed));
    },
  );
  return docs;
}

import { z } from 'zod';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import { findUserBriefs } from '../data/user-brief.repository.ts';
import { findUserCohorts } from '../data/user-cohort.repository.ts';
import type { AuthDeps } from '../domain/auth-deps.ts';

const lookupBody = z
  .strictObject({
    ids: z.array(z.uuid()).max(100).optional(),
    emails: z.array(z.email()).max(100).optional(),
  })
  .refine((b) => (b.ids?.length ?? 0) + (b.emails?.length ?? 0) > 0, { path: ['ids'], message: 'ids or emails' });

/**
 * Who users are, for other services that show people (the owner of a listing, the demo owner `npm start` gives
 * demo listings to). Under /internal, which the gateway never forwards, behind the services' credential.
 */
export function internalUserRoutes(deps: AuthDeps): DocumentedRouter {
  const docs = documentedRouter('internal');
  docs.route(
    {
      method: 'post',
      path: '/internal/users/lookup',
      access: 'internal',
      summary: 'Id, email, name and role of the users with these ids or emails',
      body: lookupBody,
      responses: { 200: '{ items }', 400: 'Invalid ids or emails' },
    },
    async ({ body }, _req, res) => {
      res.json({ items: await findUserBriefs(deps.db, body) });
    },
  );
  docs.route(
    {
      method: 'post',
      path: '/internal/users/cohorts',
      access: 'internal',
      summary: 'Home city, state and sign-up month of the users with these ids (for insights cohorts; no names)',
      body: z.strictObject({ ids: z.array(z.uuid()).min(1).max(100) }),
      responses: { 200: '{ items }', 400: 'Invalid ids' },
    },
    async ({ body }, _req, res) => {
      res.json({ items: await findUserCohorts(deps.db, body.ids) });
    },
  );
  return docs;
}

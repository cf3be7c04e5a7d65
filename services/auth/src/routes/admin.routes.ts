import { z } from 'zod';
import { ROLES } from '@tripwise/platform/auth';
import { badRequest } from '@tripwise/platform/errors';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import { listAuditEvents } from '../data/audit.repository.ts';
import {
  deleteUserAsAdmin,
  getUserForAdmin,
  listUsers,
  revokeSessionsAsAdmin,
  updateUserAsAdmin,
} from '../domain/admin/admin-users.use-case.ts';
import { auditWithPeople } from '../domain/admin/admin-audit.use-case.ts';
import type { AuthDeps } from '../domain/auth-deps.ts';
import { requestMeta } from './http-context.ts';
import type { RoutePolicies } from './session.routes.ts';

const limit = z.coerce.number().int().min(1).max(100).default(25);
const day = z.iso.date({ error: 'a date as YYYY-MM-DD' });
const userCursor = z
  .string()
  .max(200)
  .transform((value, ctx) => {
    try {
      return z
        .object({ v: z.string().max(60).nullable(), id: z.uuid() })
        .parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'the nextCursor of a previous page' });
      return z.NEVER;
    }
  });
const idParams = z.object({ id: z.uuid() });
const REFUSED = { 401: 'Not signed in', 403: 'Not an admin signed in with 2FA' };

/** Users and the audit log, for admins signed in with their second factor. */
export function adminRoutes(deps: AuthDeps, _policies: RoutePolicies): DocumentedRouter {
  const docs = documentedRouter('admin');
  const { route } = docs;
  route(
    {
      method: 'get',
      path: '/admin/users',
      access: 'admin',
      summary: 'Search users by email or name, role, status and 2FA, in the asked order, with the total',
      query: z
        .object({
          q: z.string().trim().min(1).max(100).optional(),
          role: z.enum(ROLES).optional(),
          status: z.enum(['active', 'locked', 'unverified']).optional(),
          twoFactor: z.enum(['on', 'off']).optional(),
          sort: z.enum(['createdAt', 'email', 'lastSignInAt']).default('createdAt'),
          order: z.enum(['asc', 'desc']).optional(),
          limit,
          cursor: userCursor.optional(),
        })
        // Dates newest first, emails from A, unless the order is given.
        .transform(({ order, ...rest }) => ({
          ...rest,
          order: order ?? (rest.sort === 'email' ? ('asc' as const) : ('desc' as const)),
        })),
      responses: { 200: 'A page of users, the next cursor and the total', 400: 'Invalid query', ...REFUSED },
    },
    async ({ query }, _req, res) => {
      res.json(await listUsers(deps, query));
    },
  );

  route(
    {
      method: 'get',
      path: '/admin/users/:id',
      access: 'admin',
      summary: 'One user with their sessions',
      params: idParams,
      responses: { 200: 'The user', 404: 'No such user', ...REFUSED },
    },
    async ({ params }, _req, res) => {
      res.json(await getUserForAdmin(deps, params.id));
    },
  );

  route(
    {
      method: 'patch',
      path: '/admin/users/:id',
      access: 'admin',
      summary: 'Change a role or disable an account (ends every session)',
      params: idParams,
      body: z.strictObject({
        role: z.enum(ROLES).optional(),
        disabled: z.boolean().optional(),
        /** Why, kept in the audit event and shown on the user's page. */
        reason: z.string().trim().min(1).max(500).optional(),
      }),
      responses: {
        200: 'The user',
        400: 'Nothing to change',
        404: 'No such user',
        409: 'Admins cannot lock themselves out',
        ...REFUSED,
      },
    },
    async ({ params, body, identity }, req, res) => {
      if (body.role === undefined && body.disabled === undefined) throw badRequest('Send role, disabled or both.');
      res.json(await updateUserAsAdmin(deps, identity.userId, params.id, body, requestMeta(req)));
    },
  );

  route(
    {
      method: 'post',
      path: '/admin/users/:id/sessions/revoke',
      access: 'admin',
      summary: 'Sign a user out everywhere (or of one session) without locking the account',
      params: idParams,
      body: z.strictObject({ sessionId: z.uuid().optional() }),
      responses: { 200: '{ endedSessions }', 404: 'No such user or session', ...REFUSED },
    },
    async ({ params, body, identity }, req, res) => {
      res.json(await revokeSessionsAsAdmin(deps, identity.userId, params.id, body.sessionId, requestMeta(req)));
    },
  );

  route(
    {
      method: 'delete',
      path: '/admin/users/:id',
      access: 'admin',
      summary: 'Delete a user',
      params: idParams,
      responses: { 204: 'Deleted', 404: 'No such user', 409: 'Not your own account', ...REFUSED },
    },
    async ({ params, identity }, req, res) => {
      await deleteUserAsAdmin(deps, identity.userId, params.id, requestMeta(req));
      res.status(204).end();
    },
  );

  route(
    {
      method: 'get',
      path: '/admin/audit',
      access: 'admin',
      summary: 'The audit log, newest first',
      query: z
        .object({
          userId: z.uuid().optional(),
          actorId: z.uuid().optional(),
          event: z
            .string()
            .regex(/^[a-z_.]{1,60}$/)
            .optional(),
          from: day.optional(),
          to: day.optional(),
          cursor: z.coerce.number({ error: 'the nextCursor of a previous page' }).int().positive().optional(),
          limit,
        })
        .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['from'], message: 'must not be after `to`' }),
      responses: { 200: 'A page of events, with who they were about and who acted', 400: 'Invalid query', ...REFUSED },
    },
    async ({ query }, _req, res) => {
      const items = await listAuditEvents(deps.db, { ...query, beforeId: query.cursor });
      const last = items[items.length - 1];
      res.json({
        items: await auditWithPeople(deps.db, items),
        nextCursor: items.length === query.limit && last ? String(last.id) : null,
      });
    },
  );

  return docs;
}
